/**
 * Data package resources whose rows are written in the descriptor (`data`): checked like a
 * file (types, keys, foreign keys into them), named `<descriptor>#<resource>`, each finding on
 * the line of the descriptor its row is written on, in JSON and in YAML.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {buildReport} from '../../src/report/build.js'
import {fixturesDir} from '../helpers/rule-tester.js'
import {reportValidator} from '../report/report-schema.js'
import {cellOf, readInlineTable} from '../../src/table/inline.js'

async function check(inputs: string[], only: string[]) {
  const config = await loadConfig({cwd: fixturesDir, searchFrom: fixturesDir, builtInChecks: builtInChecksUrl})
  const result = await run({inputs: inputs.map((i) => join(fixturesDir, i)), cwd: fixturesDir, config, only})
  const findings = [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])]
  return {result, findings: findings.map((f) => [f.rule, f.resource, f.rowNumber, f.fieldNumber, f.line])}
}

describe('inline data in a data package', {timeout: 60_000}, () => {
  it('checks a list of lists (header first) and a list of objects like files, with the descriptor line of each row', async () => {
    const {findings, result} = await check(['packages/inline-data'], ['#schema'])
    expect(findings).toEqual([
      ['type-error', 'packages/inline-data/spend.csv', 4, 2, 4],
      // A foreign key into inline data: XXX is not a ward code.
      ['foreign-key', 'packages/inline-data/spend.csv', 3, 1, 3],
      ['type-error', 'packages/inline-data/datapackage.json#wards', 3, 3, 11],
      ['primary-key', 'packages/inline-data/datapackage.json#wards', 4, 1, 12],
      ['type-error', 'packages/inline-data/datapackage.json#towns', 3, 2, 16],
    ])
    const report = buildReport(result, {version: '0.0.0-test', failOn: 'error'})
    const validate = reportValidator()
    expect(validate(report) ? [] : validate.errors).toEqual([])
    expect(report.resources.slice(1).map((r) => [r.path, r.format, r.rowCount, r.fieldNames, r.bytes, r.schemaSource])).toEqual([
      ['packages/inline-data/datapackage.json#wards', 'inline', 3, ['code', 'name', 'councillors'], null, 'packages/inline-data/datapackage.json#$.resources[1].schema'],
      ['packages/inline-data/datapackage.json#towns', 'inline', 2, ['town', 'population'], null, 'packages/inline-data/datapackage.json#$.resources[2].schema'],
    ])
  })

  it('reads inline keys that a foreign key of the one file checked points at', async () => {
    const {findings, result} = await check(['packages/inline-data/spend.csv'], ['foreign-key'])
    expect(findings).toEqual([['foreign-key', 'packages/inline-data/spend.csv', 3, 1, 3]])
    expect(result.tables.map((t) => t.resource)).toEqual(['packages/inline-data/spend.csv'])
  })

  it('in a YAML descriptor: the row\'s line, and data that is no list of rows as a source-error', async () => {
    const {findings} = await check(['packages/inline-yaml'], ['#schema', 'source-error'])
    expect(findings).toEqual([
      ['type-error', 'packages/inline-yaml/datapackage.yaml#sites', 3, 2, 8],
      ['type-error', 'packages/inline-yaml/datapackage.yaml#sites', 4, 3, 11],
      ['source-error', 'packages/inline-yaml/datapackage.yaml#broken', undefined, undefined, undefined],
    ])
  })

  it('turns values into the text a CSV would hold, and rows without a header into field1, field2, ...', () => {
    expect([null, 12.5, true, 'x', {a: 1}, [1, 2]].map(cellOf)).toEqual(['', '12.5', 'true', 'x', '{"a":1}', '[1,2]'])
    const table = readInlineTable([['A1', 1], ['B2', 2]], '/nowhere/datapackage.json', 0, false)
    expect(table.labels).toEqual(['field1', 'field2'])
    expect(table.rows.map((r) => [r.rowNumber, r.cells])).toEqual([[1, ['A1', '1']], [2, ['B2', '2']]])
    expect(readInlineTable([['a'], {a: 1}], '/nowhere/datapackage.json', 0).problem).toMatch(/mixes rows/)
  })
})

describe('inline data in the machine formats', {timeout: 60_000}, () => {
  it('GitHub annotations and SARIF point at the descriptor and its line, naming the resource', async () => {
    const {github} = await import('../../src/report/formatters/github.js')
    const {sarif} = await import('../../src/report/formatters/sarif.js')
    const {result} = await check(['packages/inline-data'], ['type-error'])
    const report = buildReport(result, {version: '0.0.0-test', failOn: 'error'})
    const context = {color: false, cwd: fixturesDir}
    expect(github(report, context)).toContain('::error file=packages/inline-data/datapackage.json,line=11,title=type-error (resource wards)::')
    const log = JSON.parse(sarif(report, context))
    const wards = log.runs[0].results.find((r: {properties?: {resource?: string}}) => r.properties?.resource === 'wards')
    expect(wards.locations[0].physicalLocation).toMatchObject({artifactLocation: {uri: 'packages/inline-data/datapackage.json'}, region: {startLine: 11}})
  })
})
