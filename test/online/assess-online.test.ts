/**
 * `odcheck certificate` and `odcheck stars` take the same network flags as `check` (one
 * definition, src/commands/_network.ts): with --online they ask for the metadata's links, from
 * the local test server, and a certificate answer that is a link counts only when the link
 * works. Offline they say the links were not checked.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, onTestFinished} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {oneLine} from '../config/helpers.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'
import {reportValidator} from '../report/report-schema.js'
import {materialise, startServer, type TestServer} from './server.js'

const fixtures = join(fixturesDir, 'assess-online')
const ONLINE = ['--online', '--allow-private-network', '--no-cache', '--retries', '0', '--timeout', '1']
const LINK_RULES = ['link-broken', 'documentation-link-broken', 'link-redirect-loop', 'link-content-mismatch']

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => server?.close())

async function assess(command: 'certificate' | 'stars', fixture: string, args: string[]) {
  const dir = materialise(join(fixtures, fixture), server.base)
  const r = await odcheck([command, dir, '--format', 'json', ...args], {cwd: dir})
  return {...r, dir, report: r.stdout ? (JSON.parse(r.stdout) as JsonReport) : undefined}
}

const linkResults = (report: JsonReport) => report.dataset!.results.filter((r) => LINK_RULES.includes(r.rule)).map((r) => [r.rule, r.count])

describe('certificate --online', () => {
  it('does not take a documentation page or landing page that is gone as where the data is described', async () => {
    const {code, report} = await assess('certificate', 'docs-gone', ONLINE)
    expect(code).toBe(0)
    expect(reportValidator()(report)).toBe(true)
    const c = report!.certificate!
    expect(c.answers.documentationUrl).toBeUndefined()
    expect(c.answers.technicalDocumentation).toBeUndefined()
    expect(c.unknown).toEqual(expect.arrayContaining(['documentationUrl']))
    expect(c.withheldLinks?.map((w) => [w.question, w.url.replace(server.base, ''), w.rule])).toEqual([
      ['documentationUrl', '/status/410', 'documentation-link-broken'],
      ['documentationUrl', '/status/404', 'documentation-link-broken'],
      ['technicalDocumentation', '/status/404', 'documentation-link-broken'],
    ])
    // The download works, and the answer says it was asked for.
    expect(c.answers.datasetUrl).toMatchObject({value: `${server.base}/download/allotment-sites`, evidence: expect.stringMatching(/worked when odcheck asked for it \(--online\)$/)})
    expect(report!.skipped).toBeUndefined()
  })

  it('falls back to the links that work: the documentation for a gone landing page, the second download for a failing first', async () => {
    const {report} = await assess('certificate', 'docs-fallback', ONLINE)
    const c = report!.certificate!
    expect(c.answers.documentationUrl).toMatchObject({value: `${server.base}/page/allotments-guide`, source: 'metadata:documentation'})
    expect(c.answers.datasetUrl?.value).toBe(`${server.base}/download/allotment-sites`)
    expect(c.withheldLinks).toBeUndefined()
    expect(linkResults(report!)).toEqual([['link-broken', 1], ['documentation-link-broken', 1], ['link-redirect-loop', 0], ['link-content-mismatch', 0]])
  })

  it('offline takes the metadata at its word, asks nothing, and says the links were not checked', async () => {
    const before = server.requests.length
    const json = await assess('certificate', 'docs-gone', [])
    expect(server.requests.length).toBe(before)
    const c = json.report!.certificate!
    expect(c.answers.documentationUrl).toMatchObject({value: `${server.base}/status/410`, source: 'metadata:landingPage'})
    expect(c.answers.documentationUrl.evidence).not.toMatch(/--online/)
    expect(c.withheldLinks).toBeUndefined()
    expect(json.report!.skipped?.[0]).toMatchObject({reason: 'offline', rules: LINK_RULES, links: 4})
    const text = await odcheck(['certificate', json.dir], {cwd: json.dir})
    expect(text.code).toBe(0)
    expect(oneLine(text.stdout)).toMatch(/note: 4 web links in the metadata were not checked: .* Add --online to check them\./)
  })

  it('prints the links that answer nothing in its text', async () => {
    const dir = materialise(join(fixtures, 'docs-gone'), server.base)
    const text = await odcheck(['certificate', dir, ...ONLINE], {cwd: dir})
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`! documentationUrl: ${server.base}/status/410 does not work`)
    expect(text.stdout).not.toMatch(/were not checked/)
  })
})

describe('stars --online', () => {
  it('asks for the metadata links as check does, and keeps the answers that worked in the link cache', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'odcheck-cache-'))
    onTestFinished(() => rmSync(cache, {recursive: true, force: true}))
    const args = ['--online', '--allow-private-network', '--retries', '0', '--timeout', '1', '--cache-dir', cache]
    const first = await assess('stars', 'docs-fallback', args)
    expect(first.code).toBe(0)
    expect(first.report!.stars!.level).toBe(3)
    expect(linkResults(first.report!)).toEqual([['link-broken', 1], ['documentation-link-broken', 1], ['link-redirect-loop', 0], ['link-content-mismatch', 0]])
    const asked = server.requests.length
    await assess('stars', 'docs-fallback', args)
    expect(server.requests.slice(asked).map((r) => r.path).sort()).toEqual(['/status/410', '/status/500'])
  })

  it('reads a CKAN dataset by its page, naming the record by its URL', async () => {
    const page = `${server.base}/dataset/mod-disposals`
    const r = await odcheck(['stars', page, ...ONLINE, '--format', 'json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as JsonReport
    expect(report.stars!.levels[0]).toMatchObject({met: true, evidence: [expect.stringMatching(new RegExp(`^open licence: Open Government Licence v3\\.0 .*, from ${page.replace(/[.]/g, '\\.')}$`)), expect.any(String)]})
    expect(report.stars!.level).toBe(3)
  })

  it('offline notes the unchecked links under the stars', async () => {
    const dir = materialise(join(fixtures, 'docs-fallback'), server.base)
    const r = await odcheck(['stars', dir], {cwd: dir})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^5-star open data: ★★★☆☆/)
    expect(r.stdout.match(/were not checked/g)).toHaveLength(1)
  })

  it('refuses bad network flags as usage errors, as check does', async () => {
    const dir = materialise(join(fixtures, 'docs-fallback'), server.base)
    for (const command of ['stars', 'certificate']) {
      const timeout = await odcheck([command, dir, '--online', '--timeout', 'soon'], {cwd: dir})
      expect(timeout.code, command).toBe(2)
      expect(oneLine(timeout.stderr)).toMatch(/--timeout soon is not a number of seconds/)
      const privateOnly = await odcheck([command, dir, '--allow-private-network'], {cwd: dir})
      expect(privateOnly.code, command).toBe(2)
      expect(oneLine(privateOnly.stderr)).toMatch(/--allow-private-network has an effect only with --online/)
    }
  })
})
