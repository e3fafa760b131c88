/**
 * Infers a Frictionless Table Schema from a table in one pass over every row: each column's
 * type and format (UK dates, decimal commas, currency and percentages), `required` where no
 * value is missing, an `enum` for columns of a few repeated values, the missing-value markers
 * seen (NA, N/A, "..", "x") and the columns whose values are all different (primary key
 * candidates). The schema accepts the table it came from: checking the table with it finds nothing.
 */
import {newKeyTable, insert, hashKey, type KeyTable} from '../../table/key-table.js'
import {dataRange} from '../../engine/run-table.js'
import {openTable, type OpenOptions} from '../../table/open.js'
import {readRows} from '../../table/rows.js'
import type {TableHead} from '../../table/types.js'
import {allCandidates, fits, type Candidate, type FieldDescription} from './candidates.js'
import {GSS_CODE, keyRole, rankKeyCandidates, TOKEN_MAX_LENGTH, TOKEN_MAX_SPACES, type KeyRole} from './keys.js'

/** Markers publishers use for "no value"; only those seen in a column of numbers or dates become missingValues. */
const MISSING_MARKERS = new Set(['NA', 'N/A', 'n/a', 'na', '#N/A', '-', '--', 'null', 'NULL', 'None', '..', ':', 'x', 'X', '*'])
const ENUM_MAX = 10
const ENUM_MIN_ROWS = 10

interface Column {
  label: string
  values: number
  empty: number
  absent: number
  markers: Map<string, number>
  alive: Candidate[]
  distinct?: Map<string, number>
  keys?: KeyTable
  plusSign: boolean
  /** Every value so far is an ONS GSS code. */
  gssCodes: boolean
  /** Every value so far is short, with few spaces, as a code or reference number is. */
  tokenLike: boolean
}

export interface InferredField extends Omit<FieldDescription, 'format'> {
  name: string
  /** Left out when it is `default`. */
  format?: string
  constraints?: {required?: boolean; enum?: string[]}
}

export interface InferredSchema {
  fields: InferredField[]
  missingValues: string[]
  primaryKey?: string[]
}

export interface InferResult {
  schema: InferredSchema
  head: TableHead
  rows: number
  /** Columns whose values are all present and different, best first (identifier-like first), measures left out; only an identifier-like one is set as primaryKey. */
  primaryKeyCandidates: string[]
  /** Columns whose values are all present and different but that are measures (counts, amounts), so not keys. */
  uniqueMeasures: string[]
  /** Markers counted as missing values, with how many cells held them. */
  missingSeen: Record<string, number>
}

function newColumn(label: string): Column {
  return {label, values: 0, empty: 0, absent: 0, markers: new Map(), alive: allCandidates(), distinct: new Map(), keys: newKeyTable(), plusSign: false, gssCodes: true, tokenLike: true}
}

function observe(col: Column, cell: string | undefined, row: number): void {
  if (cell === undefined) {
    col.absent++
    col.keys = undefined
    return
  }
  if (cell === '') {
    col.empty++
    col.keys = undefined
    return
  }
  if (col.keys) {
    const [h, l] = hashKey(cell)
    if (insert(col.keys, h, l, row) !== 0) col.keys = undefined
    else if (col.gssCodes && !GSS_CODE.test(cell)) col.gssCodes = false
  }
  if (col.distinct) {
    col.distinct.set(cell, (col.distinct.get(cell) ?? 0) + 1)
    if (col.distinct.size > ENUM_MAX) col.distinct = undefined
  }
  if (MISSING_MARKERS.has(cell)) {
    col.markers.set(cell, (col.markers.get(cell) ?? 0) + 1)
    return
  }
  col.values++
  if (col.tokenLike && (cell.length > TOKEN_MAX_LENGTH || (cell.match(/\s/g)?.length ?? 0) > TOKEN_MAX_SPACES)) col.tokenLike = false
  if (cell.startsWith('+')) col.plusSign = true
  if (col.alive.length > 0) col.alive = col.alive.filter((c) => fits(c, cell))
}

/** A marker is a missing value when it stands in a column that is otherwise numbers, dates or booleans. */
function missingMarkers(columns: Column[]): Set<string> {
  const missing = new Set<string>()
  for (const col of columns) {
    if (col.values === 0 || col.alive.length === 0) continue
    for (const marker of col.markers.keys()) missing.add(marker)
  }
  return missing
}

