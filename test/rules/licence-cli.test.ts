/**
 * The licence rules as a publisher meets them: the built CLI on data folders with their
 * metadata beside them (data package, CSVW, odcheck.yaml) or named with --metadata (CKAN).
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {odcheck, repoRoot} from '../helpers/cli.js'

const fixtures = 'test/fixtures'

interface Finding {
  rule: string
  severity: string
  resource: string
  details?: Record<string, unknown>
}

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'commands', 'check.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).')
})

async function licenceReport(args: string[]) {
  const r = await odcheck(['check', ...args, '--only', '#licence', '--json'])
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/)
  const report = JSON.parse(r.stdout) as {findings: Finding[]}
  const findings = report.findings.filter((f) => f.rule.startsWith('licence-') || f.rule === 'attribution-missing')
  return {code: r.code, findings, rules: findings.map((f) => f.rule)}
}

describe('licence rules through the CLI', {timeout: 120_000}, () => {
  it('licence-missing: a table with no metadata fails, saying no metadata was found', async () => {
    const {code, findings} = await licenceReport([`${fixtures}/licence-missing/no-metadata`])
    expect(code).toBe(1)
    expect(findings).toEqual([expect.objectContaining({rule: 'licence-missing', severity: 'error', details: {reason: 'no-metadata', sources: []}})])
  })

  it('licence-missing: a data package with no licences, reported against the data package', async () => {
    const {code, findings} = await licenceReport([`${fixtures}/licence-missing/no-licence`])
    expect(code).toBe(1)
    expect(findings).toEqual([
      expect.objectContaining({rule: 'licence-missing', resource: `${fixtures}/licence-missing/no-licence/datapackage.json`, details: {reason: 'none', sources: [`${fixtures}/licence-missing/no-licence/datapackage.json`]}}),
    ])
  })

  it('licence-missing: a data package that cannot be read is named, not called missing', async () => {
    const {findings} = await licenceReport([`${fixtures}/licence-missing/unreadable`])
    expect(findings.map((f) => f.details)).toEqual([{reason: 'unreadable', sources: [], unreadable: [`${fixtures}/licence-missing/unreadable/datapackage.json`], reportedBy: ['metadata-unreadable'], namesLicence: true, raw: 'OGL-UK-3.0'}])
  })

  it('licence-missing: a CKAN record whose licence is "notspecified"', async () => {
    const dir = `${fixtures}/licence-missing/not-specified`
    const {findings} = await licenceReport([`${dir}/allotments.csv`, '--metadata', `${dir}/package_show.json`])
    expect(findings).toEqual([expect.objectContaining({rule: 'licence-missing', details: expect.objectContaining({reason: 'not-specified', raw: 'notspecified', licence: 'notspecified'})})])
  })

  it('licence-unknown: a bespoke council licence is a warning, and the accept option in .odcheck.yaml silences it', async () => {
    const bespoke = await licenceReport([`${fixtures}/licence-unknown/bespoke`])
    expect(bespoke.code).toBe(0)
    expect(bespoke.findings).toEqual([
      expect.objectContaining({
        rule: 'licence-unknown',
        severity: 'warning',
        details: expect.objectContaining({raw: 'trafford-data-licence', url: 'https://www.trafford.gov.uk/data-licence', title: 'Trafford Council Data Licence', field: 'licenses[0]'}),
      }),
    ])
    const accepted = await licenceReport([`${fixtures}/licence-unknown/accepted`])
    expect(accepted.rules).toEqual([])
  })

  it('licence-not-open: a CC BY-NC data package fails', async () => {
    const {code, findings} = await licenceReport([`${fixtures}/licence-not-open/non-commercial`])
    expect(code).toBe(1)
    expect(findings.filter((f) => f.rule === 'licence-not-open')).toEqual([
      expect.objectContaining({rule: 'licence-not-open', severity: 'error', details: expect.objectContaining({licence: 'CC-BY-NC-4.0', reasons: ['non-commercial'], matchedBy: 'url'})}),
    ])
  })

  it('licence-not-open: a CKAN record under the Non-Commercial Government Licence fails', async () => {
    const dir = `${fixtures}/licence-not-open/ncgl`
    const {code, findings} = await licenceReport([`${dir}/allotments.csv`, '--metadata', `${dir}/package_show.json`])
    expect(code).toBe(1)
    expect(findings.filter((f) => f.rule === 'licence-not-open').map((f) => f.details?.licence)).toEqual(['NCGL-UK-2.0'])
  })

  it('licence-software: a repository\'s GPL licence given as the data licence in odcheck.yaml is a warning', async () => {
    const dir = `${fixtures}/licence-software/gpl-repo`
    const {code, findings} = await licenceReport([dir])
    expect(code).toBe(0)
    expect(findings).toEqual([
      expect.objectContaining({rule: 'licence-software', severity: 'warning', resource: `${dir}/odcheck.yaml`, details: expect.objectContaining({licence: 'GPL-2.0', knownBy: 'od-domains', source: `${dir}/odcheck.yaml`})}),
    ])
  })

  it('licence-conflict: odcheck.yaml and the data package name different licences', async () => {
    const {findings} = await licenceReport([`${fixtures}/licence-conflict/two-files`])
    expect(findings).toEqual([expect.objectContaining({rule: 'licence-conflict', details: expect.objectContaining({kind: 'licence', licence: 'CC-BY-4.0', otherLicence: 'OGL-UK-3.0'})})])
    expect(findings[0].details).toMatchObject({source: `${fixtures}/licence-conflict/two-files/odcheck.yaml`, otherSource: `${fixtures}/licence-conflict/two-files/datapackage.json`})
  })

  it('licence-conflict: the same licence spelt two ways, with a matching rights statement, is fine', async () => {
    const {rules} = await licenceReport([`${fixtures}/licence-conflict/agree`])
    expect(rules).toEqual([])
  })

  it('attribution-missing: a CSVW file under the OGL with no rights statement, and the same with dc:rights', async () => {
    const missing = await licenceReport([`${fixtures}/attribution-missing/csvw`])
    expect(missing.findings).toEqual([
      expect.objectContaining({
        rule: 'attribution-missing',
        resource: `${fixtures}/attribution-missing/csvw/allotments.csv-metadata.json`,
        details: expect.objectContaining({licence: 'OGL-UK-3.0', suggestion: 'Contains public sector information licensed under the Open Government Licence v3.0'}),
      }),
    ])
    const given = await licenceReport([`${fixtures}/attribution-missing/with-rights`])
    expect(given.rules).toEqual([])
  })

  it('licence-outdated: the version-less OGL page is read as v3.0 and reported as info', async () => {
    const versionless = await licenceReport([`${fixtures}/licence-outdated/versionless`, '--skip', 'attribution-missing'])
    expect(versionless.code).toBe(0)
    expect(versionless.findings).toEqual([expect.objectContaining({rule: 'licence-outdated', severity: 'info', details: expect.objectContaining({licence: 'OGL-UK-3.0', versionAssumed: true})})])
    const current = await licenceReport([`${fixtures}/licence-outdated/current`, '--skip', 'attribution-missing'])
    expect(current.rules).toEqual([])
  })
})
