/**
 * A table's Table Schema made ready to check rows: which column holds each field (by position,
 * or by name when `fieldsMatch` allows other orders), a caster per field, and its constraints
 * as small functions. Compiled once per head and shared by every schema check, so each row is
 * cast once however many schema rules run (see castRow).
 */
import {casterFor, descriptorValue, INVALID, keyOf, lengthOf, type Caster} from '../../metadata/table-schema/cast/index.js'
import type {FieldConstraints, SchemaField, TableSchema} from '../../metadata/table-schema/types.js'
import type {Row, TableHead} from '../../table/types.js'
import {patternTest} from './pattern.js'

export {INVALID} from '../../metadata/table-schema/cast/index.js'

/** A constraint a value breaks: its name and the limit the schema sets. */
export interface Broken {
  constraint: keyof FieldConstraints
  expected: unknown
}

type ConstraintTest = (value: unknown, cell: string) => Broken | undefined

export interface CompiledField {
  field: SchemaField
  /** Position of the field in the schema (0-based). */
  index: number
  /** Column of the field in the data (0-based); -1 when the table has no such column. */
  column: number
  cast: Caster
  missing: Set<string>
  /** The usual case, missingValues [""]: a string comparison instead of a set lookup. */
  missingIsEmpty: boolean
  required: boolean
  tests: ConstraintTest[]
}

export interface CompiledSchema {
  schema: TableSchema
  /** Every field with a column, in schema order; unusable fields left out. */
  fields: CompiledField[]
  /** Column of every schema field by name (-1: absent), unusable ones included. */
  columns: Map<string, number>
  byName: Map<string, CompiledField>
  /** castRow's result, reused row after row (each check reads it before the next row). */
  values: unknown[]
  /** Whether labels are compared with field names (a header row, and not a later part of a multipart resource). */
  labelsChecked: boolean
}

/** Column of each schema field: by position for `exact` (and tables without a header), else by label. */
export function fieldColumns(schema: TableSchema, head: TableHead): number[] {
  const positional = schema.fieldsMatch === 'exact' || !head.dialect.header || (head.packageResource?.part ?? 0) > 0
  if (positional) return schema.fields.map((_, i) => (i < head.labels.length ? i : -1))
  const norm = (s: string) => (schema.caseSensitiveHeader ? s : s.toLowerCase())
  const byLabel = new Map<string, number>()
  head.labels.forEach((label, i) => {
    if (!byLabel.has(norm(label))) byLabel.set(norm(label), i)
  })
  return schema.fields.map((f) => byLabel.get(norm(f.name)) ?? -1)
}

function withCategories(field: SchemaField, cast: Caster): Caster {
  if (!field.categories) return cast
  const allowed = new Set(field.categories.map((c) => keyOf(descriptorValue(field, cast, c))))
  return (cell) => {
    const value = cast(cell)
    return value === INVALID || allowed.has(keyOf(value)) ? value : INVALID
  }
}

