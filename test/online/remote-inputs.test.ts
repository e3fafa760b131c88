/**
 * Web addresses as inputs, through the built CLI: a CSV file downloaded and checked under its
 * URL, and a CKAN dataset read from its portal (package_show, then its resources) by its page,
 * its API call or --ckan. The local server serves a CKAN record written after data.gov.uk's
 * record for the MoD disposals database (test/fixtures/online/ckan/mod-disposals.json): one
 * CSV that works, one "CSV" that is a web page, one that is gone.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {oneLine} from '../config/helpers.js'
import {odcheck} from '../helpers/cli.js'
import {startServer, type TestServer} from './server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => server?.close())

const ONLINE = ['--online', '--allow-private-network', '--no-cache', '--retries', '0', '--timeout', '2', '--format', 'json']

async function check(args: string[]) {
  const r = await odcheck(['check', ...args])
  return {...r, report: r.code !== 2 && r.stdout ? (JSON.parse(r.stdout) as JsonReport) : undefined}
}

describe('a file on the web', () => {
  it('is downloaded and checked like a local one, under its URL', async () => {
    const url = `${server.base}/files/allotment-sites.csv`
    const {code, report} = await check([url, ...ONLINE, '--only', '#structure'])
    expect(code).toBe(0)
    expect(report!.resources.map((r) => [r.path, r.rowCount, r.fieldNames])).toEqual([[url, 3, ['Site', 'Ward', 'Plots', 'Vacant plots']]])
  })

  it('that is a zip has the tables inside it checked, named under its URL', async () => {
    const zip = `${server.base}/files/supplier-spend-2026-27.zip`
    const {report} = await check([zip, ...ONLINE, '--only', 'spreadsheet-error-value'])
    expect(report!.resources.map((r) => r.path)).toEqual([`${zip}/spend-2026-27.csv`, `${zip}/lookups/wards.csv`])
    expect(report!.findings.map((f) => [f.resource, f.rowNumber])).toEqual([[`${zip}/spend-2026-27.csv`, 4]])
  })

  it('is a usage error without --online, saying to add it', async () => {
    const {code, stderr} = await check([`${server.base}/files/allotment-sites.csv`])
    expect(code).toBe(2)
    expect(oneLine(stderr)).toMatch(/is a web address, and odcheck works offline.*Add --online/)
  })

  it('with --ckan or --allow-private-network but without --online is a usage error', async () => {
    const asked = server.requests.length
    const ckan = await check(['mod-disposals', '--ckan', server.base])
    expect(ckan.code).toBe(2)
    expect(oneLine(ckan.stderr)).toMatch(/--ckan reads datasets from .*odcheck works offline.*Add --online/)
    const allow = await check([`${server.base}/files/allotment-sites.csv`, '--allow-private-network'])
    expect(allow.code).toBe(2)
    expect(oneLine(allow.stderr)).toMatch(/--allow-private-network has an effect only with --online/)
    expect(server.requests.length).toBe(asked)
  })

  it('is refused on 127.0.0.1 without --allow-private-network', async () => {
    const {code, stderr} = await check([`${server.base}/files/allotment-sites.csv`, ...ONLINE.filter((a) => a !== '--allow-private-network')])
    expect(code).toBe(2)
    expect(oneLine(stderr)).toMatch(/127\.0\.0\.1 is on a private network/)
  })

  it('is not read past --max-download, as a usage error naming the limit', async () => {
    const {code, stderr} = await check([`${server.base}/huge.csv`, ...ONLINE, '--max-download', '1MB'])
    expect(code).toBe(2)
    expect(oneLine(stderr)).toMatch(/huge\.csv cannot be read: it is larger than the 1 MB odcheck downloads/)
  })

  it('keeps the password in the URL out of the report and sends it to that server only', async () => {
    const url = `${server.base.replace('http://', 'http://analyst:s3cret@')}/files/disposals-2014-05.csv`
    const r = await odcheck(['check', url, ...ONLINE, '--only', '#structure'])
    expect(r.code, r.stdout.slice(0, 2000) + r.stderr).toBe(0)
    expect(r.stdout + r.stderr).not.toMatch(/s3cret/)
    expect((JSON.parse(r.stdout) as JsonReport).resources[0].path).toBe(`${server.base}/files/disposals-2014-05.csv`)
    expect(server.hits('/files/disposals-2014-05.csv').at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('analyst:s3cret').toString('base64')}`)
  })
})

describe('a CKAN dataset', () => {
  function expectDisposals(report: JsonReport | undefined) {
    const csv = `${server.base}/files/disposals-2014-05.csv`
    expect(report!.resources.map((r) => [r.path, r.rowCount])).toEqual([[csv, 5]])
    expect(report!.metadata?.title).toBe('Defence Infrastructure Organisation Disposals Database House of Commons Report')
    const links = report!.findings.filter((f) => f.rule.startsWith('link-'))
    expect(links.map((f) => [f.rule, f.details?.url, f.details?.reason])).toEqual([
      ['link-broken', `${server.base}/files/missing-2013-10.csv`, 'http-status'],
      ['link-content-mismatch', `${server.base}/page/disposal-database-house-of-commons-report`, 'content-type'],
    ])
    // The record's licence is read like a local CKAN file's: OGL, nothing missing; findings name the record by its URL.
    expect(report!.findings.filter((f) => f.rule === 'licence-missing')).toEqual([])
    expect(report!.findings.filter((f) => f.rule === 'attribution-missing').map((f) => [f.details?.licence, f.details?.source])).toEqual([['OGL-UK-3.0', report!.dataset?.resource]])
    expect(report!.metadata?.sources.map((s) => [s.format, s.path])).toEqual([['ckan', report!.dataset?.resource]])
  }

  it('is read from its page address: record, links, and its CSV resources checked under their URLs', async () => {
    const page = `${server.base}/dataset/mod-disposals`
    const {code, report} = await check([page, ...ONLINE])
    expect(code).toBe(1)
    expectDisposals(report)
    expect(report!.dataset?.resource).toBe(page)
    expect(server.hits('/api/3/action/package_show?id=mod-disposals').length).toBeGreaterThan(0)
    // The web page is not checked as a table, and nothing is fetched from the dataset page itself.
    expect(server.hits('/dataset/')).toEqual([])
  })

  it('is read by name with --ckan, or from its package_show URL', async () => {
    expectDisposals((await check(['mod-disposals', '--ckan', server.base, ...ONLINE])).report)
    expectDisposals((await check([`${server.base}/api/3/action/package_show?id=mod-disposals`, ...ONLINE])).report)
  })

  it('reports a resource larger than --max-download as a source-error under its URL, and checks the rest', async () => {
    const {report} = await check([`${server.base}/dataset/trafford-spend`, ...ONLINE, '--max-download', '1MB'])
    expect(report!.resources.map((r) => r.path)).toEqual([`${server.base}/files/allotment-sites.csv`, `${server.base}/huge.csv`])
    const errors = report!.findings.filter((f) => f.rule === 'source-error')
    expect(errors.map((f) => [f.resource, f.details?.reason])).toEqual([[`${server.base}/huge.csv`, 'unreadable']])
    expect(errors[0].message).toMatch(/larger than the 1 MB odcheck downloads/)
  })

  it('has the tables inside its zip resources checked, named under the zip\'s URL', async () => {
    const {report} = await check([`${server.base}/dataset/trafford-supplier-spend`, ...ONLINE, '--only', 'spreadsheet-error-value'])
    const zip = `${server.base}/files/supplier-spend-2026-27.zip`
    expect(report!.resources.map((r) => [r.path, r.compression, r.rowCount])).toEqual([
      [`${zip}/spend-2026-27.csv`, 'zip', 4],
      [`${zip}/lookups/wards.csv`, 'zip', 3],
    ])
    expect(report!.findings.map((f) => [f.rule, f.resource, f.rowNumber, f.fieldNumber])).toEqual([['spreadsheet-error-value', `${zip}/spend-2026-27.csv`, 4, 3]])
  })

  it('has the tables inside its tar resources checked, whatever the name the download is saved under', async () => {
    const {report} = await check([`${server.base}/dataset/trafford-supplier-spend-tar`, ...ONLINE, '--only', 'spreadsheet-error-value'])
    const tar = `${server.base}/files/supplier-spend-2026-27.tar.gz`
    expect(report!.resources.map((r) => [r.path, r.compression, r.rowCount])).toEqual([
      [`${tar}/spend-2026-27.csv`, 'tar', 4],
      [`${tar}/lookups/wards.csv`, 'tar', 3],
    ])
  })

  it('that the portal does not have is a usage error naming the API call', async () => {
    const {code, stderr} = await check([`${server.base}/dataset/no-such-dataset`, ...ONLINE])
    expect(code).toBe(2)
    expect(oneLine(stderr)).toMatch(/package_show\?id=no-such-dataset: the server answered 404/)
  })
})
