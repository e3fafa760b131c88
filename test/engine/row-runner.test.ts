/**
 * The per-row dispatch: a check that says it does not apply to a table (a schema check on a
 * table without a schema) is not called for its rows, yet has its state made as before; the
 * built-in schema checks say so exactly when the table has nothing for them.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {TableCheckHooks} from '../../src/engine/check.js'
import {rowRunner} from '../../src/engine/chunk.js'
import {checks} from '../../src/checks/index.js'
import {openTable} from '../../src/table/open.js'
import type {Row} from '../../src/table/types.js'
import {normaliseTableSchema} from '../../src/metadata/table-schema/normalise.js'
import {fixturesDir} from '../helpers/rule-tester.js'
import {fixturePath} from '../report/fixture-report.js'

function counting(applies: boolean) {
  const calls = {init: 0, row: 0, value: 0}
  const hooks: TableCheckHooks<unknown> = {
    appliesTo: () => applies,
    init: () => {
      calls.init++
      return {}
    },
    row: () => void calls.row++,
    value: () => void calls.value++,
  }
  return {hooks, calls}
}

const rows: Row[] = [
  {cells: ['a', '1'], rowNumber: 2, line: 2},
  {cells: ['b', '2'], rowNumber: 3, line: 3},
]

describe('rowRunner', () => {
  it('calls the row and value hooks of a check that applies, and only init for one that does not', async () => {
    const {head} = await openTable(fixturePath('clean.csv'), 'clean.csv')
    const applying = counting(true)
    const idle = counting(false)
    const runner = rowRunner(head, [applying.hooks, idle.hooks], 100)
    for (const row of rows) runner.onRow(row)
    const result = runner.result({} as never)
    expect(applying.calls).toEqual({init: 1, row: 2, value: 4})
    expect(idle.calls).toEqual({init: 1, row: 0, value: 0})
    expect(result.states).toHaveLength(2)
  })
})

describe('the built-in schema checks', () => {
  const schemaChecks = ['type-error', 'constraint-error', 'unique-error', 'primary-key', 'foreign-key', 'csvw-datatype', 'csvw-length', 'csvw-range', 'csvw-required', 'csvw-primary-key', 'csvw-foreign-key']
  const hooksOf = (name: string) => checks.find((c) => c.name === name)!.create({} as never) as TableCheckHooks<unknown>

  it('do not apply to a table with no schema or CSVW description', async () => {
    const {head} = await openTable(fixturePath('clean.csv'), 'clean.csv')
    for (const name of schemaChecks) expect(hooksOf(name).appliesTo?.(head), name).toBe(false)
  })

  it('apply to a table whose Table Schema has typed fields and a primary key', async () => {
    const file = join(fixturesDir, 'primary-key', 'payments.schema.json')
    const schema = normaliseTableSchema(JSON.parse(readFileSync(file, 'utf8')), {file, path: '$'})
    const {head} = await openTable(join(fixturesDir, 'primary-key', 'payments-valid.csv'), 'payments-valid.csv', {schema})
    for (const name of ['type-error', 'constraint-error', 'primary-key']) expect(hooksOf(name).appliesTo?.(head), name).toBe(true)
  })
})
