/**
 * Validates Frictionless descriptors against the profiles in schemas/frictionless/ (written
 * for odcheck from the v1 and v2 specifications) and turns ajv's errors into problems with a
 * JSONPath and a plain-words note.
 */
import type {ErrorObject, ValidateFunction} from 'ajv'
import {schemaFileValidator} from '../ajv.js'
import {metadataSchemasDir} from '../schema.js'

export type ProfileName = 'data-package' | 'table-schema' | 'table-dialect'

function validator(profile: ProfileName): ValidateFunction {
  return schemaFileValidator('profile', metadataSchemasDir, `frictionless/${profile}.json`)
}

/** `$.resources[1].schema.fields[0]["my field"]` from a JSON pointer such as `/resources/1/schema`. */
export function jsonPath(base: string, pointer: string): string {
  if (pointer === '') return base
  return (
    base +
    pointer
      .slice(1)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`))
      .join('')
  )
}

export function childPath(base: string, key: string | number): string {
  return jsonPath(base, `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`)
}

export interface ProfileError {
  /** JSON pointer of the value at fault, relative to the validated descriptor. */
  pointer: string
  reason: string
  note: string
}

function describe(e: ErrorObject): ProfileError {
  const params = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
      return {pointer: e.instancePath, reason: 'required', note: `"${String(params.missingProperty)}" is required`}
    case 'enum':
      return {pointer: e.instancePath, reason: 'enum', note: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`}
    case 'type':
      return {pointer: e.instancePath, reason: 'type', note: `must be ${String(params.type).replace(',', ' or ')}`}
    case 'pattern':
      return {pointer: e.instancePath, reason: 'pattern', note: `must match ${String(params.pattern)}`}
    case 'anyOf':
      return {pointer: e.instancePath, reason: 'anyOf', note: 'does not have the shape the specification requires'}
    default:
      return {pointer: e.instancePath, reason: e.keyword, note: e.message ?? 'is invalid'}
  }
}

/**
 * The descriptor's problems against a profile. An `anyOf` failure is reported once, without the
 * complaints of each branch it tried, unless a branch failed only for a `required` property.
 */
export function profileErrors(profile: ProfileName, descriptor: unknown): ProfileError[] {
  const validate = validator(profile)
  if (validate(descriptor)) return []
  const errors = validate.errors ?? []
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath.replace(/\/anyOf$/, '/anyOf/'))
  const seen = new Set<string>()
  const out: ProfileError[] = []
  for (const e of errors) {
    if (anyOfPaths.some((p) => e.schemaPath.startsWith(p))) continue
    const problem = describe(e)
    if (e.keyword === 'anyOf') {
      // anyOf [{required: [path]}, {required: [data]}]: say which properties would do.
      const prefix = e.schemaPath + '/'
      const branches = errors.filter((b) => b.schemaPath.startsWith(prefix) && b.instancePath === e.instancePath)
      if (branches.length > 0 && branches.every((b) => b.keyword === 'required')) {
        problem.reason = 'required'
        problem.note = `needs ${branches.map((b) => `"${String((b.params as {missingProperty: string}).missingProperty)}"`).join(' or ')}`
      }
    }
    const key = `${problem.pointer} ${problem.note}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(problem)
  }
  return out
}
