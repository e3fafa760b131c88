/**
 * A spreadsheet sheet checked against a Table Schema like a CSV: `--schema` with a workbook, and a
 * data package resource whose path is an .xlsx, its sheet named (v1 `sheet`, v2 `sheetName` /
 * `sheetNumber`) or the first. Workbooks are written by exceljs in a temporary folder.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import ExcelJS from 'exceljs'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {buildReport} from '../../src/report/build.js'

let dir: string

const schema = {
  fields: [
    {name: 'date', type: 'date'},
    {name: 'supplier', type: 'string', constraints: {required: true}},
    {name: 'amount', type: 'number'},
  ],
}

async function workbook(file: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows)
  const path = join(dir, file)
  await wb.xlsx.writeFile(path)
  return path
}

const day = (d: number) => new Date(Date.UTC(2024, 3, d))
const payments = [
  ['date', 'supplier', 'amount'],
  [day(2), 'Acme Ltd', 1250.5],
  [day(3), 'Bolton Builders', 'n/a'],
  [day(3), '', 900],
]
const notes = [['Spend over £500 by Trafford Council, April 2024']]

async function check(folder: string, inputs: string[], extra: {schemaFile?: string; only?: string[]} = {}) {
  const config = await loadConfig({cwd: folder, searchFrom: folder, builtInChecks: builtInChecksUrl})
  const result = await run({inputs, cwd: folder, config, only: extra.only ?? ['#schema', 'source-error'], schemaFile: extra.schemaFile})
  const findings = [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])]
  const report = buildReport(result, {version: '0.0.0-test', failOn: 'error'})
  return {
    findings: findings.filter((f) => f.rule !== 'placeholder-value').map((f) => [f.rule, f.resource, f.rowNumber, f.fieldNumber]),
    sources: Object.fromEntries(report.resources.map((r) => [r.path, r.schemaSource])),
    result,
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'odcheck-xlsx-schema-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('a spreadsheet against a Table Schema', {timeout: 60_000}, () => {
  it('--schema with a one-sheet workbook checks the sheet like a CSV: types, constraints, row and column', async () => {
    const folder = await mkdtemp(join(dir, 'one-'))
    await workbook(join(folder.slice(dir.length + 1), 'spend.xlsx'), {Payments: payments})
    await writeFile(join(folder, 'spend.schema.json'), JSON.stringify(schema))
    const {findings, sources} = await check(folder, ['spend.xlsx'], {schemaFile: 'spend.schema.json'})
    expect(findings).toEqual([
      ['type-error', 'spend.xlsx#Payments', 3, 3],
      ['constraint-error', 'spend.xlsx#Payments', 4, 2],
    ])
    expect(sources).toEqual({'spend.xlsx#Payments': 'spend.schema.json'})
  })

  it('finds nothing in a sheet that matches its schema (dates, numbers and text as exceljs gives them)', async () => {
    const folder = await mkdtemp(join(dir, 'valid-'))
    await workbook(join(folder.slice(dir.length + 1), 'spend.xlsx'), {Payments: payments.slice(0, 2)})
    await writeFile(join(folder, 'spend.schema.json'), JSON.stringify(schema))
    expect((await check(folder, ['spend.xlsx'], {schemaFile: 'spend.schema.json'})).findings).toEqual([])
  })

  it('a data package resource names its sheet (v1 "sheet"): only that sheet is checked against the schema, with the declared rows', async () => {
    const folder = await mkdtemp(join(dir, 'package-'))
    await workbook(join(folder.slice(dir.length + 1), 'spend.xlsx'), {Notes: notes, Payments: payments})
    await writeFile(join(folder, 'datapackage.json'), JSON.stringify({name: 'spend', resources: [{name: 'payments', path: 'spend.xlsx', format: 'xlsx', dialect: {sheet: 'Payments'}, schema, stats: {rows: 4}}]}))
    const {findings, sources} = await check(folder, ['.'], {only: ['#schema', 'source-error', 'metadata-mismatch']})
    expect(findings).toEqual([
      ['type-error', 'spend.xlsx#Payments', 3, 3],
      ['constraint-error', 'spend.xlsx#Payments', 4, 2],
      ['row-count', 'spend.xlsx#Payments', undefined, undefined],
    ])
    expect(sources).toEqual({'spend.xlsx#Notes': null, 'spend.xlsx#Payments': 'datapackage.json#$.resources[0].schema'})
  })

  it('v2 "sheetNumber" picks the sheet by number; without one, the first sheet has the schema', async () => {
    const folder = await mkdtemp(join(dir, 'v2-'))
    await workbook(join(folder.slice(dir.length + 1), 'spend.xlsx'), {Notes: notes, Payments: payments})
    const resource = {name: 'payments', path: 'spend.xlsx', schema}
    await writeFile(join(folder, 'datapackage.json'), JSON.stringify({$schema: 'https://datapackage.org/profiles/2.0/datapackage.json', name: 'spend', resources: [{...resource, dialect: {sheetNumber: 2}}]}))
    expect((await check(folder, ['.'])).sources).toEqual({'spend.xlsx#Notes': null, 'spend.xlsx#Payments': 'datapackage.json#$.resources[0].schema'})
    await writeFile(join(folder, 'datapackage.json'), JSON.stringify({name: 'spend', resources: [resource]}))
    const first = await check(folder, ['.'])
    expect(first.sources).toEqual({'spend.xlsx#Notes': 'datapackage.json#$.resources[0].schema', 'spend.xlsx#Payments': null})
    expect(first.findings).toContainEqual(['missing-label', 'spend.xlsx#Notes', 1, 2])
  })

  it('a foreign key to a resource kept in a workbook sheet is checked, even when only the CSV is named', async () => {
    const folder = await mkdtemp(join(dir, 'keys-'))
    await workbook(join(folder.slice(dir.length + 1), 'suppliers.xlsx'), {Suppliers: [['id', 'name'], ['S1', 'Acme Ltd'], ['S2', 'Bolton Builders']]})
    await writeFile(join(folder, 'payments.csv'), 'supplier,amount\nS1,10\nS3,20\n')
    await writeFile(
      join(folder, 'datapackage.json'),
      JSON.stringify({
        name: 'spend',
        resources: [
          {name: 'payments', path: 'payments.csv', schema: {fields: [{name: 'supplier'}, {name: 'amount', type: 'number'}], foreignKeys: [{fields: 'supplier', reference: {resource: 'suppliers', fields: 'id'}}]}},
          {name: 'suppliers', path: 'suppliers.xlsx', schema: {fields: [{name: 'id'}, {name: 'name'}], primaryKey: 'id'}},
        ],
      }),
    )
    expect((await check(folder, ['payments.csv'], {only: ['foreign-key']})).findings).toEqual([['foreign-key', 'payments.csv', 3, 1]])
    expect((await check(folder, ['.'], {only: ['foreign-key']})).findings).toEqual([['foreign-key', 'payments.csv', 3, 1]])
  })

  it('a one-column notes sheet whose sentences hold commas is not taken for CSV with a lost delimiter', async () => {
    const folder = await mkdtemp(join(dir, 'notes-'))
    await workbook(join(folder.slice(dir.length + 1), 'spend.xlsx'), {Notes: [['Notes'], ['Spend over £500, April 2024'], ['Figures include VAT, where charged']], Payments: payments})
    expect((await check(folder, ['spend.xlsx'], {only: ['single-column']})).findings).toEqual([])
  })

  it('a sheet the resource names that the workbook lacks is a source-error listing its sheets', async () => {
    const folder = await mkdtemp(join(dir, 'missing-'))
    await workbook(join(folder.slice(dir.length + 1), 'spend.xlsx'), {Notes: notes, Payments: payments})
    await writeFile(join(folder, 'datapackage.json'), JSON.stringify({name: 'spend', resources: [{name: 'payments', path: 'spend.xlsx', dialect: {sheet: 'Spend'}, schema}]}))
    const {result} = await check(folder, ['.'], {only: ['source-error']})
    const error = result.tables.flatMap((t) => t.findings).find((f) => f.rule === 'source-error')
    expect(error).toMatchObject({resource: 'spend.xlsx#Spend', details: {reason: 'missing'}})
    expect(error?.message).toContain('"Notes", "Payments"')
  })
})
