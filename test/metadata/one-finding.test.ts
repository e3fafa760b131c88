/**
 * One problem, one finding: where a CSVW or data package rule and a catalogue-level rule
 * (metadata-unreadable, metadata-mismatch) see the same problem, the specific rule reports it
 * when it runs, and the general rule reports it when the specific one is not selected.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import type {Finding} from '../../src/engine/types.js'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {fixturesDir} from '../helpers/rule-tester.js'

/** Every finding of a run with the default rules (or only those given), as `rule kind-or-code` lines. */
async function findings(file: string, only?: string[]): Promise<Finding[]> {
  const config = await loadConfig({cwd: fixturesDir, searchFrom: fixturesDir, builtInChecks: builtInChecksUrl})
  const result = await run({inputs: [join(fixturesDir, file)], cwd: fixturesDir, config, only})
  return [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])]
}

const about = (list: Finding[], rules: string[]) => list.filter((f) => rules.includes(f.rule)).map((f) => `${f.rule} ${String(f.details?.kind ?? f.details?.code ?? f.details?.reason ?? '')}`.trim())

const METADATA = ['metadata-unreadable', 'metadata-mismatch']

describe('broken CSVW metadata', {timeout: 60_000}, () => {
  it('is reported once, by csvw-metadata-error, when every rule runs; licence-missing points there', async () => {
    const list = await findings('metadata-unreadable/trailing-comma/csv-metadata.json')
    expect(about(list, ['csvw-metadata-error', ...METADATA])).toEqual(['csvw-metadata-error json-syntax'])
    const json = list.find((f) => f.rule === 'csvw-metadata-error')!
    expect(json).toMatchObject({line: 4, details: {line: 4, column: 32}})
    expect(list.find((f) => f.rule === 'licence-missing')?.details).toMatchObject({reason: 'unreadable', reportedBy: ['csvw-metadata-error']})
  })

  it('read past its trailing commas: the JSON error says so, and licence-missing points at it (not at a missing table) and says whether the file names a licence', async () => {
    const list = await findings('licence-missing/trailing-comma-no-licence')
    expect(list.filter((f) => f.rule.startsWith('csvw-')).map((f) => [f.rule, f.details?.code, f.details?.readOn])).toEqual([
      ['csvw-metadata-error', 'json-syntax', true],
      ['csvw-table-missing', 'table-missing', undefined],
    ])
    expect(list.find((f) => f.rule === 'licence-missing')?.details).toEqual({
      reason: 'unreadable',
      sources: [],
      unreadable: ['licence-missing/trailing-comma-no-licence/csv-metadata.json'],
      reportedBy: ['csvw-metadata-error'],
      namesLicence: false,
      where: '"dc:license"',
    })
    const named = await findings('licence-missing/trailing-comma-licence')
    expect(named.find((f) => f.rule === 'licence-missing')?.details).toMatchObject({reportedBy: ['csvw-metadata-error'], namesLicence: true, raw: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'})
  })

  it('is reported by csvw-metadata-error under --only "#csvw" (the W3C suite\'s run)', async () => {
    expect(about(await findings('metadata-unreadable/trailing-comma', ['#csvw']), ['csvw-metadata-error', ...METADATA])).toEqual(['csvw-metadata-error json-syntax'])
  })

  it('is reported by metadata-unreadable when the CSVW rules are not selected', async () => {
    const list = await findings('metadata-unreadable/trailing-comma', ['#metadata', 'licence-missing'])
    expect(about(list, ['csvw-metadata-error', ...METADATA])).toEqual(['metadata-unreadable syntax'])
    expect(list.find((f) => f.rule === 'licence-missing')?.details).toMatchObject({reportedBy: ['metadata-unreadable']})
  })

  it('given as the input and named <file>-metadata.json, still has <file> checked', async () => {
    const config = await loadConfig({cwd: fixturesDir, searchFrom: fixturesDir, builtInChecks: builtInChecksUrl})
    const result = await run({inputs: [join(fixturesDir, 'metadata-unreadable/named-for/salaries.csv-metadata.json')], cwd: fixturesDir, config})
    expect(result.tables.map((t) => [t.resource, t.stats?.rowCount])).toEqual([['metadata-unreadable/named-for/salaries.csv', 2]])
    const list = [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])]
    expect(about(list, ['csvw-metadata-error', ...METADATA])).toEqual(['csvw-metadata-error json-syntax'])
    expect(list.find((f) => f.rule === 'csvw-metadata-error')).toMatchObject({line: 7})
  })
})

describe('metadata-mismatch leaves a problem to the rule made for it', {timeout: 60_000}, () => {
  const cases: Array<{what: string; file: string; owner: string[]; general: string[]}> = [
    {what: 'CSVW tables that are not there: csvw-table-missing', file: 'csvw-table-missing/group', owner: ['csvw-table-missing table-missing', 'csvw-table-missing table-missing'], general: ['metadata-mismatch missing-file', 'metadata-mismatch missing-file']},
    {what: 'a header against CSVW columns: csvw-column-titles', file: 'metadata-mismatch/columns', owner: ['csvw-column-titles'], general: ['metadata-mismatch columns']},
    {what: '<file>-metadata.json describing another file: csvw-table-not-described', file: 'metadata-mismatch/named-for', owner: ['csvw-table-not-described not-describing'], general: ['metadata-mismatch named-for']},
    {what: 'a header against the package\'s Table Schema: the label rules', file: 'metadata-mismatch/package-labels', owner: ['extra-label', 'incorrect-label'], general: ['metadata-mismatch columns']},
    {what: 'declared rows and bytes of a package resource: row-count and byte-count', file: 'byte-count/package', owner: ['byte-count', 'row-count', 'byte-count'], general: ['metadata-mismatch bytes', 'metadata-mismatch row-count', 'metadata-mismatch bytes']},
  ]
  const rules = ['csvw-table-missing', 'csvw-column-titles', 'csvw-table-not-described', 'missing-label', 'extra-label', 'incorrect-label', 'row-count', 'byte-count', 'metadata-mismatch']
  for (const c of cases) {
    it(`${c.what}, once`, async () => {
      expect(about(await findings(c.file), rules)).toEqual(c.owner)
    })
    it(`${c.what}; metadata-mismatch reports it when that rule is not selected`, async () => {
      expect(about(await findings(c.file, ['metadata-mismatch']), rules)).toEqual(c.general)
    })
  }

  it('a package path outside its folder: resource-error, with its JSONPath; metadata-mismatch without it', async () => {
    const all = await findings('metadata-mismatch/files')
    expect(all.filter((f) => f.details?.reason === 'path-outside' || f.details?.kind === 'path-outside').map((f) => f.rule)).toEqual(['resource-error'])
    const general = await findings('metadata-mismatch/files', ['metadata-mismatch'])
    expect(general.filter((f) => f.details?.kind === 'path-outside').map((f) => f.rule)).toEqual(['metadata-mismatch'])
  })
})

describe('a schema file many resources share', () => {
  it('is one schema-error when it is missing, naming every resource that refers to it', async () => {
    const list = (await findings('schema-error/shared-missing', ['schema-error'])).filter((f) => f.rule === 'schema-error')
    expect(list.map((f) => f.details)).toEqual([
      {path: '$.resources[0].schema', reason: 'missing-file', note: expect.stringMatching(/"ward-schema.json" does not exist.*; 3 resources name it \(resources\[0\], resources\[1\], resources\[2\]\)$/)},
    ])
  })
})