function describe(col: Column, missing: Set<string>): {field: InferredField; key: boolean; role: KeyRole} {
  // Markers that are not missing values are values like any other.
  const kept = [...col.markers.keys()].filter((m) => !missing.has(m))
  let alive = col.alive
  for (const marker of kept) alive = alive.filter((c) => fits(c, marker))
  const values = col.values + kept.reduce((n, m) => n + col.markers.get(m)!, 0)
  const noneMissing = col.empty === 0 && col.absent === 0 && [...col.markers.keys()].every((m) => !missing.has(m))
  let field: InferredField
  if (values === 0) field = {name: col.label, type: 'any', format: 'default'}
  else field = {name: col.label, ...(alive[0]?.field ?? {type: 'string', format: 'default'})}
  if (field.type === 'boolean' && col.distinct) {
    // Only the spellings the column uses: "Yes"/"No", not every case of them.
    const seen = (list: string[]) => list.filter((v) => col.distinct!.has(v))
    const yes = seen(field.trueValues!)
    const no = seen(field.falseValues!)
    field = {...field, trueValues: yes.length ? yes : field.trueValues, falseValues: no.length ? no : field.falseValues}
  }
  const constraints: InferredField['constraints'] = {}
  if (noneMissing && values > 0) constraints.required = true
  const distinct = col.distinct ? [...col.distinct.keys()].filter((v) => !missing.has(v)) : undefined
  if (field.type === 'string' && field.format === 'default' && distinct && distinct.length >= 2 && values >= ENUM_MIN_ROWS && values >= distinct.length * 3) {
    constraints.enum = distinct.sort()
  }
  if (Object.keys(constraints).length > 0) field.constraints = constraints
  // A key is read as written: only strings and plain integers keep distinct values distinct.
  const key = Boolean(col.keys) && noneMissing && values > 0 && (field.type === 'string' || (field.type === 'integer' && !col.plusSign))
  return {field, key, role: keyRole(field, col.gssCodes, col.tokenLike)}
}

/** Drops what equals the Table Schema defaults, so the schema stays short. */
function tidy(field: InferredField): InferredField {
  const out = {name: field.name, type: field.type} as InferredField
  if (field.format !== 'default') out.format = field.format
  if (field.decimalChar && field.decimalChar !== '.') out.decimalChar = field.decimalChar
  if (field.groupChar) out.groupChar = field.groupChar
  if (field.bareNumber === false) out.bareNumber = false
  if (field.type === 'boolean') {
    out.trueValues = field.trueValues
    out.falseValues = field.falseValues
  }
  if (field.constraints) out.constraints = field.constraints
  return out
}

export async function inferTableSchema(path: string, options: OpenOptions = {}): Promise<InferResult> {
  const {head} = await openTable(path, path, options)
  const columns = head.labels.map((label, i) => newColumn(label.trim() === '' ? `field${i + 1}` : label))
  const range = await readRows(head, dataRange(head), (row) => {
    for (let i = 0; i < columns.length; i++) observe(columns[i], row.cells[i], row.rowNumber)
  })
  const missing = missingMarkers(columns)
  const described = columns.map((col) => describe(col, missing))
  const unique = described.filter((d) => d.key)
  const candidates = rankKeyCandidates(unique.map((d) => ({name: d.field.name, role: d.role})))
  const uniqueMeasures = unique.filter((d) => d.role === 'measure').map((d) => d.field.name)
  const schema: InferredSchema = {fields: described.map((d) => tidy(d.field)), missingValues: ['', ...[...missing].sort()]}
  // Only an identifier becomes the key; other unique columns are listed for the user to judge.
  const identifier = unique.find((d) => d.role === 'identifier')
  if (identifier && range.rowCount > 1) schema.primaryKey = [identifier.field.name]
  const missingSeen: Record<string, number> = {}
  for (const col of columns) for (const [m, n] of col.markers) if (missing.has(m)) missingSeen[m] = (missingSeen[m] ?? 0) + n
  return {schema, head, rows: range.rowCount, primaryKeyCandidates: candidates, uniqueMeasures, missingSeen}
}
