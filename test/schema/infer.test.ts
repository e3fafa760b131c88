/**
 * Schema inference: UK formats (dd/mm/yyyy, currency, percentages, decimal commas), required,
 * enums, missing-value markers and primary key candidates; and the round trip a user relies
 * on: a schema inferred from a table, checked against that table, finds nothing, for written
 * fixtures and for random tables of typed columns.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {inferTableSchema} from '../../src/assess/infer/infer.js'
import {csvwMetadata} from '../../src/assess/infer/csvw.js'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import type {ResolvedConfig} from '../../src/engine/config-types.js'
import {run} from '../../src/engine/run.js'

const fixtures = join(import.meta.dirname, 'fixtures')
const SCHEMA_RULES = ['type-error', 'constraint-error', 'unique-error', 'primary-key', 'foreign-key', 'missing-label', 'extra-label', 'incorrect-label', 'schema-error', 'field-error']

let dir: string
let config: ResolvedConfig
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'odcheck-infer-'))
  config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

let written = 0
/** Infers a schema from the file, writes it, checks the file with it: the schema rules' findings. */
async function roundTrip(path: string) {
  const {schema} = await inferTableSchema(path)
  const schemaFile = join(dir, `schema-${++written}.json`)
  writeFileSync(schemaFile, JSON.stringify(schema))
  const result = await run({inputs: [path], cwd: dir, config, schemaFile, only: SCHEMA_RULES})
  return {schema, findings: [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])]}
}

describe('inferring a UK council spend file', () => {
  it('reads each column the way UK publishers write it', async () => {
    const {schema, primaryKeyCandidates, rows} = await inferTableSchema(join(fixtures, 'uk-spend.csv'))
    expect(rows).toBe(60)
    const byName = Object.fromEntries(schema.fields.map(({name, ...rest}) => [name, rest]))
    expect(byName['Transaction No']).toEqual({type: 'integer', constraints: {required: true}})
    expect(byName['Payment Date']).toEqual({type: 'date', format: '%d/%m/%Y', constraints: {required: true}})
    expect(byName['Net Amount']).toMatchObject({type: 'number'})
    expect(byName['Gross']).toMatchObject({type: 'number', bareNumber: false})
    expect(byName['VAT Rate']).toMatchObject({type: 'number', bareNumber: false})
    expect(byName['Rate (EU)']).toMatchObject({type: 'number', decimalChar: ','})
    expect(byName['Paid']).toMatchObject({type: 'boolean', trueValues: ['Yes'], falseValues: ['No']})
    expect(byName['Service']).toEqual({type: 'string', constraints: {required: true, enum: ['Adult Social Care', 'Highways', 'Libraries', 'Waste']}})
    // Some cells are empty: not required.
    expect(byName['Ward Code']).toEqual({type: 'string'})
    expect(byName['Updated']).toMatchObject({type: 'datetime'})
    // "N/A" only among text: a value like any other, not a missing value.
    expect(byName['Invoice Ref']).toEqual({type: 'string', constraints: {required: true}})
    expect(schema.missingValues).toEqual([''])
    expect(primaryKeyCandidates).toEqual(['Transaction No'])
    expect(schema.primaryKey).toEqual(['Transaction No'])
  })

  it('takes suppression markers in number columns as missing values and keeps codes with leading zeros as text', async () => {
    const {schema, missingSeen, primaryKeyCandidates} = await inferTableSchema(join(fixtures, 'suppressed.csv'))
    expect(schema.missingValues).toEqual(['', '..', 'x'])
    expect(missingSeen).toEqual({x: 5, '..': 3})
    expect(schema.fields.map((f) => [f.name, f.type, f.constraints?.required ?? false])).toEqual([
      ['Area', 'string', true],
      ['Code', 'string', true],
      ['Count', 'integer', false],
      ['Share', 'number', false],
    ])
    // A column named like a key comes first among the candidates.
    expect(primaryKeyCandidates).toEqual(['Code', 'Area'])
  })

  it('describes the same table as CSVW metadata', async () => {
    const result = await inferTableSchema(join(fixtures, 'uk-spend.csv'))
    const csvw = csvwMetadata(result, 'uk-spend.csv') as {tableSchema: {columns: Array<{name: string; titles: string; datatype: unknown}>; primaryKey: string[]}}
    expect(csvw.tableSchema.columns.slice(0, 2)).toEqual([
      {name: 'Transaction_No', titles: 'Transaction No', datatype: 'integer', required: true},
      {name: 'Payment_Date', titles: 'Payment Date', datatype: {base: 'date', format: 'dd/MM/yyyy'}, required: true},
    ])
    expect(csvw.tableSchema.columns.find((c) => c.titles === 'Rate (EU)')!.datatype).toEqual({base: 'decimal', format: {decimalChar: ','}})
    expect(csvw.tableSchema.primaryKey).toEqual(['Transaction_No'])
  })
})

describe('round trip: check a table with the schema inferred from it', () => {
  it.each(['uk-spend.csv', 'suppressed.csv'])('%s', async (file) => {
    expect((await roundTrip(join(fixtures, file))).findings).toEqual([])
  })

  it('holds for random tables of typed columns', async () => {
    const cell = fc.oneof(
      fc.integer({min: -5000, max: 5000}).map(String),
      fc.double({min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true}).map((n) => n.toFixed(2)),
      fc.integer({min: 0, max: 5_000_000}).map((n) => `£${(n / 100).toLocaleString('en-GB', {minimumFractionDigits: 2})}`),
      fc.date({min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true}).map((d) => d.toLocaleDateString('en-GB')),
      fc.date({min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true}).map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('', 'NA', '..', 'x', 'Yes', 'No', 'true', '0', '007', 'Highways', 'Smith, Jones & Co', 'E05000819', '12.5%', '1,5', '2024-03'),
      fc.string({maxLength: 8}).filter((s) => !/[\r\n"]/.test(s)),
    )
    const column = fc.tuple(fc.constantFrom('id', 'amount', 'date', 'ward', 'flag', 'note'), fc.array(cell, {minLength: 1, maxLength: 4}))
    await fc.assert(
      fc.asyncProperty(fc.array(column, {minLength: 1, maxLength: 5}), fc.integer({min: 2, max: 25}), fc.integer(), async (columns, rowCount, seed) => {
        // Each column draws its values from its own small pool, so types and enums take shape.
        const header = columns.map(([name], i) => `${name}${i}`)
        const lines = [header.join(',')]
        for (let r = 0; r < rowCount; r++) {
          lines.push(columns.map(([, pool], c) => JSON.stringify(pool[Math.abs(seed + r * 31 + c * 7) % pool.length])).join(','))
        }
        const path = join(dir, `random-${++written}.csv`)
        writeFileSync(path, lines.join('\n') + '\n')
        const {findings, schema} = await roundTrip(path)
        expect(findings, JSON.stringify({schema, lines})).toEqual([])
      }),
      {numRuns: 60, endOnFailure: true},
    )
  }, 300_000)
})
