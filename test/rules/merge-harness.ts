/**
 * Proves a check's state merges as the engine's contract says: split a table's rows into
 * chunks, give each chunk its own state, structuredClone the states (as worker threads
 * would), fold them with `merge` in file order and compare the findings with one pass.
 */
import {join} from 'node:path'
import {engineAjv} from '../../src/engine/schema-validator.js'
import {compareFindingInputs} from '../../src/engine/collector.js'
import {dataRange} from '../../src/engine/run-table.js'
import {rowFeeder} from '../../src/engine/chunk.js'
import type {AnyCheck, TableCheckHooks} from '../../src/engine/check.js'
import type {FindingInput} from '../../src/engine/types.js'
import {openTable, type OpenOptions} from '../../src/table/open.js'
import {readRows} from '../../src/table/rows.js'
import type {Row, TableHead, TableStats} from '../../src/table/types.js'
import {fixturesDir} from '../helpers/rule-tester.js'

export interface LoadedTable {
  head: TableHead
  rows: Row[]
  stats: TableStats
}

export async function loadFixture(ruleId: string, file: string, options: OpenOptions = {}): Promise<LoadedTable> {
  const path = join(fixturesDir, ruleId, file)
  const {head} = await openTable(path, file, options)
  const rows: Row[] = []
  const range = await readRows(head, dataRange(head), (row) => rows.push(row), 100_000)
  return {head, rows, stats: {rowCount: range.rowCount, lineEndings: range.lineEndings, firstRecordEndings: range.firstRecordEndings, problems: range.problems, bytes: range.bytes}}
}

/** The check's hooks with its options validated and defaults filled, as the engine does. */
export function hooksOf(check: AnyCheck, options: Record<string, unknown> = {}): TableCheckHooks<unknown> {
  const filled = structuredClone(options)
  if (!engineAjv().compile(check.optionsSchema)(filled)) throw new Error(`invalid options for ${check.name}`)
  return check.create(filled)
}

function sorted(findings: FindingInput[]): FindingInput[] {
  return [...findings].sort((a, b) => compareFindingInputs(a, b) || JSON.stringify(a).localeCompare(JSON.stringify(b)))
}

/** Findings of one pass over all rows. */
export function singlePass(hooks: TableCheckHooks<unknown>, table: LoadedTable): FindingInput[] {
  return chunkedPass(hooks, table, [])
}

/** Findings when the rows are cut before each index in `cuts` and the chunk states merged. */
export function chunkedPass(hooks: TableCheckHooks<unknown>, table: LoadedTable, cuts: number[]): FindingInput[] {
  const found: FindingInput[] = []
  const report = (f: FindingInput) => found.push(f)
  hooks.header?.(table.head, report)
  const bounds = [0, ...cuts, table.rows.length]
  let state: unknown
  for (let c = 0; c + 1 < bounds.length; c++) {
    let chunk = hooks.init ? hooks.init(table.head) : undefined
    const feed = rowFeeder([hooks], [chunk], [report])
    for (const row of table.rows.slice(bounds[c], bounds[c + 1])) feed.onRow(row)
    feed.end()
    // A worker hands its state back through structuredClone: prove it survives the trip.
    if (cuts.length > 0) chunk = structuredClone(chunk)
    state = c === 0 ? chunk : hooks.merge ? hooks.merge(state, chunk, table.head, report) : state
  }
  hooks.end?.(state, table.head, table.stats, report)
  return sorted(found)
}
