/** The metadata work as a user meets it: the built binary, the JSON report's metadata section, --metadata and exit codes. */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {odcheck, repoRoot} from '../helpers/cli.js'
import {reportValidator} from '../report/report-schema.js'

const fixtures = 'test/fixtures'
const onlyMetadata = ['--only', '#metadata']

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'commands', 'check.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).')
})

async function jsonReport(args: string[]) {
  const r = await odcheck(['check', ...args, '--json'])
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/)
  const report = JSON.parse(r.stdout)
  const validate = reportValidator()
  expect(validate(report) ? [] : validate.errors).toEqual([])
  return {code: r.code, report}
}

describe('odcheck check and metadata', {timeout: 120_000}, () => {
  it('reports the metadata found beside the data, merged from every file, and which file describes each table', async () => {
    const {report} = await jsonReport([`${fixtures}/metadata-missing/merged`, ...onlyMetadata])
    expect(report.metadata).toMatchObject({
      title: 'Allotment sites in Trafford',
      publisher: {name: 'Trafford Council'},
      licence: {raw: 'OGL-UK-3.0'},
      sources: [
        {format: 'odcheck', path: `${fixtures}/metadata-missing/merged/odcheck.yaml`, datasets: 1},
        {format: 'datapackage', path: `${fixtures}/metadata-missing/merged/datapackage.json`, datasets: 1},
      ],
      unreadable: [],
    })
    // odcheck.yaml is read first, so values from the data package say where they came from.
    expect(report.metadata.evidence.title).toBe('datapackage.json: title')
    expect(report.metadata.evidence.publisher).toBe('publisher')
    expect(report.resources.map((r: {path: string; metadataSource: string}) => [r.path, r.metadataSource])).toEqual([
      [`${fixtures}/metadata-missing/merged/allotments.csv`, `${fixtures}/metadata-missing/merged/datapackage.json`],
    ])
  })

  it('checks a data package given as the path, and the local tables it lists', async () => {
    const {code, report} = await jsonReport([`${fixtures}/metadata-mismatch/files/datapackage.json`, '--only', 'metadata-mismatch'])
    expect(code).toBe(1)
    expect(report.resources.map((r: {path: string}) => r.path)).toEqual([`${fixtures}/metadata-mismatch/files/allotments.csv`])
    const kinds = report.findings.filter((f: {rule: string}) => f.rule === 'metadata-mismatch').map((f: {details: {kind: string}}) => f.details.kind)
    expect(kinds).toEqual(['format', 'row-count', 'bytes', 'missing-file', 'path-outside'])
  })

  it('reports broken metadata as a finding with its line, not a crash, and exits 1', async () => {
    const r = await odcheck(['check', `${fixtures}/metadata-unreadable/trailing-comma`, '--only', 'metadata-unreadable'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`${fixtures}/metadata-unreadable/trailing-comma/csv-metadata.json`)
    expect(r.stdout).toContain('a trailing comma before "}" at line 4, column 32')
    expect(r.stderr).toBe('')
  })

  it('says once that no metadata was found, naming where it looked', async () => {
    const {report} = await jsonReport([`${fixtures}/metadata-not-found/no-metadata`, ...onlyMetadata])
    expect(report.metadata).toBeNull()
    expect(report.resources[0].metadataSource).toBeNull()
    expect(report.findings.map((f: {rule: string}) => f.rule).filter((r: string) => r.startsWith('metadata-'))).toEqual(['metadata-not-found'])
  })

  it('reads a catalogue record of any name beside the data when no metadata has a usual name, such as a DCAT dataset.ttl', async () => {
    const {report} = await jsonReport([`${fixtures}/metadata-not-found/catalogue-record`, ...onlyMetadata])
    expect(report.metadata.sources).toEqual([{format: 'dcat-turtle', path: `${fixtures}/metadata-not-found/catalogue-record/wigan-fly-tipping.ttl`, datasets: 1}])
    const rules = report.findings.map((f: {rule: string}) => f.rule)
    expect(rules).not.toContain('metadata-not-found')
    expect(rules).not.toContain('licence-missing')
    // The record is metadata, not RDF data to check.
    expect(report.resources.map((r: {path: string}) => r.path)).toEqual([`${fixtures}/metadata-not-found/catalogue-record/fly-tipping.csv`])
  })

  it('names the catalogue records beside the data when there are several, and how to choose one', async () => {
    const {report} = await jsonReport([`${fixtures}/metadata-not-found/two-records`, ...onlyMetadata])
    expect(report.metadata).toBeNull()
    const notFound = report.findings.find((f: {rule: string}) => f.rule === 'metadata-not-found')
    expect(notFound.details.records).toEqual([`${fixtures}/metadata-not-found/two-records/fly-tipping.rdf`, `${fixtures}/metadata-not-found/two-records/package_show.json`])
    expect(notFound.message).toContain('--metadata')
  })

  it('uses the file named by --metadata, such as a CKAN record saved from the portal', async () => {
    const {report} = await jsonReport([`${fixtures}/metadata-not-found/no-metadata/streetlights.csv`, '--metadata', `${fixtures}/metadata/adapters/package_show.json`, ...onlyMetadata])
    expect(report.metadata.sources).toEqual([{format: 'ckan', path: `${fixtures}/metadata/adapters/package_show.json`, datasets: 1}])
    expect(report.findings.map((f: {rule: string}) => f.rule)).not.toContain('metadata-not-found')
  })

  it('exits 2 when --metadata names no file', async () => {
    const r = await odcheck(['check', `${fixtures}/metadata-not-found/no-metadata`, '--metadata', 'no/such/datapackage.json'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--metadata no/such/datapackage.json is not a file')
  })
})
