/** Bulk suppressions round-trip through the CLI: record, pass, fail on a new finding, report stale, prune. */
import {copyFile, mkdir, mkdtemp, readFile, rm} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {oneLine} from '../config/helpers.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const fixtures = join(fixturesDir, 'suppressions')
// Only the rules these fixtures are about, so rules added later do not change the counts.
const ONLY = ['--only', 'blank-row', '--only', 'extra-cell']

interface Report {
  valid: boolean
  summary: {errors: number; suppressed: number}
  findings: Array<{rule: string; rowNumber?: number}>
  resources: Array<{path: string; results: Array<{rule: string; count: number; suppressed?: number}>}>
  suppressions?: {file: string; stale: Array<{resource: string; rule: string; recorded: number; found: number}>}
}

async function checkJson(cwd: string, ...args: string[]) {
  const r = await odcheck(['check', 'data', '--json', ...ONLY, ...args], {cwd})
  return {code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr}
}

async function recorded(file: string) {
  return JSON.parse(await readFile(file, 'utf8')) as {odcheckSuppressions: number; resources: Record<string, Record<string, {count: number}>>}
}

describe('bulk suppressions', {timeout: 60_000}, () => {
  let cwd: string
  let file: string
  afterAll(() => rm(cwd, {recursive: true, force: true}))
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'odcheck-suppress-'))
    await mkdir(join(cwd, '.git'))
    await mkdir(join(cwd, 'data'))
    await copyFile(join(fixtures, 'spend.csv'), join(cwd, 'data', 'spend.csv'))
    file = join(cwd, 'odcheck-suppressions.json')
  })

  it('fails before anything is recorded', async () => {
    const {code, report} = await checkJson(cwd)
    expect(code).toBe(1)
    expect(report.summary.errors).toBe(3)
    expect(report.suppressions).toBeUndefined()
  })

  it('records current findings with --suppress-all and passes', async () => {
    const {code, report} = await checkJson(cwd, '--suppress-all')
    expect(code).toBe(0)
    expect(await recorded(file)).toEqual({odcheckSuppressions: 1, resources: {'data/spend.csv': {'blank-row': {count: 2}, 'extra-cell': {count: 1}}}})
    expect(report.summary).toMatchObject({errors: 0, suppressed: 3})
    expect(report.findings).toEqual([])
  })

  it('passes on the next run without flags, keeping the counts in the results', async () => {
    const {code, report} = await checkJson(cwd)
    expect(code).toBe(0)
    expect(report.suppressions).toEqual({file: 'odcheck-suppressions.json', stale: []})
    const results = report.resources[0].results
    expect(results.find((r) => r.rule === 'blank-row')).toMatchObject({count: 2, suppressed: 2})
  })

  it('fails on a new finding beyond the recorded count, listing all of that rule\'s findings', async () => {
    await copyFile(join(fixtures, 'spend-new-blank-row.csv'), join(cwd, 'data', 'spend.csv'))
    const {code, report} = await checkJson(cwd)
    expect(code).toBe(1)
    expect(report.summary).toMatchObject({errors: 3, suppressed: 1})
    expect(report.findings.map((f) => [f.rule, f.rowNumber])).toEqual([
      ['blank-row', 3],
      ['blank-row', 5],
      ['blank-row', 7],
    ])
  })

  it('reports a suppression no longer needed once a finding is fixed', async () => {
    await copyFile(join(fixtures, 'spend-one-blank-row-fixed.csv'), join(cwd, 'data', 'spend.csv'))
    const {code, report} = await checkJson(cwd)
    expect(code).toBe(0)
    expect(report.suppressions?.stale).toEqual([{resource: 'data/spend.csv', rule: 'blank-row', recorded: 2, found: 1}])
    const stylish = await odcheck(['check', 'data', ...ONLY], {cwd})
    expect(stylish.stdout).toContain('--prune-suppressions')
  })

  it('lowers the count with --prune-suppressions', async () => {
    const {code, report} = await checkJson(cwd, '--prune-suppressions')
    expect(code).toBe(0)
    expect(report.suppressions?.stale).toEqual([])
    expect((await recorded(file)).resources).toEqual({'data/spend.csv': {'blank-row': {count: 1}, 'extra-cell': {count: 1}}})
  })

  it('reports and prunes entries for a table that no longer exists', async () => {
    await rm(join(cwd, 'data', 'spend.csv'))
    await copyFile(join(fixtures, 'clean.csv'), join(cwd, 'data', 'clean.csv'))
    const before = await checkJson(cwd)
    expect(before.report.suppressions?.stale.map((s) => [s.resource, s.rule, s.found])).toEqual([
      ['data/spend.csv', 'blank-row', 0],
      ['data/spend.csv', 'extra-cell', 0],
    ])
    await checkJson(cwd, '--prune-suppressions')
    expect((await recorded(file)).resources).toEqual({})
  })
})

describe('suppression flags', {timeout: 60_000}, () => {
  let cwd: string
  afterAll(() => rm(cwd, {recursive: true, force: true}))
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'odcheck-suppress-rule-'))
    await mkdir(join(cwd, '.git'))
    await mkdir(join(cwd, 'data'))
    await copyFile(join(fixtures, 'spend.csv'), join(cwd, 'data', 'spend.csv'))
  })

  it('--suppress-rule records only that rule, at --suppressions-location', async () => {
    const {code, report} = await checkJson(cwd, '--suppress-rule', 'blank-row', '--suppressions-location', 'ci/known.json')
    expect(code).toBe(1)
    expect(report.findings.map((f) => f.rule)).toEqual(['extra-cell'])
    // Paths are relative to the suppressions file's folder.
    expect((await recorded(join(cwd, 'ci', 'known.json'))).resources).toEqual({'../data/spend.csv': {'blank-row': {count: 2}}})
    expect(existsSync(join(cwd, 'odcheck-suppressions.json'))).toBe(false)
  })

  it('refuses an unknown rule id with a suggestion (exit 2)', async () => {
    const r = await odcheck(['check', 'data', '--suppress-rule', 'blnk-row'], {cwd})
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toContain('--suppress-rule blnk-row names no rule')
    expect(oneLine(r.stderr)).toContain('Did you mean "blank-row"?')
  })

  it('refuses recording and pruning in the same run (exit 2)', async () => {
    const r = await odcheck(['check', 'data', '--suppress-all', '--prune-suppressions'], {cwd})
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toContain('--suppress-all and --prune-suppressions cannot be used together')
  })

  it('names a suppressions file that is not valid (exit 2)', async () => {
    const r = await odcheck(['check', 'data', '--suppressions-location', join(fixtures, 'not-suppressions.json')], {cwd})
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toContain('not-suppressions.json is invalid')
  })
})
