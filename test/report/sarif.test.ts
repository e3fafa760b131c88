import {beforeAll, describe, expect, it} from 'vitest'
import {sarif} from '../../src/report/formatters/sarif.js'
import type {JsonReport} from '../../src/report/types.js'
import {reportOnTempTable} from './temp-table.js'
import {sarifValidator} from './sarif-schema.js'
import {context, fixturePath, fixtureReport, PINNED_RULES, stable, TEST_VERSION} from './fixture-report.js'

interface SarifLog {
  runs: Array<{
    tool: {driver: {name: string; version: string; informationUri: string; rules: Array<{id: string; helpUri: string; defaultConfiguration: {level: string}}>}}
    artifacts: Array<{location: {uri: string}}>
    results: Array<{
      ruleId: string
      ruleIndex: number
      level: string
      message: {text: string}
      locations: Array<{physicalLocation: {artifactLocation: {uri: string; uriBaseId?: string; index: number}; region: {startLine: number; startColumn?: number}}}>
      properties?: Record<string, unknown>
    }>
  }>
}

describe('sarif formatter', () => {
  let report: JsonReport
  let log: SarifLog
  let text: string

  beforeAll(async () => {
    report = await fixtureReport()
    text = sarif(report, context)
    log = JSON.parse(text)
  })

  it('matches the snapshot', async () => {
    await expect(stable(text)).toMatchFileSnapshot('__snapshots__/report.sarif')
  })

  it('is valid SARIF 2.1.0', async () => {
    const validate = await sarifValidator()
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
    const broken = structuredClone(log)
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0
    expect(validate(broken)).toBe(false)
  })

  it('names the tool and lists every active rule, passing ones too, with absolute help URIs', () => {
    const {driver} = log.runs[0].tool
    expect(driver).toMatchObject({name: 'odcheck', version: TEST_VERSION, informationUri: expect.stringMatching(/^https:\/\//)})
    expect(driver.rules.map((r) => r.id).sort()).toEqual([...PINNED_RULES].sort())
    // Rule sets give docs as repository paths (docs/rules/<id>.md); SARIF needs absolute URLs.
    const docs = new Map(report.rules.map((r) => [r.id, r.docs]))
    for (const rule of driver.rules) {
      expect(docs.get(rule.id)).not.toMatch(/^https?:/)
      expect(rule.helpUri).toBe(`https://github.com/odcheck/odcheck/blob/main/${docs.get(rule.id)}`)
    }
    // The level the rule ran with (--rule blank-row=info), not the rule set's default.
    expect(Object.fromEntries(driver.rules.map((r) => [r.id, r.defaultConfiguration.level]))).toMatchObject({'blank-row': 'note', 'extra-cell': 'warning', 'missing-cell': 'error'})
  })

  it('gives each finding its rule index, level, relative path and physical line', () => {
    const {results, tool} = log.runs[0]
    expect(results).toHaveLength(report.findings.length)
    for (const r of results) expect(tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId)
    const byRule = Object.fromEntries(results.map((r) => [r.ruleId, r]))
    expect(Object.fromEntries(results.map((r) => [r.ruleId, r.level]))).toEqual({
      'source-error': 'error',
      'duplicate-label': 'error',
      'missing-cell': 'error',
      'blank-row': 'note',
      'extra-cell': 'warning',
    })
    // Row 3 starts on line 4 because row 2 has a quoted line break: the region is the physical line.
    const missing = byRule['missing-cell']
    expect(missing.locations[0].physicalLocation).toMatchObject({
      artifactLocation: {uri: fixturePath('mixed.csv'), uriBaseId: '%SRCROOT%'},
      region: {startLine: 4},
    })
    expect(missing.locations[0].physicalLocation.region.startColumn).toBeUndefined()
    expect(missing.properties).toMatchObject({rowNumber: 3, fieldNumber: 5, fieldName: '<note> & "x"'})
    expect(log.runs[0].artifacts[missing.locations[0].physicalLocation.artifactLocation.index].location.uri).toBe(fixturePath('mixed.csv'))
  })

  it('records clean files as artifacts', () => {
    expect(log.runs[0].artifacts.map((a) => a.location.uri)).toEqual(['clean.csv', 'empty.csv', 'mixed.csv'].map(fixturePath))
  })

  it('percent-encodes a file name with spaces and # in the uri, and stays valid', async () => {
    const {report: spaced, cwd} = await reportOnTempTable('ward list #2.csv', 'id,name\n1,a\n,\n', ['blank-row'])
    const output = JSON.parse(sarif(spaced, {color: false, cwd}))
    expect(output.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toMatchObject({uri: 'ward%20list%20%232.csv', uriBaseId: '%SRCROOT%'})
    const validate = await sarifValidator()
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true)
  })
})
