/**
 * A publisher releasing personal data lawfully (councillors' names), following what the
 * personal-data finding says to do: the declaration alone leaves the error, and the finding
 * names the file for the override that, with it, makes the column a warning.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'

interface Finding {
  rule: string
  severity: string
  fieldName?: string
  details?: Record<string, unknown>
}

async function privacy(folder: string) {
  const r = await odcheck(['check', join(fixturesDir, 'personal-data', folder), '--only', '#privacy', '--json'])
  const report = JSON.parse(r.stdout) as {findings: Finding[]}
  return {code: r.code, findings: report.findings.filter((f) => f.rule.startsWith('personal-data'))}
}

describe('personal data published on purpose', {timeout: 60_000}, () => {
  it('declared personal in odcheck.yaml only: still an error, naming the file an override needs', async () => {
    const {code, findings} = await privacy('lawful-declared')
    expect(code).toBe(1)
    expect(findings).toEqual([expect.objectContaining({rule: 'personal-data', severity: 'error', fieldName: 'councillor', details: expect.objectContaining({kind: 'person-name', file: 'councillors.csv'})})])
  })

  it('declared, with the override the finding gives in .odcheck.yaml: a warning, and fit to publish', async () => {
    const {code, findings} = await privacy('lawful-accepted')
    expect(code).toBe(0)
    expect(findings).toEqual([expect.objectContaining({rule: 'personal-data', severity: 'warning', details: expect.objectContaining({file: 'councillors.csv'})})])
  })
})
