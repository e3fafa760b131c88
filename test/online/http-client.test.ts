/**
 * The HTTP layer every online feature goes through (src/load/http), against a local server
 * that misbehaves on purpose: timeouts, retries with backoff, redirect loops, the size
 * limit, private-network refusal, and credentials that never leave the origin they were
 * given for.
 */
import {mkdtempSync, existsSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {isPrivateAddress} from '../../src/load/http/addresses.js'
import {HttpClient} from '../../src/load/http/client.js'
import {downloadTo, fetchText} from '../../src/load/http/download.js'
import {LinkProber} from '../../src/load/http/probe.js'
import {parseByteSize} from '../../src/load/http/settings.js'
import {startServer, type TestServer} from './server.js'

let server: TestServer
let other: TestServer
beforeAll(async () => {
  ;[server, other] = await Promise.all([startServer(), startServer()])
})
afterAll(async () => Promise.all([server?.close(), other?.close()]))

const fast = {allowPrivateNetwork: true, timeoutMs: 300, retries: 0, retryDelayMs: 10}

describe('private-network refusal', () => {
  it('tells private, loopback, link-local and unique-local addresses from public ones, IPv4 and IPv6', () => {
    const refused = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', '2002:c0a8:101::1', 'ff02::1', '224.0.0.1']
    const allowed = ['8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '2a00:1450:4009:81f::200e', '::ffff:8.8.8.8', '2002:808:808::1']
    expect(refused.filter((a) => !isPrivateAddress(a))).toEqual([])
    expect(allowed.filter((a) => isPrivateAddress(a))).toEqual([])
  })

  it('refuses 127.0.0.1 and localhost, on the first request and after a redirect, unless allowed', async () => {
    const client = new HttpClient({timeoutMs: 1000, retries: 0})
    const direct = await client.request(`${server.base}/files/allotment-sites.csv`)
    expect(direct.error).toMatchObject({reason: 'private-network'})
    expect(direct.error?.message).toMatch(/127\.0\.0\.1 is on a private network/)
    const named = await client.request(server.base.replace('127.0.0.1', 'localhost'))
    expect(named.error?.reason).toBe('private-network')
    expect(server.requests).toEqual([])
  })
})

describe('retries, timeouts and redirects', () => {
  it('retries a 503 with backoff and then succeeds; without retries it reports the 503', async () => {
    const retrying = new HttpClient({...fast, retries: 2})
    const ok = await retrying.request(`${server.base}/flaky/a?fail=2`)
    expect(ok.status).toBe(200)
    expect(server.hits('/flaky/a')).toHaveLength(3)
    const once = await new HttpClient(fast).request(`${server.base}/flaky/b?fail=2`)
    expect(once).toMatchObject({status: 503, error: {reason: 'http-status'}})
    expect(server.hits('/flaky/b')).toHaveLength(1)
  })

  it('honours Retry-After', async () => {
    const started = Date.now()
    const ok = await new HttpClient({...fast, retries: 1, retryDelayMs: 5000}).request(`${server.base}/flaky/c?fail=1&retry-after=0`)
    expect(ok.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('gives up on a server that does not answer within the timeout', async () => {
    const started = Date.now()
    const result = await new HttpClient(fast).request(`${server.base}/slow`)
    expect(result.error).toEqual({reason: 'timeout', message: 'no answer within 0.3 s'})
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('stops a redirect loop and records the chain; follows a chain of up to 10 redirects', async () => {
    const loop = await new HttpClient(fast).request(`${server.base}/loop/a`)
    expect(loop.error?.reason).toBe('redirect-loop')
    expect(loop.redirects).toEqual([`${server.base}/loop/b`, `${server.base}/loop/a`])
    const ten = await new HttpClient(fast).request(`${server.base}/chain/10`)
    expect(ten).toMatchObject({status: 200, finalUrl: `${server.base}/chain/0`})
    expect(ten.redirects).toHaveLength(10)
    const eleven = await new HttpClient(fast).request(`${server.base}/chain/11`)
    expect(eleven.error?.reason).toBe('too-many-redirects')
  })

  it('asks with GET when a server refuses HEAD, and asks each URL once per run', async () => {
    const prober = new LinkProber(new HttpClient(fast))
    const [first, second] = await Promise.all([prober.probe(`${server.base}/no-head.csv`), prober.probe(`${server.base}/no-head.csv`)])
    expect(first).toMatchObject({status: 200, headers: {'content-type': 'text/csv'}})
    expect(second).toBe(first)
    expect(server.hits('/no-head.csv').map((r) => r.method)).toEqual(['HEAD', 'GET'])
  })
})

describe('downloads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'odcheck-http-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('streams a file to disk and counts its bytes', async () => {
    const path = join(dir, 'sites.csv')
    const result = await downloadTo(new HttpClient(fast), `${server.base}/files/allotment-sites.csv`, path)
    expect(result).toMatchObject({status: 200, bytes: 132})
    expect(existsSync(path)).toBe(true)
  })

  it('refuses a body larger than the limit, whether or not it declares its length, and leaves no file', async () => {
    const client = new HttpClient({...fast, timeoutMs: 5000, maxBytes: 1024 * 1024})
    for (const name of ['huge-declared.csv', 'huge.csv']) {
      const path = join(dir, name)
      const result = await downloadTo(client, `${server.base}/${name}`, path)
      expect(result.error?.reason).toBe('too-large')
      expect(result.error?.message).toMatch(/1 MB odcheck downloads \(--max-download\)/)
      expect(existsSync(path)).toBe(false)
    }
    expect(parseByteSize('500MB')).toBe(500 * 1024 * 1024)
    expect(parseByteSize('1.5 kb')).toBe(1536)
    expect(parseByteSize('lots')).toBeUndefined()
  })

  it('caps documents read as text too', async () => {
    const result = await fetchText(new HttpClient({...fast, timeoutMs: 5000}), `${server.base}/huge.csv`, undefined, 64 * 1024)
    expect(result.error?.reason).toBe('too-large')
    expect(result.text).toBeUndefined()
  })
})

describe('credentials', () => {
  it('sends user:password given in a URL to its origin, never to another host a redirect leads to', async () => {
    const client = new HttpClient(fast)
    const given = client.withoutCredentials(`${server.base.replace('http://', 'http://analyst:s3cret@')}/redirect?to=${encodeURIComponent(`${other.base}/files/allotment-sites.csv`)}`)
    expect(given).not.toMatch(/s3cret/)
    const result = await client.request(given)
    expect(result.status).toBe(200)
    expect(result.url).not.toMatch(/s3cret/)
    expect(server.hits('/redirect').at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('analyst:s3cret').toString('base64')}`)
    expect(other.hits('/files/allotment-sites.csv').at(-1)?.headers.authorization).toBeUndefined()
    // Another path on the same origin gets them; a link to another origin never does.
    await client.request(`${server.base}/files/disposals-2014-05.csv`)
    expect(server.hits('/files/disposals-2014-05.csv').at(-1)?.headers.authorization).toBeDefined()
    await client.request(`${other.base}/files/disposals-2014-05.csv`)
    expect(other.hits('/files/disposals-2014-05.csv').at(-1)?.headers.authorization).toBeUndefined()
  })
})
