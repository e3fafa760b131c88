import {defineCheck} from '../../engine/check.js'
import {filledCells, isBlankRecord} from '../../table/blank.js'
import {parseNumber} from '../values/value-kind.js'
import {trimmed} from '../shared/trimmed.js'
import {totalsLabelTest} from './totals-label.js'

interface Options {
  labels: string[]
}

interface Kept {
  rowNumber: number
  line: number
  cells: string[]
}

interface State {
  /** The last few non-blank rows: a totals row may be followed by a note or two. */
  last: Kept[]
  /** Per column: sum of numeric cells in pence (integers add exactly, in any order), how many, and how many not zero. */
  sums: number[]
  counts: number[]
  nonzero: number[]
  /** Non-blank rows, and per column how many of them have a value there. */
  rows: number
  filled: number[]
}

const KEEP = 3
/** Fewest numbers above a cell for it to count as their sum: in 1, 2, 3 the 3 is not a total. */
const MIN_PARTS = 3
/** A column filled in this share of rows is a key column: an unlabelled totals row leaves it empty. */
const KEY_SHARE = 0.9
/** A row that names something needs two columns of sums, or one summing this many non-zero numbers: 100, 200, 300, 600 is a payment. */
const NAMED_MIN_COLUMNS = 2
const NAMED_MIN_PARTS = 4
/** "The total redacted transactions …", "Sum of all payments": an aggregate described in words, not "vehicle total loss". */
const DESCRIBED_TOTAL = /^the\s+(?:grand\s+)?totals?\b|\b(?:total|sum)\s+of\s+all\b/i
const SCALE = 100
/** Sums beyond this are no longer exact in a double; such columns are not compared. */
const SAFE = 2 ** 52

function toUnits(value: string): number | undefined {
  const n = parseNumber(value)
  return n === undefined ? undefined : Math.round(n * SCALE)
}

/** Whether the row leaves empty a column that (nearly) every row above fills, as an unlabelled totals row leaves its ward code and name. */
function leavesKeyEmpty(row: Kept, after: Kept[], state: State): boolean {
  const above = state.rows - 1 - after.length
  if (above < MIN_PARTS) return false
  return row.cells.some((cell, i) => {
    if (cell.trim() !== '') return false
    const filledAbove = (state.filled[i] ?? 0) - after.filter((r) => (r.cells[i] ?? '').trim() !== '').length
    return filledAbove >= above * KEY_SHARE
  })
}

interface Summed {
  /** 1-based. */
  column: number
  /** Numbers above the row in the column, and how many of them are not zero. */
  numbers: number
  nonzero: number
}

interface SumMatch {
  /** Columns where the row equals the sum of two or more numbers above it. */
  matched: Summed[]
  /** Numeric cells in the row. */
  numeric: number
  /** Numeric cells that are not the sum of the numbers above (where there are any). */
  contradicting: number
}

/** How the row's numbers compare with the sums of the rows above it (`after`: the rows below it, taken out). */
function sumColumns(row: Kept, after: Kept[], state: State): SumMatch {
  const result: SumMatch = {matched: [], numeric: 0, contradicting: 0}
  row.cells.forEach((cell, i) => {
    const value = toUnits(cell)
    if (value === undefined) return
    result.numeric++
    let above = state.sums[i] ?? 0
    let numbers = state.counts[i] ?? 0
    let nonzero = state.nonzero[i] ?? 0
    for (const r of [row, ...after]) {
      const v = toUnits(r.cells[i] ?? '')
      if (v !== undefined) {
        above -= v
        numbers--
        if (v !== 0) nonzero--
      }
    }
    if (numbers === 0 || Math.abs(state.sums[i] ?? 0) > SAFE) return
    // Each value above was rounded to a penny: allow that much drift, no more.
    if (Math.abs(above - value) > Math.max(1, numbers * 0.5)) result.contradicting++
    else if (value !== 0 && numbers >= 2) result.matched.push({column: i + 1, numbers, nonzero})
  })
  return result
}

/** Columns where the row is the sum of at least MIN_PARTS numbers above: with a totals label or a blank key, enough. */
function keySums(sums: SumMatch): number[] {
  return sums.matched.filter((m) => m.numbers >= MIN_PARTS).map((m) => m.column)
}

/**
 * Whether a row that names something ("Trafford", the borough under its wards) is still a
 * totals row: every number in it that can be compared is the sum of those above, in two
 * columns at least (or one summing many numbers), and the rows below it are notes without numbers.
 */
