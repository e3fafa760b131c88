/**
 * A cell's string as CSVW turns it into a value (tabular-data-model 6.4 "Parsing cells"):
 * whitespace normalised by datatype, default for empty strings, split on the separator,
 * null values recognised, then each value parsed against the datatype.
 */
import type {CsvwColumn, CsvwDialect} from '../types.js'
import {parseValue, type ValueProblem} from './parse-value.js'

export interface CellProblem extends ValueProblem {
  /** The string value at fault (one item of a list). */
  value: string
}

export interface CellResult {
  /** Keys of the non-null values, for primary and foreign keys. */
  keys: string[]
  /** The cell is null (or an empty list). */
  isNull: boolean
  problems: CellProblem[]
  /** The cell is required but null or empty. */
  missing: boolean
}

const KEEPS_SPACE = new Set(['string', 'json', 'xml', 'html', 'anyAtomicType'])

/** Applies the dialect's `trim` to a raw cell. */
export function trimCell(raw: string, dialect: Pick<CsvwDialect, 'trim'>): string {
  switch (dialect.trim) {
    case 'true':
      return raw.trim()
    case 'start':
      return raw.trimStart()
    case 'end':
      return raw.trimEnd()
    default:
      return raw
  }
}

export function processCell(cell: string, column: CsvwColumn): CellResult {
  const {datatype} = column
  const base = datatype.base
  let text = cell
  if (!KEEPS_SPACE.has(base)) text = text.replace(/[\r\n\t]/g, ' ')
  if (!KEEPS_SPACE.has(base) && base !== 'normalizedString') text = text.trim().replace(/ {2,}/g, ' ')
  if (text === '') text = column.default
  const result: CellResult = {keys: [], isNull: false, problems: [], missing: false}
  let parts: string[]
  if (column.separator !== null) {
    if (text === '') {
      result.isNull = true
      result.missing = column.required
      return result
    }
    parts = text.split(column.separator)
    if (base !== 'string' && base !== 'anyAtomicType') parts = parts.map((p) => p.trim())
  } else parts = [text]
  let nulls = 0
  for (let part of parts) {
    if (part === '') part = column.default
    if (column.null.includes(part)) {
      nulls++
      continue
    }
    const parsed = parseValue(part, datatype)
    if (parsed.ok) result.keys.push(parsed.value.key)
    else {
      result.problems.push({...parsed.problem, value: part})
      result.keys.push(part)
    }
  }
  if (nulls === parts.length) {
    result.isNull = true
    result.missing = column.required
  }
  return result
}
