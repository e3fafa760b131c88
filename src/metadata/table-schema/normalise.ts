/**
 * Turns a Table Schema descriptor (v1 or v2) into the normalised TableSchema: defaults filled,
 * keys as lists, and every problem with the descriptor recorded with its JSONPath. Never
 * throws: a broken schema still checks what it can, and says what it could not.
 */
import {RE2JS} from 're2js'
import {casterFor, descriptorValue, INVALID, LENGTH_TYPES, ORDERED_TYPES, PatternError} from './cast/index.js'
import {DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES} from './cast/text.js'
import {childPath, jsonPath, profileErrors} from './profile.js'
import {FIELD_TYPES, type DescriptorProblem, type DescriptorRule, type FieldConstraints, type FieldType, type FieldsMatch, type ForeignKey, type SchemaField, type TableSchema} from './types.js'

export interface NormaliseContext {
  /** The descriptor file (the schema file, or the data package that holds the schema inline). */
  file: string
  /** JSONPath of the schema in that file: `$`, or `$.resources[2].schema`. */
  path: string
  /** Whether the schema belongs to a v2 descriptor (field type defaults to `any`). */
  v2?: boolean
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

const names = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

/** Constraints that make sense for each type; anything else is a field-error and ignored. */
function constraintApplies(constraint: keyof FieldConstraints, type: FieldType): boolean {
  switch (constraint) {
    case 'required':
    case 'unique':
    case 'enum':
      return true
    case 'minLength':
    case 'maxLength':
      return LENGTH_TYPES.includes(type)
    case 'pattern':
      // Tested against the cell as written, so any type can have one.
      return true
    default:
      return ORDERED_TYPES.includes(type)
  }
}

const CONSTRAINTS: Array<keyof FieldConstraints> = ['required', 'unique', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern', 'enum']

function missingValuesOf(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined
  return v.flatMap((item) => (typeof item === 'string' ? [item] : isObject(item) && typeof item.value === 'string' ? [item.value] : []))
}

class SchemaBuilder {
  readonly problems: DescriptorProblem[] = []

  constructor(readonly context: NormaliseContext) {}

  problem(rule: DescriptorRule, path: string, reason: string, note: string): void {
    this.problems.push({rule, path, reason, note, file: this.context.file})
  }

  field(raw: unknown, index: number, schemaMissing: string[]): SchemaField | undefined {
    const path = childPath(childPath(this.context.path, 'fields'), index)
    if (!isObject(raw) || typeof raw.name !== 'string') return undefined
    const declaredType = raw.type === undefined ? (this.context.v2 ? 'any' : 'string') : raw.type
    const known = (FIELD_TYPES as readonly unknown[]).includes(declaredType)
    const field: SchemaField = {
      name: raw.name,
      type: known ? (declaredType as FieldType) : 'any',
      format: typeof raw.format === 'string' && raw.format !== '' ? raw.format : 'default',
      path,
      constraints: {},
      missingValues: missingValuesOf(raw.missingValues) ?? schemaMissing,
    }
    if (!known) field.unusable = true
    if (typeof raw.title === 'string') field.title = raw.title
    if (field.type === 'number' || field.type === 'integer') {
      field.decimalChar = typeof raw.decimalChar === 'string' && raw.decimalChar !== '' ? raw.decimalChar : '.'
      field.groupChar = typeof raw.groupChar === 'string' ? raw.groupChar : ''
      field.bareNumber = typeof raw.bareNumber === 'boolean' ? raw.bareNumber : true
    }
    if (field.type === 'boolean') {
      field.trueValues = Array.isArray(raw.trueValues) ? names(raw.trueValues) : DEFAULT_TRUE_VALUES
      field.falseValues = Array.isArray(raw.falseValues) ? names(raw.falseValues) : DEFAULT_FALSE_VALUES
    }
    if (field.type === 'list') {
      field.delimiter = typeof raw.delimiter === 'string' && raw.delimiter !== '' ? raw.delimiter : ','
      field.itemType = typeof raw.itemType === 'string' && (FIELD_TYPES as readonly string[]).includes(raw.itemType) ? (raw.itemType as FieldType) : 'string'
    }
    if (Array.isArray(raw.categories) && (field.type === 'string' || field.type === 'integer')) {
      field.categories = raw.categories.flatMap((c) => (typeof c === 'string' || typeof c === 'number' ? [c] : isObject(c) && (typeof c.value === 'string' || typeof c.value === 'number') ? [c.value] : []))
    }
    if (field.unusable) return field
    let caster
    try {
      caster = casterFor(field)
    } catch (error) {
      if (!(error instanceof PatternError)) throw error
      this.problem('field-error', childPath(path, 'format'), 'bad-format', `${error.message}.`)
      field.unusable = true
      return field
    }
    if (!caster) {
      this.problem('field-error', childPath(path, 'format'), 'bad-format', formatNote(field))
      field.unusable = true
      return field
    }
    if (isObject(raw.constraints)) this.constraints(field, raw.constraints, caster)
    return field
  }

  private constraints(field: SchemaField, raw: Json, caster: (cell: string) => unknown): void {
    const path = childPath(field.path, 'constraints')
    for (const name of CONSTRAINTS) {
      const value = raw[name]
      if (value === undefined) continue
      const at = childPath(path, name)
      if (!constraintApplies(name, field.type)) {
        this.problem('field-error', at, 'constraint-type', `the ${name} constraint does not apply to a ${field.type} field, so it is not checked`)
        continue
      }
      switch (name) {
        case 'required':
        case 'unique':
          if (typeof value === 'boolean') field.constraints[name] = value
          break
        case 'minLength':
        case 'maxLength':
          if (typeof value === 'number' && Number.isInteger(value) && value >= 0) field.constraints[name] = value
          break
        case 'pattern':
          if (typeof value !== 'string') break
          try {
            RE2JS.compile(value)
            field.constraints.pattern = value
          } catch (error) {
            // Backreferences and lookarounds: RE2 refuses what cannot run in linear time.
            this.problem('schema-error', at, 'bad-pattern', `the pattern ${JSON.stringify(value)} cannot be used: ${(error as Error).message.replace(/^error parsing regexp: /, '')} (odcheck runs patterns with RE2, which has no backreferences or lookarounds)`)
          }
          break
        case 'enum':
          if (!Array.isArray(value)) break
          value.forEach((item, i) => {
            if (descriptorValue(field, caster, item) === INVALID) this.problem('field-error', childPath(at, i), 'constraint-value', `${JSON.stringify(item)} is not a valid ${field.type} value (format ${field.format})`)
          })
          field.constraints.enum = value
          break
        default:
          if (descriptorValue(field, caster, value) === INVALID) {
            this.problem('field-error', at, 'constraint-value', `${JSON.stringify(value)} is not a valid ${field.type} value (format ${field.format}), so the ${name} constraint is not checked`)
          } else field.constraints[name] = value
      }
    }
  }

  keyFields(raw: unknown, path: string, known: Set<string>, what: string): string[] | undefined {
    const list = names(raw)
    const unknown = list.filter((n) => !known.has(n))
    if (unknown.length > 0) {
      this.problem('schema-error', path, 'unknown-field', `${what} names ${unknown.map((n) => `"${n}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of the schema`)
      return undefined
    }
    return list.length > 0 ? list : undefined
  }
}

function formatNote(field: SchemaField): string {
  const formats: Partial<Record<FieldType, string>> = {
    string: 'default, email, uri, uuid or binary',
    date: 'default, any or a strftime pattern such as %d/%m/%Y',
    time: 'default, any or a strftime pattern such as %H:%M',
    datetime: 'default, any or a strftime pattern such as %d/%m/%Y %H:%M',
    geopoint: 'default, array or object',
    geojson: 'default or topojson',
  }
  return `"${field.format}" is not a format of the ${field.type} type (use ${formats[field.type] ?? 'default'}), so the values of "${field.name}" are not checked`
}

/** Normalises a parsed Table Schema descriptor; problems are in `problems`, never thrown. */
export function normaliseTableSchema(descriptor: unknown, context: NormaliseContext): TableSchema {
  const raw = isObject(descriptor) ? descriptor : {}
  const v2 = context.v2 ?? (typeof raw.$schema === 'string' && /datapackage\.org\/profiles\/2/.test(raw.$schema))
  const b = new SchemaBuilder({...context, v2})
  for (const e of profileErrors('table-schema', descriptor)) {
    const rule = /^\/fields\/\d+/.test(e.pointer) ? 'field-error' : 'schema-error'
    b.problem(rule, jsonPath(context.path, e.pointer), e.reason, e.note)
  }
  const missingValues = missingValuesOf(raw.missingValues) ?? ['']
  const fields: SchemaField[] = []
  const seen = new Set<string>()
  ;(Array.isArray(raw.fields) ? raw.fields : []).forEach((f, i) => {
    const field = b.field(f, i, missingValues)
    if (!field) return
    if (seen.has(field.name)) b.problem('schema-error', childPath(field.path, 'name'), 'duplicate-field', `two fields are named "${field.name}"`)
    seen.add(field.name)
    fields.push(field)
  })
  const primaryKey = b.keyFields(raw.primaryKey, childPath(context.path, 'primaryKey'), seen, 'primaryKey') ?? []
  const uniqueKeys: string[][] = []
  if (Array.isArray(raw.uniqueKeys)) {
    raw.uniqueKeys.forEach((key, i) => {
      const list = b.keyFields(key, childPath(childPath(context.path, 'uniqueKeys'), i), seen, 'uniqueKeys')
      if (list) uniqueKeys.push(list)
    })
  }
  const foreignKeys: ForeignKey[] = []
  if (Array.isArray(raw.foreignKeys)) {
    raw.foreignKeys.forEach((fk, i) => {
      const path = childPath(childPath(context.path, 'foreignKeys'), i)
      if (!isObject(fk) || !isObject(fk.reference)) return
      const local = b.keyFields(fk.fields, childPath(path, 'fields'), seen, 'foreignKeys fields')
      const target = names(fk.reference.fields)
      if (!local || target.length === 0) return
      if (local.length !== target.length) {
        b.problem('schema-error', path, 'key-length', `the foreign key and its reference name different numbers of fields (${local.length} and ${target.length})`)
        return
      }
      const resource = typeof fk.reference.resource === 'string' ? fk.reference.resource : ''
      if (resource === '' && b.keyFields(target, childPath(childPath(path, 'reference'), 'fields'), seen, 'the reference') === undefined) return
      foreignKeys.push({fields: local, reference: {resource, fields: target}, path})
    })
  }
  const fieldsMatch: FieldsMatch = ['exact', 'equal', 'subset', 'superset', 'partial'].includes(raw.fieldsMatch as string) ? (raw.fieldsMatch as FieldsMatch) : 'exact'
  return {fields, missingValues, primaryKey, uniqueKeys, foreignKeys, fieldsMatch, caseSensitiveHeader: true, problems: b.problems}
}