function namedTotal(sums: SumMatch, after: Kept[]): boolean {
  const {matched} = sums
  if (sums.contradicting > 0 || matched.length === 0 || matched.some((m) => m.nonzero < 2)) return false
  if (after.some((r) => r.cells.some((c) => toUnits(c) !== undefined))) return false
  return matched.length >= NAMED_MIN_COLUMNS || matched[0].nonzero >= NAMED_MIN_PARTS
}

/**
 * A totals row at the end of the table: its first cell says Total/Sum, or its numbers are
 * the sums of the columns above. Anyone summing the column counts everything twice.
 */
export const totalsRow = defineCheck({
  name: 'totals-row',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      labels: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        default: ['Total', 'Totals', 'Grand total', 'Sub total', 'Subtotal', 'Sub-total', 'Sum', 'Overall total'],
        description: 'Words that open a totals row (matched at the start of a cell, ignoring case).',
      },
    },
  },
  messages: {
    default: 'Row {{rowNumber}} looks like a totals row ("{{label}}"): remove it, so that sums of the columns are right',
    mentions: 'Row {{rowNumber}}, the last, may be an aggregate rather than a record ("{{label}}"): move totals and summaries out of the data',
    sum: 'Row {{rowNumber}} holds the sums of the rows above it ({{sumColumns|column}}): remove the totals row, so that sums of the columns are right',
  },
  create: (options: Options) => {
    return {
      init: (): State => ({last: [], sums: [], counts: [], nonzero: [], rows: 0, filled: []}),
      row(state: State, row) {
        const {cells} = row
        if (isBlankRecord(cells)) return
        // The row itself, not a copy: rows are never reused, and this runs on every one.
        state.last.push(row)
        if (state.last.length > KEEP) state.last.shift()
        state.rows++
      },
      // Per column, filled cells and the sum of the numbers: equal cells come together, so each distinct value is parsed once.
      value(state: State, run) {
        const {value, column: i, count} = run
        if (trimmed(value) === '') return
        state.filled[i] = (state.filled[i] ?? 0) + count
        const v = toUnits(value)
        if (v === undefined) return
        state.sums[i] = (state.sums[i] ?? 0) + v * count
        state.counts[i] = (state.counts[i] ?? 0) + count
        if (v !== 0) state.nonzero[i] = (state.nonzero[i] ?? 0) + count
      },
      merge(left: State, right: State): State {
        const width = Math.max(left.sums.length, right.sums.length, right.filled.length)
        for (let i = 0; i < width; i++) {
          if (right.filled[i] !== undefined) left.filled[i] = (left.filled[i] ?? 0) + right.filled[i]
          if (right.sums[i] === undefined) continue
          left.sums[i] = (left.sums[i] ?? 0) + right.sums[i]
          left.counts[i] = (left.counts[i] ?? 0) + right.counts[i]
          if (right.nonzero[i] !== undefined) left.nonzero[i] = (left.nonzero[i] ?? 0) + right.nonzero[i]
        }
        left.rows += right.rows
        left.last = [...left.last, ...right.last].slice(-KEEP)
        return left
      },
      end(state: State, head, _stats, report) {
        const rows = state?.last ?? []
        const isLabel = totalsLabelTest(options.labels, head.labels)
        // From the last row back: rows after a totals row may only be short notes.
        for (let k = rows.length - 1; k >= 0; k--) {
          const row = rows[k]
          const after = rows.slice(k + 1)
          const firstText = row.cells.find((c) => c.trim() !== '')?.trim() ?? ''
          const labelled = isLabel(firstText) ? firstText : row.cells.map((c) => c.trim()).find((c) => c.length <= 40 && isLabel(c))
          const sums = sumColumns(row, after, state)
          let sumColumnsFound = keySums(sums)
          // At least half the row's numbers must be such sums.
          let summed = sumColumnsFound.length > 0 && sumColumnsFound.length * 2 >= sums.numeric && (Boolean(labelled) || leavesKeyEmpty(row, after, state))
          let name: string | undefined
          if (!labelled && !summed && namedTotal(sums, after)) {
            summed = true
            sumColumnsFound = sums.matched.map((m) => m.column)
            name = row.cells.map((c) => c.trim()).find((c) => c !== '' && toUnits(c) === undefined)
          }
          const mention = labelled || summed ? undefined : row.cells.find((c) => DESCRIBED_TOTAL.test(c.trim()))
          if (labelled || summed || mention) {
            const text = labelled ?? name ?? mention?.trim() ?? ''
            report({
              rowNumber: row.rowNumber,
              line: row.line,
              messageId: labelled ? 'default' : summed ? 'sum' : 'mentions',
              details: {label: text.length > 60 ? text.slice(0, 60) + '…' : text, sumColumns: sumColumnsFound},
            })
            return
          }
          if (filledCells(row.cells) > 2) return
        }
      },
    }
  },
})