function constraintTests(field: SchemaField, cast: Caster): ConstraintTest[] {
  const c = field.constraints
  const tests: ConstraintTest[] = []
  const limit = (name: keyof FieldConstraints) => descriptorValue(field, cast, c[name]) as number | bigint
  // A string of n UTF-16 units has between n/2 and n characters: most strings are judged without counting.
  if (c.minLength !== undefined) {
    const min = c.minLength
    tests.push((v) => ((typeof v === 'string' && v.length >= 2 * min) || (lengthOf(v) ?? Infinity) >= min ? undefined : {constraint: 'minLength', expected: min}))
  }
  if (c.maxLength !== undefined) {
    const max = c.maxLength
    tests.push((v) => ((typeof v === 'string' && v.length <= max) || (lengthOf(v) ?? -Infinity) <= max ? undefined : {constraint: 'maxLength', expected: max}))
  }
  if (c.minimum !== undefined) {
    const min = limit('minimum')
    tests.push((v) => ((v as number) < min ? {constraint: 'minimum', expected: c.minimum} : undefined))
  }
  if (c.maximum !== undefined) {
    const max = limit('maximum')
    tests.push((v) => ((v as number) > max ? {constraint: 'maximum', expected: c.maximum} : undefined))
  }
  if (c.exclusiveMinimum !== undefined) {
    const min = limit('exclusiveMinimum')
    tests.push((v) => ((v as number) <= min ? {constraint: 'exclusiveMinimum', expected: c.exclusiveMinimum} : undefined))
  }
  if (c.exclusiveMaximum !== undefined) {
    const max = limit('exclusiveMaximum')
    tests.push((v) => ((v as number) >= max ? {constraint: 'exclusiveMaximum', expected: c.exclusiveMaximum} : undefined))
  }
  if (c.pattern !== undefined) {
    // Linear time whatever the pattern (pattern.ts), so a schema cannot make odcheck hang. The whole cell must match.
    const matches = patternTest(c.pattern)
    tests.push((_v, cell) => (matches(cell) ? undefined : {constraint: 'pattern', expected: c.pattern}))
  }
  if (c.enum !== undefined) {
    const keys = c.enum.map((item) => keyOf(descriptorValue(field, cast, item)))
    const allowed = new Set(keys)
    // A short list is faster to look through than to hash each (new) cell for, comparing only keys of the cell's length.
    const byLength: string[][] = []
    for (const key of keys) if (typeof key === 'string') (byLength[key.length] ??= []).push(key)
    const has =
      keys.length <= 16
        ? (key: string) => {
            // keyOf gives undefined for a value JSON cannot write (a field the schema leaves unusable).
            if (typeof key !== 'string') return keys.includes(key)
            const same = byLength[key.length]
            if (same === undefined) return false
            for (let i = 0; i < same.length; i++) if (same[i] === key) return true
            return false
          }
        : (key: string) => allowed.has(key)
    tests.push((v) => (has(keyOf(v)) ? undefined : {constraint: 'enum', expected: c.enum}))
  }
  return tests
}

function compile(schema: TableSchema, head: TableHead): CompiledSchema {
  const columnList = fieldColumns(schema, head)
  const columns = new Map(schema.fields.map((f, i) => [f.name, columnList[i]]))
  const fields: CompiledField[] = []
  schema.fields.forEach((field, index) => {
    const column = columnList[index]
    if (field.unusable || column < 0) return
    const base = casterFor(field)
    if (!base) return
    const cast = withCategories(field, base)
    const missing = new Set(field.missingValues)
    const missingIsEmpty = missing.size === 1 && missing.has('')
    fields.push({field, index, column, cast, missing, missingIsEmpty, required: field.constraints.required === true, tests: constraintTests(field, cast)})
  })
  return {
    schema,
    fields,
    columns,
    byName: new Map(fields.map((f) => [f.field.name, f])),
    values: new Array<unknown>(fields.length),
    labelsChecked: head.dialect.header && (head.packageResource?.part ?? 0) === 0,
  }
}

const compiled = new WeakMap<TableHead, CompiledSchema | null>()

/** The head's schema compiled; undefined when the table has none. Cached per head object. */
export function compiledSchema(head: TableHead): CompiledSchema | undefined {
  let entry = compiled.get(head)
  if (entry === undefined) {
    entry = head.schema ? compile(head.schema, head) : null
    compiled.set(head, entry)
  }
  return entry ?? undefined
}

/** A cell that is one of the field's missing values. */
export const MISSING = null
/** A column the row does not reach (missing-cell reports that): nothing to check. */
export const ABSENT: unique symbol = Symbol('absent')

let lastRow: Row | undefined
let lastSchema: CompiledSchema | undefined

/**
 * The row's values, one per compiled field: the cast value, INVALID, MISSING or ABSENT. The
 * engine runs every rule's row hook on one row before the next, so the first schema check to
 * see a row casts it and the others reuse the result.
 */
export function castRow(schema: CompiledSchema, row: Row): unknown[] {
  const values = schema.values
  if (row === lastRow && schema === lastSchema) return values
  const cells = row.cells
  // A blank row is blank-row's finding, not one per required field.
  let blank = true
  for (let i = 0; i < cells.length && blank; i++) blank = cells[i] === ''
  if (blank) {
    values.fill(ABSENT)
    lastRow = row
    lastSchema = schema
    return values
  }
  for (let i = 0; i < schema.fields.length; i++) {
    const f = schema.fields[i]
    const cell = cells[f.column]
    values[i] = cell === undefined ? ABSENT : (f.missingIsEmpty ? cell === '' : f.missing.has(cell)) ? MISSING : f.cast(cell)
  }
  lastRow = row
  lastSchema = schema
  return values
}
