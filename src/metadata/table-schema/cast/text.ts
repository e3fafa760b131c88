/** Strings (default, email, uri, uuid, binary) and booleans. */
import {INVALID, type Caster} from './types.js'

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
/** RFC 3986: a scheme, then no spaces or characters a URI may not hold. */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/
const UUID = /^(?:urn:uuid:)?\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export const STRING_FORMATS = ['default', 'email', 'uri', 'uuid', 'binary'] as const

const identity: Caster = (cell) => cell
const tested = (regex: RegExp): Caster => (cell) => (regex.test(cell) ? cell : INVALID)

export function stringCaster(format: string): Caster | undefined {
  switch (format) {
    case 'default':
      return identity
    case 'email':
      return tested(EMAIL)
    case 'uri':
      return tested(URI)
    case 'uuid':
      return tested(UUID)
    case 'binary':
      return tested(BASE64)
    default:
      return undefined
  }
}

export const DEFAULT_TRUE_VALUES = ['true', 'True', 'TRUE', '1']
export const DEFAULT_FALSE_VALUES = ['false', 'False', 'FALSE', '0']

export function booleanCaster(trueValues = DEFAULT_TRUE_VALUES, falseValues = DEFAULT_FALSE_VALUES): Caster {
  const yes = new Set(trueValues)
  const no = new Set(falseValues)
  return (cell) => (yes.has(cell) ? true : no.has(cell) ? false : INVALID)
}
