/** What value checks keep of a value they report, per column: mergeable across chunks of a table. */

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
