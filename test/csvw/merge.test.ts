/**
 * The CSVW key checks keep state across rows: cut the rows into chunks anywhere, clone the
 * states as worker threads would, merge them, and the findings must be those of one pass.
 * The fixture's primary key repeats within and across any cut, and its foreign key points
 * at the same table, to rows above and below (and past its end).
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {DatasetContext} from '../../src/engine/check.js'
import type {FindingInput} from '../../src/engine/types.js'
import {csvwForeignKey} from '../../src/checks/csvw/foreign-key.js'
import {csvwPrimaryKey} from '../../src/checks/csvw/primary-key.js'
import {loadCsvw} from '../../src/metadata/csvw/load.js'
import {dataRange} from '../../src/engine/run-table.js'
import {openTable} from '../../src/table/open.js'
import {readRows} from '../../src/table/rows.js'
import type {Row} from '../../src/table/types.js'
import {fixturesDir} from '../helpers/rule-tester.js'
import {chunkedPass, hooksOf, singlePass, type LoadedTable} from '../rules/merge-harness.js'

async function loadCsvwTable(file: string): Promise<LoadedTable> {
  const path = join(fixturesDir, file)
  const {load, close} = await loadCsvw({inputs: [path], cwd: fixturesDir, tables: [path]})
  await close()
  const csvw = load.byPath[path]
  expect(csvw, `no CSVW description for ${file}`).toBeDefined()
  const {head} = await openTable(path, file, {csvw} as Parameters<typeof openTable>[2])
  const rows: Row[] = []
  const range = await readRows(head, dataRange(head), (row) => rows.push(row), 1000)
  return {head, rows, stats: {rowCount: range.rowCount, lineEndings: range.lineEndings, problems: range.problems, bytes: range.bytes}}
}

/** Runs the foreign key check's dataset hook on the one table's state, as the engine does after every table. */
function foreignKeyFindings(table: LoadedTable, cuts: number[]): FindingInput[] {
  const hooks = hooksOf(csvwForeignKey)
  const stats = {...table.stats, forDataset: undefined as Record<string, unknown> | undefined}
  chunkedPass(hooks, {...table, stats}, cuts)
  const context: DatasetContext = {metadataSources: [], tables: [{resource: 'tree.csv', head: table.head, stats, findings: [], counts: {}}]}
  const found: FindingInput[] = []
  hooks.dataset!(context, (f) => found.push(f))
  return found.sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0))
}

describe('CSVW key checks across chunks', () => {
  it('find the same repeated primary keys wherever the rows are cut', async () => {
    const table = await loadCsvwTable('csvw-primary-key/chunks/tree.csv')
    const single = singlePass(hooksOf(csvwPrimaryKey), table)
    expect(single.map((f) => [f.rowNumber, f.details?.firstRowNumber])).toEqual([
      [18, 8],
      [34, 24],
    ])
    for (let cut = 1; cut < table.rows.length; cut++) expect(chunkedPass(hooksOf(csvwPrimaryKey), table, [cut]), `cut at ${cut}`).toEqual(single)
    expect(chunkedPass(hooksOf(csvwPrimaryKey), table, [5, 17, 18, 30])).toEqual(single)
  })

  it('find the same dangling and ambiguous foreign keys wherever the rows are cut', async () => {
    const table = await loadCsvwTable('csvw-primary-key/chunks/tree.csv')
    const single = foreignKeyFindings(table, [])
    // R042 and R041 are past the end, R033 never used (row 34 repeats R023), R007 is two rows' key, and a null parent matches nothing.
    expect(single.map((f) => [f.rowNumber, f.messageId, f.details?.value])).toEqual([
      [2, 'default', ''],
      [6, 'default', 'R042'],
      [10, 'many', 'R007'],
      [14, 'default', 'R033'],
      [29, 'default', 'R041'],
      [30, 'default', 'R041'],
    ])
    for (const cuts of [[1], [9], [17], [20], [39], [3, 11, 27]]) expect(foreignKeyFindings(table, cuts), `cuts ${cuts}`).toEqual(single)
  })
})
