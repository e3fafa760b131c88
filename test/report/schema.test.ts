import {beforeAll, describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {fixtureReport} from './fixture-report.js'
import {reportSchema as schema, reportValidator} from './report-schema.js'

/** Every property a schema object declares, with the JSON pointer to it. */
function declaredProperties(node: unknown, path = '#'): Array<{path: string; schema: Record<string, unknown>}> {
  if (!node || typeof node !== 'object') return []
  const out: Array<{path: string; schema: Record<string, unknown>}> = []
  const record = node as Record<string, unknown>
  if (record.properties && typeof record.properties === 'object') {
    for (const [key, value] of Object.entries(record.properties as Record<string, Record<string, unknown>>)) out.push({path: `${path}/properties/${key}`, schema: value})
  }
  for (const [key, value] of Object.entries(record)) out.push(...declaredProperties(value, `${path}/${key}`))
  return out
}

describe('schemas/report.schema.json', () => {
  const validate = reportValidator()
  let report: JsonReport

  beforeAll(async () => {
    report = await fixtureReport()
  })

  it('accepts the report the engine builds for the report fixtures', () => {
    expect(report.findings.length).toBeGreaterThan(0)
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('describes every property, directly or through the definition it refers to', () => {
    const undocumented = declaredProperties(schema)
      .filter(({schema: s}) => {
        if (typeof s.description === 'string' && s.description.length > 0) return false
        const ref = typeof s.$ref === 'string' ? schema.definitions[s.$ref.replace('#/definitions/', '')] : undefined
        return !(ref && typeof ref.description === 'string')
      })
      .map(({path}) => path)
    expect(undocumented).toEqual([])
  })

  it('leaves the report, resources and summary open for later sections', () => {
    const extended = {
      ...report,
      linkChecks: {checked: 3},
      summary: {...report.summary, stars: 3},
      resources: report.resources.map((r) => ({...r, metadata: {title: 'x'}})),
    }
    expect(validate(extended), JSON.stringify(validate.errors)).toBe(true)
  })

  it('keeps findings closed except for their details', () => {
    const finding = report.findings.find((f) => f.fieldNumber !== undefined)!
    const withDetails = {...report, findings: [{...finding, details: {anything: [1, 2], nested: {ok: true}}}]}
    expect(validate(withDetails)).toBe(true)
    const withUnknownKey = {...report, findings: [{...finding, column: 3}]}
    expect(validate(withUnknownKey)).toBe(false)
    expect(validate.errors?.[0]).toMatchObject({keyword: 'additionalProperties', params: {additionalProperty: 'column'}})
  })

  it.each([
    ['a rowNumber of 0 (rows count from 1, header included)', (f: Record<string, unknown>) => ({...f, rowNumber: 0})],
    ['a fieldNumber of 0 (fields count from 1)', (f: Record<string, unknown>) => ({...f, fieldNumber: 0})],
    ['severity off on a finding', (f: Record<string, unknown>) => ({...f, severity: 'off'})],
    ['a finding without a resource', ({resource: _, ...f}: Record<string, unknown>) => f],
  ])('rejects %s', (_name, change) => {
    const finding = report.findings.find((f) => f.fieldNumber !== undefined)!
    expect(validate({...report, findings: [change(finding as unknown as Record<string, unknown>)]})).toBe(false)
  })

  it('rejects another reportVersion and a report missing its summary', () => {
    expect(validate({...report, reportVersion: 2})).toBe(false)
    const {summary: _, ...noSummary} = report
    expect(validate(noSummary)).toBe(false)
  })

  it('matches the report version the code writes', async () => {
    const {REPORT_VERSION} = await import('../../src/report/types.js')
    expect(schema.properties.reportVersion.const).toBe(REPORT_VERSION)
  })
})
