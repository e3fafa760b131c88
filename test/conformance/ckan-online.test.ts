/**
 * The real data.gov.uk CKAN record in ../shared/corpus/real (the MoD disposals database,
 * recorded in 2015) read with --online from a local server that stands in for data.gov.uk,
 * GOV.UK and the National Archives: its gov.uk and nationalarchives.gov.uk addresses are
 * pointed at the server as it is served. Two of its "CSV" resources are GOV.UK publication
 * pages (mimetype text/html), which link-content-mismatch reports; the real CSVs are checked.
 */
import {existsSync, readFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {odcheck} from '../helpers/cli.js'
import {sharedDir} from './shared.js'

const record = join(sharedDir, 'corpus', 'real', 'metadata', 'ckan-datagovuk-mod-disposals', 'package_show.json')
const hasRecord = existsSync(record)
const skipReason = `the real CKAN record is absent at ${record}: CKAN online conformance skipped`
if (!hasRecord) console.warn(skipReason)

const NAME = 'defence-infrastructure-organisation-disposals-database-house-of-commons-report'
let server: Server
let base = ''

beforeAll(async () => {
  if (!hasRecord) return
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', base).pathname
    if (path === '/api/3/action/package_show') {
      const body = readFileSync(record, 'utf8').replace(/https?:\/\/www\.(gov\.uk|nationalarchives\.gov\.uk)/g, base)
      res.writeHead(200, {'content-type': 'application/json;charset=utf-8'})
      return res.end(body)
    }
    if (path.endsWith('.csv')) {
      res.writeHead(200, {'content-type': 'text/csv'})
      return res.end(req.method === 'HEAD' ? undefined : 'Site,Status\r\nBordon Garrison,Planned\r\n')
    }
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8'})
    res.end(req.method === 'HEAD' ? undefined : '<!doctype html><title>Disposal database: House of Commons report - GOV.UK</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
})

describe.skipIf(!hasRecord)(hasRecord ? 'a real data.gov.uk CKAN record, online' : skipReason, () => {
  it('maps the record, checks its two real CSVs and reports the two publication pages declared as CSV', async () => {
    const r = await odcheck(['check', `${base}/dataset/${NAME}`, '--online', '--allow-private-network', '--no-cache', '--retries', '0', '--timeout', '5', '--format', 'json'])
    expect(r.code, r.stderr).toBe(1)
    const report = JSON.parse(r.stdout) as JsonReport
    expect(report.metadata?.title).toBe('Defence Infrastructure Organisation Disposals Database House of Commons Report')
    expect(report.metadata?.licence?.raw).toBe('uk-ogl')
    expect(report.resources.map((t) => t.path.replace(base, ''))).toEqual([
      '/government/uploads/system/uploads/attachment_data/file/253423/20131025_HoC_report_Oct_2013.csv',
      '/government/uploads/system/uploads/attachment_data/file/310001/20140508_Interim_Disposals_Database_HouseofCommons_Report.csv',
    ])
    const mismatches = report.findings.filter((f) => f.rule === 'link-content-mismatch')
    expect(mismatches.map((f) => [String(f.details?.url).replace(base, ''), f.details?.reason, f.details?.contentType])).toEqual([
      ['/government/publications/disposal-database-house-of-commons-report', 'content-type', 'text/html'],
      ['/government/publications/disposal-database-house-of-commons-report-', 'content-type', 'text/html'],
    ])
    expect(report.findings.filter((f) => f.rule === 'link-broken')).toEqual([])
  })
})
