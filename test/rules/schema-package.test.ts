/**
 * Data packages: the descriptor against the Data Package profile (package-error, resource-error,
 * schema-error, field-error, each with its JSONPath and line), the files against what the package
 * declares (byte-count, hash-count, row-count, also on the parallel path), and foreign keys
 * across resources, whether the package, its folder or one of its files is checked.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run, type RunOptions} from '../../src/engine/run.js'
import {findingsOf, fixturesDir, ruleTester} from '../helpers/rule-tester.js'

const at = (resource: string, path: string, reason: string, line: number) => ({resource, line, details: {path, reason}})

ruleTester('package-error', {
  valid: ['valid', 'v2-name'],
  invalid: [
    {
      file: 'broken',
      findings: [
        at('package-error/broken/datapackage.json', '$.name', 'pattern', 2),
        at('package-error/broken/datapackage.json', '$.created', 'format', 3),
        at('package-error/broken/datapackage.json', '$.licenses[0]', 'required', 5),
        at('package-error/broken/datapackage.json', '$.contributors[0].email', 'format', 12),
        at('package-error/broken/datapackage.json', '$.keywords', 'type', 15),
      ],
    },
  ],
})

const broken = 'resource-error/broken/datapackage.json'
ruleTester('resource-error', {
  valid: ['valid'],
  invalid: [
    {
      file: 'broken',
      findings: [
        at(broken, '$.resources[0]', 'required', 4),
        at(broken, '$.resources[1].path[1]', 'missing-file', 11),
        at(broken, '$.resources[2].path', 'path-outside', 16),
        at(broken, '$.resources[3].encoding', 'encoding', 21),
        at(broken, '$.resources[3].hash', 'hash-algorithm', 22),
        at(broken, '$.resources[3].bytes', 'type', 23),
        at(broken, '$.resources[4].hash', 'hash-length', 28),
        at(broken, '$.resources[4].dialect.delimiter', 'type', 30),
        at(broken, '$.resources[4].dialect.header', 'type', 31),
        at(broken, '$.resources[5].name', 'duplicate-name', 35),
        at(broken, '$.resources[6]', 'required', 42),
      ],
    },
  ],
})

const schemaPackage = 'schema-error/package/datapackage.json'
ruleTester('schema-error', {
  valid: [{file: 'wards.csv', run: {schemaFile: 'schema-error/wards.schema.json'}}],
  invalid: [
    {
      file: 'package',
      findings: [
        at(schemaPackage, '$.resources[0].schema', 'missing-file', 7),
        at(schemaPackage, '$.resources[1].schema', 'unreadable', 12),
        at(schemaPackage, '$.resources[2].schema', 'path-outside', 17),
        at(schemaPackage, '$.resources[3].schema.fields[2].name', 'duplicate-field', 32),
        at(schemaPackage, '$.resources[3].schema.primaryKey', 'unknown-field', 35),
        at(schemaPackage, '$.resources[3].schema.foreignKeys[0].reference.resource', 'unknown-resource', 43),
        at(schemaPackage, '$.resources[3].schema.foreignKeys[1]', 'key-length', 47),
        at(schemaPackage, '$.resources[3].schema.foreignKeys[2].reference.fields', 'unknown-field', 61),
        at(schemaPackage, '$.resources[4].schema.fields[0].constraints.pattern', 'bad-pattern', 75),
        at(schemaPackage, '$.resources[5].schema', 'required', 88),
        at(schemaPackage, '$.resources[5].schema.primaryKey', 'anyOf', 89),
      ],
    },
    {
      // A --schema file's problems name that file; a lookahead cannot run in RE2.
      file: 'wards.csv',
      run: {schemaFile: 'schema-error/lookaround.schema.json'},
      findings: [at('schema-error/lookaround.schema.json', '$.fields[0].constraints.pattern', 'bad-pattern', 7)],
    },
  ],
})

ruleTester('field-error', {
  valid: [{file: 'wards.csv', run: {schemaFile: 'field-error/wards.schema.json'}}],
  invalid: [
    {
      file: 'wards.csv',
      run: {schemaFile: 'field-error/broken.schema.json'},
      findings: [
        at('field-error/broken.schema.json', '$.fields[0].type', 'enum', 5),
        at('field-error/broken.schema.json', '$.fields[1].format', 'bad-format', 13),
        at('field-error/broken.schema.json', '$.fields[2].format', 'bad-format', 21),
        at('field-error/broken.schema.json', '$.fields[3].constraints.minimum', 'constraint-type', 30),
        at('field-error/broken.schema.json', '$.fields[3].constraints.enum[1]', 'constraint-value', 33),
        at('field-error/broken.schema.json', '$.fields[4]', 'required', 37),
      ],
    },
    {
      file: 'wards.csv',
      run: {schemaFile: 'field-error/limits.schema.json'},
      findings: [
        at('field-error/limits.schema.json', '$.fields[1].constraints.minimum', 'constraint-value', 17),
        at('field-error/limits.schema.json', '$.fields[1].constraints.maximum', 'constraint-value', 18),
        at('field-error/limits.schema.json', '$.fields[2].constraints.minimum', 'constraint-value', 26),
        at('field-error/limits.schema.json', '$.fields[3].format', 'bad-format', 33),
      ],
    },
  ],
})

it('leaves out of type checks the values of a field whose type or format it cannot use', async () => {
  const {findings} = await findingsOf('field-error', 'wards.csv', undefined, {only: ['type-error'], schemaFile: 'field-error/broken.schema.json'} as Partial<RunOptions>)
  expect(findings).toEqual([])
})

// Each file against its resource in byte-count/package/datapackage.json (found in the file's folder).
ruleTester('byte-count', {
  valid: ['package/published.csv', 'package/with-bom.csv'],
  invalid: [
    {file: 'package/cut.csv', findings: [{resource: 'byte-count/package/cut.csv', details: {resource: 'cut', expected: 4835, actual: 3585}}]},
    {file: 'package/edited.csv', findings: [{resource: 'byte-count/package/edited.csv', details: {resource: 'edited', expected: 4835, actual: 4864}}]},
  ],
})

ruleTester('hash-count', {
  // The BOM is part of the file's hash (declared as sha1 for with-bom.csv).
  valid: ['package/published.csv', 'package/with-bom.csv'],
  invalid: [
    {
      file: 'package/cut.csv',
      findings: [{details: {algorithm: 'sha512', actual: 'eab5baa6b6d54d8d112e8e747ee6e8778bd52221db751a747c1bbeb6900a12132ae35176c221399521e59f0992b2ddc347fe901949a36db2f9e40b9a70f47a6f'}}],
    },
    {file: 'package/edited.csv', findings: [{details: {algorithm: 'sha256', actual: '56901168a34b20b054a0e79564b045860f0117d2a70a41583c247f6b555df06d'}}]},
  ],
})

ruleTester('row-count', {
  valid: ['package/published.csv', 'package/edited.csv', 'package/with-bom.csv'],
  invalid: [{file: 'package/cut.csv', findings: [{resource: 'row-count/package/cut.csv', details: {resource: 'cut', expected: 200, actual: 150}}]}],
})

async function check(inputs: string[], options: Partial<RunOptions> = {}) {
  const config = await loadConfig({cwd: fixturesDir, searchFrom: fixturesDir, builtInChecks: builtInChecksUrl})
  const result = await run({inputs: inputs.map((i) => join(fixturesDir, i)), cwd: fixturesDir, config, only: ['#schema'], ...options})
  const findings = [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])]
  return {result, findings: findings.map((f) => ({rule: f.rule, resource: f.resource, rowNumber: f.rowNumber, fieldNumber: f.fieldNumber, cells: f.details?.cells}))}
}

describe('integrity on the parallel path', () => {
  it('hashes and counts bytes in the scanner as the single-threaded reader does', async () => {
    const single = await check(['hash-count/package'], {jobs: 1})
    const parallel = await check(['hash-count/package'], {jobs: 3, parallel: {chunkBytes: 256, minBytes: 0}})
    expect(parallel.findings).toEqual(single.findings)
    expect(parallel.result.tables.map((t) => t.stats?.hashes)).toEqual(single.result.tables.map((t) => t.stats?.hashes))
    expect(single.findings.filter((f) => f.rule === 'hash-count').map((f) => f.resource)).toEqual(['hash-count/package/cut.csv', 'hash-count/package/edited.csv'])
  }, 60_000)
})

describe('foreign keys across the resources of a package', () => {
  const expected = [
    {rule: 'foreign-key', resource: 'packages/council-spend/data/payments.csv', rowNumber: 3, fieldNumber: 3, cells: 'S009'},
    {rule: 'foreign-key', resource: 'packages/council-spend/data/payments.csv', rowNumber: 4, fieldNumber: 4, cells: 'PRK'},
    {rule: 'foreign-key', resource: 'packages/council-spend/data/payments.csv', rowNumber: 6, fieldNumber: 3, cells: 'S009'},
  ]

  it('checks references to other resources once every table is read (package folder given)', async () => {
    const {result, findings} = await check(['packages/council-spend'])
    expect(findings).toEqual(expected)
    // Schemas from the package: inline, and from a file relative to it.
    const payments = result.tables.find((t) => t.resource.endsWith('payments.csv'))!
    expect(payments.head?.schemaSource).toBe(join(fixturesDir, 'packages/council-spend/schemas/payments.json'))
    expect(payments.head?.packageResource).toMatchObject({name: 'payments', referencedKeys: []})
    expect(result.tables.find((t) => t.resource.endsWith('suppliers.csv'))!.head?.packageResource?.referencedKeys).toEqual([['id']])
  })

  it('checks the same when the descriptor is given', async () => {
    expect((await check(['packages/council-spend/datapackage.json'])).findings).toEqual(expected)
  })

  it('reads the files a single checked file refers to for their keys only', async () => {
    const {result, findings} = await check(['packages/council-spend/data/payments.csv'])
    expect(findings).toEqual(expected)
    expect(result.tables.map((t) => t.resource)).toEqual(['packages/council-spend/data/payments.csv'])
  })

  it('gives the same findings on the parallel path', async () => {
    expect((await check(['packages/council-spend'], {jobs: 3, parallel: {chunkBytes: 32, minBytes: 0}})).findings).toEqual(expected)
  }, 60_000)

  it('follows a v2 YAML package: its dialect, encoding and a multipart resource whose parts refer to each other', async () => {
    const {result, findings} = await check(['packages/v2-wards'])
    // Files named .txt are tables because the package says they are CSV.
    expect(result.tables.map((t) => [t.resource, t.head?.dialect.delimiter, t.head?.encoding.encoding, t.head?.dialect.header, t.stats?.rowCount])).toEqual([
      ['packages/v2-wards/wards-1.txt', ';', 'windows-1252', true, 3],
      ['packages/v2-wards/wards-2.txt', ';', 'windows-1252', false, 2],
    ])
    // Bowdon's parent is in the first part; Brooklands' is nowhere.
    expect(findings).toEqual([{rule: 'foreign-key', resource: 'packages/v2-wards/wards-2.txt', rowNumber: 2, fieldNumber: 3, cells: 'E08000010'}])
  })

  it('lets --schema win over the package schema', async () => {
    const {result} = await check(['packages/council-spend/data/suppliers.csv'], {schemaFile: 'schema-error/wards.schema.json'})
    expect(result.tables[0].head?.schemaSource).toBe(join(fixturesDir, 'schema-error/wards.schema.json'))
  })
})
