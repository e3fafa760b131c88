/**
 * The link rules through the built CLI, as a publisher runs them: `odcheck check FOLDER
 * --online` against metadata whose links point at a local server that misbehaves on
 * purpose. Offline the rules are not run and not reported; private addresses are refused
 * without --allow-private-network; the link cache spares repeat runs the requests.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, onTestFinished} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {oneLine} from '../config/helpers.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'
import {materialise, startServer, type TestServer} from './server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => server?.close())

const ONLINE = ['--online', '--allow-private-network', '--no-cache', '--retries', '0', '--timeout', '0.5', '--format', 'json']

/** Checks a copy of the fixture folder with the server's address written into its metadata. */
async function check(fixture: string, args: string[] = ONLINE) {
  const dir = materialise(fixture, server.base)
  const r = await odcheck(['check', dir, ...args], {cwd: dir})
  const report = r.stdout ? (JSON.parse(r.stdout) as JsonReport) : undefined
  return {...r, dir, report, links: report?.findings.filter((f) => report.rules.find((rule) => rule.id === f.rule)?.tags.includes('#online')) ?? []}
}

const pick = (details: Record<string, unknown> | undefined, keys: string[]) => Object.fromEntries(keys.map((k) => [k, details?.[k]]))

describe('link-broken', () => {
  it('reports a licence and a download that do not answer 2xx, naming the property and URL, and fails the run', async () => {
    const {code, links} = await check(join(fixturesDir, 'link-broken', 'invalid'))
    expect(code).toBe(1)
    expect(links.map((f) => [f.rule, f.severity, pick(f.details, ['property', 'url', 'status', 'reason', 'distribution'])])).toEqual([
      ['link-broken', 'error', {property: 'licence', url: `${server.base}/status/404`, status: 404, reason: 'http-status', distribution: undefined}],
      ['link-broken', 'error', {property: 'distribution', url: `${server.base}/status/500`, status: 500, reason: 'http-status', distribution: 1}],
    ])
    expect(links[1].resource).toBe('odcheck.yaml')
  })

  it('passes links that work: after redirects, from a server that refuses HEAD', async () => {
    const {code, report, links} = await check(join(fixturesDir, 'link-broken', 'valid'))
    expect(links).toEqual([])
    expect(code).toBe(0)
    expect(report!.dataset!.results.filter((r) => r.rule.includes('link')).map((r) => [r.rule, r.status])).toEqual([
      ['link-broken', 'pass'],
      ['documentation-link-broken', 'pass'],
      ['link-redirect-loop', 'pass'],
      ['link-content-mismatch', 'pass'],
    ])
  })

  it('refuses links to 127.0.0.1 without --allow-private-network, saying why, and never contacts it', async () => {
    const before = server.requests.length
    const {code, links} = await check(join(fixturesDir, 'link-broken', 'valid'), ONLINE.filter((a) => a !== '--allow-private-network'))
    expect(code).toBe(1)
    expect(server.requests.length).toBe(before)
    expect(links.map((f) => [f.rule, f.details?.property, f.details?.reason])).toEqual([
      ['link-broken', 'licence', 'private-network'],
      ['link-broken', 'distribution', 'private-network'],
      ['link-broken', 'distribution', 'private-network'],
      ['documentation-link-broken', 'documentation', 'private-network'],
      ['documentation-link-broken', 'landingPage', 'private-network'],
    ])
    expect(links[0].message).toMatch(/127\.0\.0\.1 is on a private network.*--allow-private-network/)
  })
})

describe('documentation-link-broken', () => {
  it('warns about documentation that is gone and a landing page that does not answer in time', async () => {
    const {code, links} = await check(join(fixturesDir, 'documentation-link-broken'))
    expect(code).toBe(0)
    expect(links.map((f) => [f.rule, f.severity, pick(f.details, ['property', 'status', 'reason'])])).toEqual([
      ['documentation-link-broken', 'warning', {property: 'documentation', status: 410, reason: 'http-status'}],
      ['documentation-link-broken', 'warning', {property: 'landingPage', status: undefined, reason: 'timeout'}],
    ])
  })
})

describe('link-redirect-loop', () => {
  it('reports a download that redirects in a loop and documentation that redirects more than 10 times, once each', async () => {
    const {code, links} = await check(join(fixturesDir, 'link-redirect-loop'))
    expect(code).toBe(1)
    expect(links.map((f) => [f.rule, f.details?.property, f.details?.reason, (f.details?.redirects as string[]).length])).toEqual([
      ['link-redirect-loop', 'documentation', 'too-many', 10],
      ['link-redirect-loop', 'distribution', 'loop', 2],
    ])
  })

  it('leaves loops to link-broken when link-redirect-loop is not running', async () => {
    const {links} = await check(join(fixturesDir, 'link-redirect-loop'), [...ONLINE, '--skip', 'link-redirect-loop'])
    expect(links.map((f) => [f.rule, f.details?.reason])).toEqual([
      ['link-broken', 'redirect-loop'],
      ['documentation-link-broken', 'too-many-redirects'],
    ])
  })
})

