/**
 * Credentials and HTTPS, through the built CLI: a password given for an https:// address is
 * not sent on when the site redirects to plain http:// on the same host and port (got keeps
 * credentials within an origin's host and port, so odcheck drops them on the downgrade
 * itself), and a certificate odcheck cannot trust is a clear error. The server's certificate
 * (test/fixtures/online/tls) is trusted through NODE_EXTRA_CA_CERTS.
 */
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {oneLine} from '../config/helpers.js'
import {odcheck} from '../helpers/cli.js'
import {onlineFixtures, startServer, type TestServer} from './server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer({tls: true})
})
afterAll(async () => server?.close())

const ARGS = ['--online', '--allow-private-network', '--no-cache', '--retries', '0', '--timeout', '2', '--only', '#structure', '--format', 'json']
const trusted = {env: {NODE_EXTRA_CA_CERTS: join(onlineFixtures, 'tls', 'cert.pem')}}

describe('HTTPS', () => {
  it('sends the password over HTTPS, and not after a redirect to plain HTTP on the same host and port', async () => {
    const plain = `${server.base.replace('https:', 'http:')}/files/allotment-sites.csv`
    const url = `${server.base.replace('https://', 'https://analyst:s3cret@')}/redirect?to=${encodeURIComponent(plain)}`
    const r = await odcheck(['check', url, ...ARGS], trusted)
    expect(r.code, r.stderr).toBe(0)
    expect((JSON.parse(r.stdout) as JsonReport).resources.map((res) => res.rowCount)).toEqual([3])
    expect(server.hits('/redirect').at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('analyst:s3cret').toString('base64')}`)
    const followed = server.hits('/files/allotment-sites.csv')
    expect(followed.length).toBeGreaterThan(0)
    expect(followed.map((h) => h.headers.authorization)).toEqual(followed.map(() => undefined))
  })

  it('does not read from a server whose certificate it cannot trust, and says so', async () => {
    const r = await odcheck(['check', `${server.base}/files/allotment-sites.csv`, ...ARGS])
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toMatch(/cannot be read: it cannot be fetched \(its HTTPS certificate is not valid/)
  })
})
