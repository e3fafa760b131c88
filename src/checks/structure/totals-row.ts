import {defineCheck} from '../../engine/check.js'
import {filledCells, isBlankRecord} from '../../table/blank.js'
import {parseNumber} from '../values/value-kind.js'
import {trimmed} from '../shared/trimmed.js'

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
  /** Per column: sum of numeric cells in pence (integers add exactly, in any order), and how many. */
  sums: number[]
  counts: number[]
  /** Non-blank rows, and per column how many of them have a value there. */
  rows: number
  filled: number[]
}

const KEEP = 3
/** Fewest numbers above a cell for it to count as their sum: in 1, 2, 3 the 3 is not a total. */
const MIN_PARTS = 3
/** A column filled in this share of rows is a key column: an unlabelled totals row leaves it empty. */
const KEY_SHARE = 0.9
const TOTAL_WORD = /\btotals?\b/i
const SCALE = 100
/** Sums beyond this are no longer exact in a double; such columns are not compared. */
const SAFE = 2 ** 52

function toUnits(value: string): number | undefined {
  const n = parseNumber(value)
  return n === undefined ? undefined : Math.round(n * SCALE)
}

function labelPattern(labels: string[]): RegExp {
  const words = labels.map((l) => l.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|')
  return new RegExp(`^(?:${words})\\b\\s*:?`, 'i')
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

/** Numeric columns where this row equals the sum of the rows above it. */
function sumColumns(row: Kept, after: Kept[], state: State): {matched: number[]; numeric: number} {
  const matched: number[] = []
  let numeric = 0
  row.cells.forEach((cell, i) => {
    const value = toUnits(cell)
    if (value === undefined) return
    numeric++
    let above = state.sums[i] ?? 0
    let count = state.counts[i] ?? 0
    for (const r of [row, ...after]) {
      const v = toUnits(r.cells[i] ?? '')
      if (v !== undefined) {
        above -= v
        count--
      }
    }
    if (value === 0 || count < MIN_PARTS || Math.abs(state.sums[i] ?? 0) > SAFE) return
    // Each value above was rounded to a penny: allow that much drift, no more.
    if (Math.abs(above - value) <= Math.max(1, count * 0.5)) matched.push(i + 1)
  })
  return {matched, numeric}
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
    sum: 'Row {{rowNumber}} holds the sums of the rows above it (column {{sumColumns}}): remove the totals row, so that sums of the columns are right',
  },
  create: (options: Options) => {
    const label = labelPattern(options.labels)
    return {
      init: (): State => ({last: [], sums: [], counts: [], rows: 0, filled: []}),
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
      },
      merge(left: State, right: State): State {
        const width = Math.max(left.sums.length, right.sums.length, right.filled.length)
        for (let i = 0; i < width; i++) {
          if (right.filled[i] !== undefined) left.filled[i] = (left.filled[i] ?? 0) + right.filled[i]
          if (right.sums[i] === undefined) continue
          left.sums[i] = (left.sums[i] ?? 0) + right.sums[i]
          left.counts[i] = (left.counts[i] ?? 0) + right.counts[i]
        }
        left.rows += right.rows
        left.last = [...left.last, ...right.last].slice(-KEEP)
        return left
      },
      end(state: State, _head, _stats, report) {
        const rows = state?.last ?? []
        // From the last row back: rows after a totals row may only be short notes.
        for (let k = rows.length - 1; k >= 0; k--) {
          const row = rows[k]
          const after = rows.slice(k + 1)
          const firstText = row.cells.find((c) => c.trim() !== '')?.trim() ?? ''
          const labelled = label.test(firstText) ? firstText : row.cells.map((c) => c.trim()).find((c) => label.test(c) && c.length <= 40)
          const {matched, numeric} = sumColumns(row, after, state)
          const summed = matched.length > 0 && matched.length * 2 >= numeric && (Boolean(labelled) || leavesKeyEmpty(row, after, state))
          // "The total redacted transactions ...": an aggregate described in words.
          const mention = labelled || summed ? undefined : row.cells.find((c) => TOTAL_WORD.test(c))
          if (labelled || summed || mention) {
            const text = labelled ?? mention ?? ''
            report({
              rowNumber: row.rowNumber,
              line: row.line,
              messageId: labelled ? 'default' : summed ? 'sum' : 'mentions',
              details: {label: text.length > 60 ? text.slice(0, 60) + '…' : text, sumColumns: matched},
            })
            return
          }
          if (filledCells(row.cells) > 2) return
        }
      },
    }
  },
})
