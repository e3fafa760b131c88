/**
 * Runs every active rule's row hooks over one byte range of a table. The same function runs
 * in-process for small tables and inside a worker thread for each chunk of a large one.
 */
import {readRows, type RangeResult, type RowRange} from '../table/rows.js'
import type {Row, TableHead} from '../table/types.js'
import type {TableCheckHooks} from './check.js'
import {FindingCollector, type CollectedFindings} from './collector.js'
import type {FindingInput} from './types.js'

export interface ChunkResult {
  /** Check state per rule, in the order of the rules given. */
  states: unknown[]
  findings: CollectedFindings[]
  range: RangeResult
}

/** Initial states, collectors and the per-row dispatch of a set of hooks: shared by CSV chunks and spreadsheet sheets. */
export function rowRunner(head: TableHead, hooks: Array<TableCheckHooks<unknown>>, cap: number) {
  const states = hooks.map((h) => (h.init ? h.init(head) : undefined))
  const collectors = hooks.map(() => new FindingCollector(cap))
  // Flat arrays and an indexed loop: this runs once per rule per row.
  const rowFns: Array<NonNullable<TableCheckHooks<unknown>['row']>> = []
  const rowStates: unknown[] = []
  const rowReports: Array<(f: FindingInput) => void> = []
  hooks.forEach((h, index) => {
    if (!h.row) return
    rowFns.push(h.row.bind(h))
    rowStates.push(states[index])
    rowReports.push((f) => collectors[index].add(f))
  })
  const count = rowFns.length
  const onRow = (row: Row) => {
    for (let i = 0; i < count; i++) rowFns[i](rowStates[i], row, rowReports[i])
  }
  const result = (range: RangeResult): ChunkResult => ({states, findings: collectors.map((c) => c.result()), range})
  return {onRow, result}
}

export async function checkChunk(
  head: TableHead,
  hooks: Array<TableCheckHooks<unknown>>,
  range: RowRange,
  cap: number,
): Promise<ChunkResult> {
  const runner = rowRunner(head, hooks, cap)
  return runner.result(await readRows(head, range, runner.onRow, 100_000))
}
