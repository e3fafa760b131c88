/**
 * Offline, the report says once that the web links in the metadata were not checked and that
 * --online checks them: in JSON (`skipped`), stylish, markdown and HTML. Only when the
 * metadata has web links and the link rules would run; never as a finding, so it changes no
 * count and fails no run. Online (against the local test server) there is nothing to say.
 */
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'
import {reportValidator} from '../report/report-schema.js'
import {materialise, startServer, type TestServer} from './server.js'

const fixtures = join(fixturesDir, 'report-skipped')
const LINK_RULES = ['link-broken', 'documentation-link-broken', 'link-redirect-loop', 'link-content-mismatch']
/** Offline runs never ask: any address does. */
const OFFLINE_BASE = 'https://data.trafford.example'

async function json(dir: string, args: string[] = []) {
  const r = await odcheck(['check', dir, '--format', 'json', ...args], {cwd: dir})
  return {...r, report: JSON.parse(r.stdout) as JsonReport}
}

const occurrences = (text: string, part: string) => text.split(part).length - 1

describe('offline, with web links in the metadata', () => {
  const dir = materialise(join(fixtures, 'web-links'), OFFLINE_BASE)

  it('lists the link rules as skipped in the JSON report, with how many links and what to do', async () => {
    const {code, report} = await json(dir)
    expect(code).toBe(0)
    expect(report.skipped).toEqual([{reason: 'offline', rules: LINK_RULES, links: 3, message: expect.stringMatching(/^3 web links in the metadata were not checked: .*Add --online to check them\.$/)}])
    expect(reportValidator()(report)).toBe(true)
  })

  it('is not a finding: counts and verdict are those of a run with the link rules skipped', async () => {
    const noted = await json(dir, ['--fail-on', 'info'])
    const without = await json(dir, ['--fail-on', 'info', '--skip', '#online'])
    expect(without.report.skipped).toBeUndefined()
    expect(noted.report.summary).toEqual(without.report.summary)
    expect(noted.report.valid).toBe(without.report.valid)
    expect(noted.code).toBe(without.code)
    expect(noted.report.findings).toEqual(without.report.findings)
  })

  it('names only the link rules that would have run', async () => {
    const {report} = await json(dir, ['--skip', 'link-broken'])
    expect(report.skipped?.[0].rules).toEqual(LINK_RULES.slice(1))
  })

  it('says so once in the stylish, markdown and HTML reports', async () => {
    for (const format of ['stylish', 'markdown', 'html']) {
      const r = await odcheck(['check', dir, '--format', format], {cwd: dir})
      expect(occurrences(r.stdout, '3 web links in the metadata were not checked'), format).toBe(1)
      expect(r.stdout, format).toMatch(/Add --online to check them\./)
    }
  })
})

describe('nothing to say', () => {
  it('when the metadata has no web links', async () => {
    const dir = join(fixtures, 'no-web-links')
    const {report} = await json(dir)
    expect(report.metadata).toBeTruthy()
    expect(report.skipped).toBeUndefined()
    const stylish = await odcheck(['check', dir], {cwd: dir})
    expect(stylish.stdout).not.toMatch(/not checked|--online/)
  })

  it('when there is no metadata at all', async () => {
    const r = await odcheck(['check', 'clean.csv', '--format', 'json'], {cwd: join(fixturesDir, 'report')})
    const report = JSON.parse(r.stdout) as JsonReport
    expect(report.metadata).toBeNull()
    expect(report.skipped).toBeUndefined()
  })

  describe('online', () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startServer()
    })
    afterAll(async () => server?.close())

    it('when the links were checked', async () => {
      const dir = materialise(join(fixtures, 'web-links'), server.base)
      const {code, report} = await json(dir, ['--online', '--allow-private-network', '--no-cache', '--retries', '0', '--timeout', '2'])
      expect(report.skipped).toBeUndefined()
      expect(report.dataset!.results.filter((r) => LINK_RULES.includes(r.rule)).map((r) => [r.rule, r.status])).toEqual(LINK_RULES.map((id) => [id, 'pass']))
      expect(code).toBe(0)
    })
  })
})
