/**
 * Golden scenarios: each bundled example's README says what odcheck should report on it,
 * and these tests hold odcheck to exactly that (rule ids and locations of every error and
 * warning, and the exit code).
 */
import {describe, expect, it} from 'vitest'
import {odcheck} from './helpers/cli.js'

interface Finding {
  rule: string
  severity: string
  rowNumber?: number
  fieldNumber?: number
  resource: string
}

async function check(example: string) {
  const r = await odcheck(['check', `examples/${example}`, '--json'])
  const report = JSON.parse(r.stdout)
  const serious = (report.findings as Finding[]).filter((f) => f.severity !== 'info').map((f) => [f.rule, f.severity, f.rowNumber ?? null])
  return {code: r.code, report, serious}
}

describe('bundled examples', () => {
  it('streetlights: fit to publish, no errors or warnings', async () => {
    const {code, serious, report} = await check('streetlights')
    expect(serious).toEqual([])
    expect(code).toBe(0)
    expect(report.resources[0]).toMatchObject({rowCount: 60, fieldCount: 10, encoding: 'utf-8', dialect: {lineTerminator: '\r\n', headerRow: 1}})
  })

  it('spend-over-500: the usual export problems, and no metadata or licence', async () => {
    const {code, serious, report} = await check('spend-over-500')
    expect(serious).toEqual([
      ['title-row', 'warning', 1],
      ['encoding-not-utf8', 'warning', 1],
      ['totals-row', 'warning', 43],
      ['blank-row', 'error', 44],
      ['blank-row', 'error', 45],
      ['licence-missing', 'error', null],
      ['metadata-not-found', 'warning', null],
    ])
    expect(code).toBe(1)
    expect(report.resources[0]).toMatchObject({encoding: 'windows-1252', rowCount: 43, dialect: {headerRow: 2}})
    expect(report.resources[0].fieldNames).toContain('Amount (£)')
  })

  it('ward-population: a data package that is fit to publish', async () => {
    const {code, serious} = await check('ward-population')
    expect(serious).toEqual([])
    expect(code).toBe(0)
  })
})
