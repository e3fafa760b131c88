import {describe, expect, it} from 'vitest'
import {json} from '../../src/report/formatters/json.js'
import {context, fixtureReport, stable} from './fixture-report.js'
import {reportValidator} from './report-schema.js'

describe('json formatter', () => {
  it('matches the snapshot', async () => {
    await expect(stable(json(await fixtureReport(), context))).toMatchFileSnapshot('__snapshots__/report.json')
  })

  it('prints the report object itself, valid against the report schema', async () => {
    const report = await fixtureReport()
    const parsed = JSON.parse(json(report, context))
    expect(parsed).toEqual(report)
    const validate = reportValidator()
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true)
  })
})
