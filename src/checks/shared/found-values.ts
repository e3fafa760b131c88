/** What value checks keep of a value they report, per column: mergeable across chunks of a table. */
import type {CellRun} from '../../engine/check.js'

export interface FoundValue {
  /** The first such value, as shown in the finding. */
  value: string
  count: number
  /** Its first row numbers, ascending. */
  rows: number[]
  line: number
}

/** The first `max` of two ascending lists of row numbers (a column's values interleave). */
export function firstRows(left: number[], right: number[], max: number): number[] {
  if (left.length >= max && right[0] > left[left.length - 1]) return left
  return [...left, ...right].sort((a, b) => a - b).slice(0, max)
}

/** Adds what a later chunk found of the same value to what an earlier one did. */
export function mergeFound(left: FoundValue, right: FoundValue, maxRows: number): void {
  left.count += right.count
  left.rows = firstRows(left.rows, right.rows, maxRows)
}

/** Counts a run of equal cells into what a column found of its value: a new entry (its value shown as `shown` gives it) on the first run. */
export function addRun(found: FoundValue | undefined, run: CellRun, maxRows: number, shown: () => string): FoundValue {
  if (!found) return {value: shown(), count: run.count, rows: run.rowNumbers.slice(0, maxRows), line: run.line}
  found.count += run.count
  found.rows = firstRows(found.rows, run.rowNumbers, maxRows)
  return found
}
