/**
 * unique-error, primary-key and foreign-key within one table: repeats named with the first row
 * that had the value (values compared as their type reads them), empty keys, references to rows
 * further down; and the parallel chunked path giving exactly the same findings.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {findingsOf, ruleTester} from '../helpers/rule-tester.js'

ruleTester('unique-error', {
  valid: [{file: 'suppliers-valid.csv', run: {schemaFile: 'unique-error/suppliers.schema.json'}}],
  invalid: [
    {
      file: 'suppliers-invalid.csv',
      run: {schemaFile: 'unique-error/suppliers.schema.json'},
      findings: [
        {rowNumber: 4, fieldNumber: 2, details: {fields: ['name'], firstRowNumber: 2}},
        {rowNumber: 5, fieldNumber: 1, details: {fields: ['id'], firstRowNumber: 4}},
        {rowNumber: 5, fieldNumber: 3, details: {fields: ['postcode', 'ward'], firstRowNumber: 2}},
        {rowNumber: 6, fieldNumber: 1, details: {fields: ['id'], firstRowNumber: 2}},
        {rowNumber: 6, fieldNumber: 2, details: {fields: ['name'], firstRowNumber: 5}},
        {rowNumber: 6, fieldNumber: 3, details: {fields: ['postcode', 'ward'], firstRowNumber: 4}},
      ],
    },
  ],
})

ruleTester('primary-key', {
  valid: [{file: 'payments-valid.csv', run: {schemaFile: 'primary-key/payments.schema.json'}}],
  invalid: [
    {
      file: 'payments-invalid.csv',
      run: {schemaFile: 'primary-key/payments.schema.json'},
      findings: [
        {rowNumber: 4, fieldNumber: 1, details: {fields: ['batch', 'line'], firstRowNumber: 2}},
        {rowNumber: 5, fieldNumber: 1, details: {fields: ['batch', 'line'], reason: 'missing'}},
        {rowNumber: 6, fieldNumber: 1, details: {fields: ['batch', 'line'], reason: 'missing'}},
        {rowNumber: 7, fieldNumber: 1, details: {fields: ['batch', 'line'], firstRowNumber: 3}},
      ],
    },
  ],
})

ruleTester('foreign-key', {
  valid: [{file: 'bodies-valid.csv', run: {schemaFile: 'foreign-key/bodies.schema.json'}}],
  invalid: [
    {
      file: 'bodies-invalid.csv',
      run: {schemaFile: 'foreign-key/bodies.schema.json'},
      findings: [
        {rowNumber: 4, fieldNumber: 3, details: {fields: ['parent_id'], referenceResource: '', referenceFields: ['id'], cells: 'tmbc-transport'}},
        {rowNumber: 5, fieldNumber: 3, details: {cells: 'TMBC'}},
        {rowNumber: 6, fieldNumber: 3, details: {cells: 'tmbc-transport'}},
      ],
    },
  ],
})

describe('keys on the parallel path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'odcheck-keys-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('gives the findings of one pass however the rows are cut into chunks', async () => {
    // 3,000 rows: ids repeat every 700 rows, references point up and down the table, some keys are empty.
    const rows = ['id,code,parent,amount']
    for (let i = 1; i <= 3000; i++) rows.push(`${i % 700},C${i % 977},${i % 50 === 0 ? 'nowhere' : (i * 7) % 700},${i % 333 === 0 ? '' : i}`)
    const csv = join(dir, 'keys.csv')
    writeFileSync(csv, rows.join('\n'))
    const schema = join(dir, 'keys.schema.json')
    writeFileSync(
      schema,
      JSON.stringify({
        fields: [
          {name: 'id', type: 'integer', constraints: {unique: true}},
          {name: 'code', type: 'string'},
          {name: 'parent', type: 'string'},
          {name: 'amount', type: 'integer'},
        ],
        primaryKey: ['code', 'amount'],
        uniqueKeys: [['id', 'code']],
        foreignKeys: [{fields: 'parent', reference: {resource: '', fields: 'code'}}],
      }),
    )
    const config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
    const common = {inputs: [csv], cwd: dir, config, schemaFile: schema, only: ['unique-error', 'primary-key', 'foreign-key'], maxFindingsPerRule: 50}
    const single = (await run({...common, jobs: 1})).tables[0]
    const parallel = (await run({...common, jobs: 3, parallel: {chunkBytes: 200, minBytes: 0}})).tables[0]
    const counts = Object.fromEntries(single.outcomes.map((o) => [o.rule, o.count]))
    expect(counts['unique-error']).toBe(2300 + 0)
    expect(counts['primary-key']).toBeGreaterThan(0)
    expect(counts['foreign-key']).toBeGreaterThan(0)
    expect(parallel.findings).toEqual(single.findings)
    expect(parallel.outcomes).toEqual(single.outcomes)
  }, 60_000)
})

describe('keys across the parts of a multipart resource', {timeout: 60_000}, () => {
  it('reports a key of a later part that an earlier part has, at the later row, naming the earlier file; repeats within a part as before', async () => {
    const {findings: pk, table: first, result} = await findingsOf('primary-key', '../packages/multipart-keys')
    expect(first?.resource).toBe('packages/multipart-keys/payments-2024-q1.csv')
    expect(pk).toEqual([])
    const second = result.tables[1]
    expect(second.findings.map((f) => [f.rule, f.rowNumber, f.fieldNumber, f.details])).toEqual([
      ['primary-key', 4, 1, {fields: ['transaction_id'], firstRowNumber: 3}],
      ['primary-key', 2, 1, {fields: ['transaction_id'], firstRowNumber: 3, firstResource: 'packages/multipart-keys/payments-2024-q1.csv'}],
    ])
    // Counted on the part, not on the dataset.
    expect(second.outcomes.find((o) => o.rule === 'primary-key')?.count).toBe(2)
    expect(result.dataset?.outcomes.find((o) => o.rule === 'primary-key')?.count).toBe(0)
    const unique = (await findingsOf('unique-error', '../packages/multipart-keys')).result.tables[1].findings
    expect(unique.map((f) => [f.rule, f.rowNumber, f.fieldNumber, f.details])).toEqual([
      ['unique-error', 3, 2, {fields: ['invoice'], firstRowNumber: 2, firstResource: 'packages/multipart-keys/payments-2024-q1.csv'}],
    ])
  })
})
