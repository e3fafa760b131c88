import {defineCheck} from '../../engine/check.js'
import {mergeByColumn} from '../shared/column-merge.js'
import {addRun, mergeFound, type FoundValue} from '../shared/found-values.js'
import {DEFAULT_PLACEHOLDERS, markerMatcher, valueShape} from './markers.js'

interface Options {
  values: string[]
  /** Occurrence rows listed in a finding's details. */
  maxRows: number
}

interface ColumnState {
  found: Record<string, FoundValue>
  /** Other values shaped like a placeholder (two capital letters, like "NA"), by shape. */
  shapes: Record<string, number>
  /** Non-empty values that are not placeholders. */
  values: number
  /** Of those, short codes ("A", "B2", "X-1": up to three characters, not numbers, words or yes/no) and single capitalised words ("Smith"). */
  codes: number
  words: number
}

interface State {
  columns: ColumnState[]
}

/** A placeholder is an ordinary value in a column where most values look like it: "NA" among country codes. */
const SHAPE_SHARE = 0.5
const SHAPE_MIN_VALUES = 5
/** Only short placeholders (NA, TBC, NULL) can be ordinary codes; longer ones are not compared. */
const SHAPE_MAX_LENGTH = 4
const CODE_MAX_LENGTH = 3
/** Placeholders that are also names, written so among names: Null (a surname), Nan, Na, Nil. NULL and null stay placeholders. */
const NAME_LIKE = new Set(['null', 'nan', 'na', 'nil'])
const CAPITALISED_WORD = /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u
const CAPITALISED_ONLY = /^\p{Lu}\p{Ll}+$/u
const YES_NO = /^(?:y|n|t|f|yes|no)$/i

/** A placeholder of punctuation alone ("-", "?", "..."): in a column of short codes it is one of them. */
function isSymbols(value: string): boolean {
  return !/[\p{L}\p{N}]/u.test(value)
}

/** "A", "B2", "X-1", "a": a short value that is not a number, a yes/no or a word ("Ann"). */
function isShortCode(value: string): boolean {
  if (value.length > CODE_MAX_LENGTH || /\s/.test(value) || YES_NO.test(value)) return false
  if (value.length > 1 && /\p{Ll}/u.test(value)) return false
  return !/^[-+]?\d*\.?\d+$/.test(value)
}

/** A single capitalised word, as names are written: "Smith", "O'Neil", "McDonald", "Siân". */
function isCapitalisedWord(value: string): boolean {
  const c = value.charCodeAt(0)
  return value.length <= 30 && (c >= 65 && c <= 90 || c > 127) && CAPITALISED_WORD.test(value)
}

/**
 * Whether a placeholder is an ordinary value of its column: short and shaped like most of its
 * values ("NA" among country codes); punctuation among short codes ("-" and "?" beside "A"
 * and "B" in a Code column); a name written as a name among names ("Null" among surnames).
 */
function isOrdinaryValue(found: FoundValue, col: ColumnState): boolean {
  const {value} = found
  const alike = value.length <= SHAPE_MAX_LENGTH ? (col.shapes[valueShape(value)] ?? 0) : 0
  if (col.values >= SHAPE_MIN_VALUES && alike >= col.values * SHAPE_SHARE) return true
  if (col.values < 2) return false
  if (isSymbols(value) && col.codes === col.values) return true
  return NAME_LIKE.has(value.toLowerCase()) && CAPITALISED_ONLY.test(value) && col.words >= col.values * SHAPE_SHARE
}

function column(state: State, i: number): ColumnState {
  return (state.columns[i] ??= {found: {}, shapes: {}, values: 0, codes: 0, words: 0})
}

function mergeColumn(left: ColumnState | undefined, right: ColumnState | undefined, maxRows: number): ColumnState | undefined {
  if (!left || !right) return left ?? right
  for (const [key, r] of Object.entries(right.found)) {
    const l = left.found[key]
    if (!l) left.found[key] = r
    else {
      mergeFound(l, r, maxRows)
    }
  }
  for (const [shape, n] of Object.entries(right.shapes)) left.shapes[shape] = (left.shapes[shape] ?? 0) + n
  left.values += right.values
  left.codes += right.codes
  left.words += right.words
  return left
}

/**
 * Values such as N/A, NULL or "-" standing in for a missing value. One finding per column
 * and placeholder, at its first row, with the count and the first rows in its details:
 * a column of 2,000 "NA"s is one decision for the publisher, not 2,000.
 */
export const placeholderValue = defineCheck({
  name: 'placeholder-value',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      values: {type: 'array', items: {type: 'string', minLength: 1}, default: DEFAULT_PLACEHOLDERS, description: 'Values that stand for a missing value (compared ignoring case and surrounding spaces).'},
      maxRows: {type: 'integer', minimum: 1, maximum: 100, default: 5, description: 'How many row numbers to list in each finding.'},
    },
  },
  messages: {
    default: 'Column "{{fieldName}}" uses "{{value}}" for a missing value {{count|time}}, first in row {{rowNumber}}: leave the cell empty or say what it means in the metadata',
  },
  create: (options: Options) => {
    const placeholderKey = markerMatcher(options.values)
    const shapes = new Set(options.values.map((v) => valueShape(v.trim())))
    const longest = Math.max(0, ...options.values.map((v) => v.trim().length))
    // No default placeholder starts with a digit, so numbers (most short cells) skip the shape too.
    const digitStart = options.values.some((v) => /^\s*\d/.test(v))
    return {
      init: (): State => ({columns: []}),
      valueRows: options.maxRows,
      // Equal cells of a column come together, with their first rows.
      value(state: State, run) {
        const cell = run.value
        const value = cell.length <= longest + 8 ? cell.trim() : cell
        if (value === '') return
        const col = column(state, run.column)
        const key = placeholderKey(value)
        if (key !== undefined) {
          col.found[key] = addRun(col.found[key], run, options.maxRows, () => value)
          return
        }
        const c = value.charCodeAt(0)
        if (value.length <= SHAPE_MAX_LENGTH && (digitStart || c < 48 || c > 57)) {
          const shape = valueShape(value)
          if (shapes.has(shape)) col.shapes[shape] = (col.shapes[shape] ?? 0) + run.count
        }
        col.values += run.count
        if (isShortCode(value)) col.codes += run.count
        if (isCapitalisedWord(value)) col.words += run.count
      },
      merge(left: State, right: State): State {
        return {columns: mergeByColumn(left.columns, right.columns, (l, r) => mergeColumn(l, r, options.maxRows))}
      },
      end(state: State, _head, _stats, report) {
        state?.columns.forEach((col, i) => {
          if (!col) return
          for (const found of Object.values(col.found)) {
            if (isOrdinaryValue(found, col)) continue
            report({rowNumber: found.rows[0], line: found.line, fieldNumber: i + 1, details: {value: found.value, count: found.count, rowNumbers: found.rows}})
          }
        })
      },
    }
  },
})