describe('link-content-mismatch', () => {
  it('reports a web page served for a CSV, a CSV for a spreadsheet and a size other than declared; text/plain and octet-stream are fine', async () => {
    const {code, links} = await check(join(fixturesDir, 'link-content-mismatch'))
    expect(code).toBe(0)
    expect(links.map((f) => [f.rule, f.details?.title, pick(f.details, ['reason', 'declared', 'contentType', 'declaredBytes', 'contentLength'])])).toEqual([
      ['link-content-mismatch', 'Sites (CSV)', {reason: 'content-type', declared: 'CSV', contentType: 'text/html', declaredBytes: undefined, contentLength: undefined}],
      ['link-content-mismatch', 'Disposals with size', {reason: 'size', declared: undefined, contentType: undefined, declaredBytes: 480, contentLength: 459}],
      ['link-content-mismatch', 'Disposals (Excel)', {reason: 'content-type', declared: 'XLSX', contentType: 'text/csv', declaredBytes: undefined, contentLength: undefined}],
    ])
  })
})

describe('offline, config and cache', () => {
  it('does not run or report the link rules without --online, and asks no server', async () => {
    const before = server.requests.length
    const {code, report} = await check(join(fixturesDir, 'link-broken', 'invalid'), ['--format', 'json'])
    expect(server.requests.length).toBe(before)
    expect(report!.rules.filter((r) => r.tags.includes('#online'))).toEqual([])
    expect(code).toBe(0)
    const only = await check(join(fixturesDir, 'link-broken', 'invalid'), ['--only', 'link-broken'])
    expect(only.code).toBe(2)
    expect(oneLine(only.stderr)).toMatch(/selects rules that ask the web, which run only with --online/)
  })

  it('goes online with online: true in the config, with its network settings; --no-online wins', async () => {
    const dir = materialise(join(fixturesDir, 'documentation-link-broken'), server.base)
    writeFileSync(join(dir, '.odcheck.yaml'), 'online: true\nnetwork:\n  timeout: 0.3\n  retries: 0\n  cache: false\n')
    const started = Date.now()
    const online = await odcheck(['check', dir, '--allow-private-network', '--format', 'json', '--only', '#online'], {cwd: dir})
    expect(Date.now() - started).toBeLessThan(10_000)
    const report = JSON.parse(online.stdout) as JsonReport
    expect(report.findings.map((f) => f.details?.reason)).toEqual(['http-status', 'timeout'])
    const offline = await odcheck(['check', dir, '--no-online', '--format', 'json'], {cwd: dir})
    expect((JSON.parse(offline.stdout) as JsonReport).rules.some((r) => r.tags.includes('#online'))).toBe(false)
  })

  it('names a misspelt network setting in the config, with its line, as a usage error', async () => {
    const dir = materialise(join(fixturesDir, 'documentation-link-broken'), server.base)
    writeFileSync(join(dir, '.odcheck.yaml'), 'online: true\nnetwork:\n  timeot: 5\n')
    const r = await odcheck(['check', dir], {cwd: dir})
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toMatch(/timeot: is not a known setting; did you mean "timeout"\? \(line 3\)/)
  })

  it('asks again on a second run only for the links that did not work, when the cache has the rest', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'odcheck-cache-'))
    onTestFinished(() => rmSync(cache, {recursive: true, force: true}))
    const args = ['--online', '--allow-private-network', '--retries', '0', '--timeout', '0.5', '--cache-dir', cache, '--format', 'json', '--only', '#online']
    const first = await check(join(fixturesDir, 'link-broken', 'invalid'), args)
    const asked = server.requests.length
    const second = await check(join(fixturesDir, 'link-broken', 'invalid'), args)
    expect(second.links).toEqual(first.links)
    expect(server.requests.slice(asked).map((r) => r.path).sort()).toEqual(['/status/404', '/status/500'])
    // What worked with --allow-private-network does not pass from the cache without it.
    const refused = await check(join(fixturesDir, 'link-broken', 'invalid'), args.filter((a) => a !== '--allow-private-network'))
    expect(refused.links.map((f) => f.details?.reason)).toEqual(['private-network', 'private-network', 'private-network', 'private-network', 'private-network'])
  })
})
