/**
 * Where CSVW metadata comes from (tabular-data-model 5): --metadata first, then for a table
 * read over HTTP its Link header, then `<file>-metadata.json`, `csv-metadata.json` (or the
 * site's /.well-known/csvm templates); metadata that does not describe the file is skipped
 * with a warning. A metadata file given as the input checks the tables it describes.
 */
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run, type RunOptions} from '../../src/engine/run.js'
import {buildReport} from '../../src/report/build.js'
import {fixturesDir} from '../helpers/rule-tester.js'
import {serveSuite, type SuiteServer} from './conformance/server.js'

const dir = join(fixturesDir, 'csvw-discovery')

async function check(inputs: string[], options: Partial<RunOptions> = {}) {
  const config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
  const result = await run({inputs, cwd: dir, config, only: ['#csvw'], ...options})
  const findings = [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])]
  return {
    result,
    tables: result.tables.map((t) => t.resource).sort(),
    described: Object.fromEntries(result.tables.map((t) => [t.resource, t.head?.csvw?.metadata])),
    findings: findings.map((f) => ({rule: f.rule, resource: f.resource, code: f.details?.code, value: f.details?.value})),
  }
}

describe('CSVW metadata for a CSV file', () => {
  it('prefers <file>-metadata.json to csv-metadata.json', async () => {
    const {described, findings} = await check(['both/sites.csv'])
    expect(described).toEqual({'both/sites.csv': 'both/sites.csv-metadata.json'})
    expect(findings).toEqual([])
  })

  it('skips metadata that does not describe the file, with a warning, and uses the next it finds', async () => {
    const {described, findings} = await check(['file-wrong/sites.csv'])
    expect(described).toEqual({'file-wrong/sites.csv': 'file-wrong/csv-metadata.json'})
    expect(findings).toEqual([
      {rule: 'csvw-datatype', resource: 'file-wrong/sites.csv', code: undefined, value: '24'},
      {rule: 'csvw-table-not-described', resource: 'file-wrong/sites.csv-metadata.json', code: 'not-describing', value: undefined},
    ])
  })

  it('applies --metadata to the file even when its url names another (its first table)', async () => {
    const {described, findings} = await check(['both/sites.csv'], {metadataFiles: ['user-metadata.json']})
    expect(described).toEqual({'both/sites.csv': 'user-metadata.json'})
    expect(findings).toEqual([{rule: 'csvw-datatype', resource: 'both/sites.csv', code: undefined, value: '24'}])
  })

  it('also checks the tables foreign keys link it to, and no others', async () => {
    const {tables, findings} = await check(['group/sites.csv'])
    expect(tables).toEqual(['group/sites.csv', 'group/wards.csv'])
    expect(findings).toEqual([{rule: 'csvw-foreign-key', resource: 'group/sites.csv', code: undefined, value: 'E05000999'}])
  })

  it('checks every table of a metadata file given as the input', async () => {
    const {tables} = await check(['group/csv-metadata.json'])
    expect(tables).toEqual(['group/bins.csv', 'group/sites.csv', 'group/wards.csv'])
  })

  it('checks the table a folder\'s CSVW metadata names inside the zip beside it, and says tools will not find it there', async () => {
    const {tables, findings, described, result} = await check(['only-metadata'])
    expect(tables).toEqual(['only-metadata/spend-2026-27.zip/spend-2026-27.csv'])
    expect(described).toEqual({'only-metadata/spend-2026-27.zip/spend-2026-27.csv': 'only-metadata/csv-metadata.json'})
    // The zipped CSV has a column the metadata does not describe: found only because it was read against it.
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({rule: 'csvw-column-titles', resource: 'only-metadata/spend-2026-27.zip/spend-2026-27.csv'}),
        expect.objectContaining({rule: 'csvw-table-missing', resource: 'only-metadata/csv-metadata.json', code: 'table-missing'}),
      ]),
    )
    expect(result.dataset?.findings.find((f) => f.rule === 'csvw-table-missing')?.message).toMatch(/it is inside spend-2026-27\.zip beside it, where odcheck checked it against these columns, but tools reading the metadata look for the file at "url"/)
    // The report names that metadata as the table's.
    expect(buildReport(result, {version: 'test', failOn: 'error'}).resources[0]).toMatchObject({metadataSource: 'only-metadata/csv-metadata.json', schemaSource: 'only-metadata/csv-metadata.json'})
  })

  it('given the metadata alone, also reads the zip beside it for the table it names', async () => {
    const {tables, described, result} = await check(['only-metadata/csv-metadata.json'])
    expect(tables).toEqual(['only-metadata/spend-2026-27.zip/spend-2026-27.csv'])
    expect(described).toEqual({'only-metadata/spend-2026-27.zip/spend-2026-27.csv': 'only-metadata/csv-metadata.json'})
    expect(result.dataset?.findings.find((f) => f.rule === 'csvw-table-missing')?.message).toMatch(/it is inside spend-2026-27\.zip beside it, where odcheck checked it against these columns/)
  })

  it('finds the metadata beside a zip for the table inside it, as if unzipped there', async () => {
    const {tables, described, findings} = await check(['only-metadata/spend-2026-27.zip'])
    expect(tables).toEqual(['only-metadata/spend-2026-27.zip/spend-2026-27.csv'])
    expect(described).toEqual({'only-metadata/spend-2026-27.zip/spend-2026-27.csv': 'only-metadata/csv-metadata.json'})
    expect(findings).toContainEqual(expect.objectContaining({rule: 'csvw-column-titles', resource: 'only-metadata/spend-2026-27.zip/spend-2026-27.csv'}))
  })

  it('says when the zip beside the metadata does not hold the table it names', async () => {
    const {tables, described, result} = await check(['zip-without-table'])
    expect(tables).toEqual(['zip-without-table/spend-2026-27.zip/spend-2026-april.csv'])
    expect(described).toEqual({'zip-without-table/spend-2026-27.zip/spend-2026-april.csv': undefined})
    expect(result.dataset?.findings.find((f) => f.rule === 'csvw-table-not-described')?.details).toMatchObject({table: 'zip-without-table/spend-2026-27.zip/spend-2026-april.csv'})
    expect(result.dataset?.findings.find((f) => f.rule === 'csvw-table-missing')?.message).toMatch(/there is spend-2026-27\.zip beside it, but no spend-2026-27\.csv inside it: publish the CSV itself beside the metadata\.$/)
  })

  it('never reads a table outside the metadata file\'s folder', async () => {
    const {tables, findings} = await check(['outside/data/csv-metadata.json'])
    expect(tables).toEqual([])
    expect(findings).toMatchObject([{rule: 'csvw-table-missing', resource: 'outside/data/csv-metadata.json', code: 'table-missing'}])
  })
})

