/**
 * Runs every active rule's row hooks over one byte range of a table. The same function runs
 * in-process for small tables and inside a worker thread for each chunk of a large one.
 */
import {expectedRows} from '../table/expected-rows.js'
import {readRows, type RangeResult, type RowRange} from '../table/rows.js'
import type {Row, TableHead} from '../table/types.js'
import type {TableCheckHooks} from './check.js'
import {FindingCollector, type CollectedFindings} from './collector.js'
import type {FindingInput, Report} from './types.js'
import {ValueGroups, type RunSink} from './value-groups.js'

export interface ChunkResult {
  /** Check state per rule, in the order of the rules given. */
  states: unknown[]
  findings: CollectedFindings[]
  range: RangeResult
}

/** Stands in for hooks whose check does not apply to the table: nothing to call per row. */
const INERT: TableCheckHooks<unknown> = {}

/** Initial states, collectors and the per-row dispatch of a set of hooks: shared by CSV chunks and spreadsheet sheets. */
export function rowRunner(head: TableHead, hooks: Array<TableCheckHooks<unknown>>, cap: number, rows = 0) {
  const states = hooks.map((h) => (h.init ? h.init(head, rows) : undefined))
  const collectors = hooks.map(() => new FindingCollector(cap))
  const feed = rowFeeder(
    hooks.map((h) => (h.appliesTo?.(head) === false ? INERT : h)),
    states,
    collectors.map((c) => (f: FindingInput, more?: number) => c.add(f, more)),
    undefined,
    head.labels.length + MAX_VALUE_COLUMNS_PAST_HEADER,
  )
  const result = (range: RangeResult): ChunkResult => {
    feed.end()
    return {states, findings: collectors.map((c) => c.result()), range}
  }
  return {onRow: feed.onRow, result}
}

/**
 * Hands each row to the `row` hooks and its cells, grouped by value, to the `value` hooks.
 * Call `end` after the last row: groups still held go to the `value` hooks then.
 */
/** Cells past the header's width that value checks still judge (a column the header forgot to label is data). */
export const MAX_VALUE_COLUMNS_PAST_HEADER = 256

export function rowFeeder(hooks: Array<TableCheckHooks<unknown>>, states: unknown[], reports: Report[], groupCapacity?: number, maxColumns?: number) {
  // Flat arrays and an indexed loop: this runs once per rule per row.
  const rowFns: Array<NonNullable<TableCheckHooks<unknown>['row']>> = []
  const rowStates: unknown[] = []
  const rowReports: Report[] = []
  const sinks: RunSink[] = []
  let valueRows = 1
  hooks.forEach((h, index) => {
    if (h.row) {
      rowFns.push(h.row.bind(h))
      rowStates.push(states[index])
      rowReports.push(reports[index])
    }
    if (h.value) {
      sinks.push({value: h.value.bind(h), state: states[index], report: reports[index]})
      valueRows = Math.max(valueRows, h.valueRows ?? 1)
    }
  })
  const groups = sinks.length > 0 ? new ValueGroups(sinks, valueRows, groupCapacity, undefined, maxColumns) : undefined
  const count = rowFns.length
  const onRow = (row: Row) => {
    for (let i = 0; i < count; i++) rowFns[i](rowStates[i], row, rowReports[i])
    groups?.add(row)
  }
  return {onRow, end: () => groups?.flush()}
}

export async function checkChunk(
  head: TableHead,
  hooks: Array<TableCheckHooks<unknown>>,
  range: RowRange,
  cap: number,
): Promise<ChunkResult> {
  const runner = rowRunner(head, hooks, cap, expectedRows(head, range.end === undefined ? undefined : range.end - range.start))
  return runner.result(await readRows(head, range, runner.onRow, 100_000))
}
