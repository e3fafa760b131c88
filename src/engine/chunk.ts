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

export async function checkChunk(
  head: TableHead,
  hooks: Array<TableCheckHooks<unknown>>,
  range: RowRange,
  cap: number,
): Promise<ChunkResult> {
  const states = hooks.map((h) => (h.init ? h.init(head) : undefined))
  const collectors = hooks.map(() => new FindingCollector(cap))
  const rowHooks: Array<{index: number; row: NonNullable<TableCheckHooks<unknown>['row']>; report: (f: FindingInput) => void}> = []
  hooks.forEach((h, index) => {
    if (h.row) rowHooks.push({index, row: h.row.bind(h), report: (f) => collectors[index].add(f)})
  })
  const onRow = (row: Row) => {
    for (const {index, row: hook, report} of rowHooks) hook(states[index], row, report)
  }
  const result = await readRows(head, range, onRow, 100_000)
  return {states, findings: collectors.map((c) => c.result()), range: result}
}
