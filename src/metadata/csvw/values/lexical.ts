/** Lexical forms of the XML Schema string-like, binary and boolean datatypes CSVW builds on. */
import {derivesFrom} from '../vocabulary.js'

const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}'
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`
const NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u')
const NCNAME = new RegExp(`^[${NAME_START.slice(1)}][${NAME_CHAR.slice(1)}]*$`, 'u')
const NMTOKEN = new RegExp(`^[${NAME_CHAR}]+$`, 'u')
const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/
const HEX = /^([0-9a-fA-F]{2})*$/
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Why `value` is not in the lexical space of `base`, or undefined when it is. */
export function lexicalProblem(value: string, base: string): string | undefined {
  if (base === 'boolean') return ['true', 'false', '1', '0'].includes(value) ? undefined : 'is not a boolean (true, false, 1 or 0)'
  if (base === 'hexBinary') return HEX.test(value) ? undefined : 'is not hexadecimal binary (pairs of 0-9, A-F)'
  if (derivesFrom(base, 'base64Binary')) return BASE64.test(value.replace(/\s/g, '')) ? undefined : 'is not base64-encoded binary'
  if (base === 'json') {
    try {
      JSON.parse(value)
      return undefined
    } catch {
      return 'is not valid JSON'
    }
  }
  if (base === 'QName' || base === 'NOTATION') {
    const [a, b, ...rest] = value.split(':')
    return rest.length === 0 && NCNAME.test(a) && (b === undefined || NCNAME.test(b)) ? undefined : `is not a ${base} (prefix:name)`
  }
  if (!derivesFrom(base, 'normalizedString')) return undefined
  if (/[\r\n\t]/.test(value)) return `holds a line break or tab, which ${base} does not allow`
  if (base === 'normalizedString') return undefined
  if (/^ | $| {2}/.test(value)) return `has leading, trailing or double spaces, which ${base} does not allow`
  if (base === 'language') return LANGUAGE.test(value) ? undefined : 'is not a language tag'
  if (base === 'NMTOKEN') return NMTOKEN.test(value) ? undefined : 'is not an NMTOKEN (letters, digits, ., -, _ and : only)'
  if (base === 'Name') return NAME.test(value) ? undefined : 'is not an XML Name'
  if (derivesFrom(base, 'NCName')) return NCNAME.test(value) ? undefined : `is not an XML NCName, as ${base} requires`
  return undefined
}

/** Length as CSVW counts it: characters for strings, bytes for binary data. */
export function valueLength(value: string, base: string): number {
  if (base === 'hexBinary') return value.length / 2
  if (derivesFrom(base, 'base64Binary')) return Buffer.from(value.replace(/\s/g, ''), 'base64').length
  let n = 0
  for (const _ of value) n++
  return n
}