describe('CSVW metadata over HTTP', () => {
  let server: SuiteServer
  beforeAll(async () => {
    server = await serveSuite(dir, {'http/sites.csv': '<linked.json>; rel="describedby"; type="application/csvm+json"'})
  })
  afterAll(async () => server?.close())

  const online = {online: true, allowPrivateNetwork: true}

  it('follows the Link header of a table fetched with --online, and names the table by its URL', async () => {
    const url = `${server.base}http/sites.csv`
    const {described, findings} = await check([url], online)
    expect(described).toEqual({[url]: `${server.base}http/linked.json`})
    expect(findings).toEqual([{rule: 'csvw-datatype', resource: url, code: undefined, value: '24'}])
  })

  it('uses the site-wide /.well-known/csvm templates', async () => {
    const url = `${server.base}http/other.csv`
    const {described, findings} = await check([url], online)
    expect(described).toEqual({[url]: `${server.base}http/other.csv.json`})
    expect(findings.map((f) => f.rule)).toEqual(['csvw-datatype'])
  })

  it('refuses a web address without --online, and a private address without leave', async () => {
    await expect(check([`${server.base}http/sites.csv`])).rejects.toThrow(/works offline/)
    await expect(check([`${server.base}http/sites.csv`], {online: true})).rejects.toThrow(/127\.0\.0\.1 is on a private network/)
  })

  it('checks a table on the web that has no CSVW metadata with every rule, under its URL', async () => {
    const config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
    const url = `${server.base}http/plain.csv`
    const result = await run({inputs: [url], cwd: dir, config, ...online})
    expect(result.tables.map((t) => [t.resource, t.head?.csvw, t.head?.labels])).toEqual([[url, undefined, ['Bin', 'Colour']]])
  })
})
