/**
 * Keys of rows for unique-error, primary-key and foreign-key: the fields named, their place
 * among the compiled fields, and the row's key hash (undefined when a value is missing or not
 * of its type, since such rows are other rules' findings).
 */
import {keyOf} from '../../metadata/table-schema/cast/index.js'
import type {Row} from '../../table/types.js'
import {ABSENT, castRow, INVALID, MISSING, type CompiledSchema} from './compile.js'
import {hashInto} from '../../table/key-table.js'

export interface KeyDef {
  fields: string[]
  /** Indexes into CompiledSchema.fields. */
  indices: number[]
  /** Column of the first field (0-based), where findings point. */
  column: number
}

/** The key over these fields; undefined when one of them has no usable column. */
export function keyDef(schema: CompiledSchema, fields: string[]): KeyDef | undefined {
  const indices: number[] = []
  for (const name of fields) {
    const f = schema.byName.get(name)
    if (!f) return undefined
    indices.push(schema.fields.indexOf(f))
  }
  return {fields, indices, column: schema.fields[indices[0]].column}
}

export const NO_KEY = 0
export const MISSING_KEY = 1
export const HAS_KEY = 2
export type KeyResult = typeof NO_KEY | typeof MISSING_KEY | typeof HAS_KEY

/** rowKey's hash halves, when it returns HAS_KEY; read before the next call. */
export const KEY_HASH = new Uint32Array(2)

/** Hashes a row's key into KEY_HASH: NO_KEY when a value is invalid or the row is blank, MISSING_KEY when a value is missing. */
export function rowKey(schema: CompiledSchema, def: KeyDef, row: Row): KeyResult {
  const values = castRow(schema, row)
  let text = ''
  let missing = false
  for (let i = 0; i < def.indices.length; i++) {
    const value = values[def.indices[i]]
    if (value === INVALID || value === ABSENT) return NO_KEY
    if (value === MISSING) {
      missing = true
      continue
    }
    text = i === 0 ? keyOf(value) : `${text}\u001f${keyOf(value)}`
  }
  if (missing) return MISSING_KEY
  hashInto(text, KEY_HASH)
  return HAS_KEY
}
