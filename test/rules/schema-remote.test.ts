/**
 * A data package resource whose schema is a web address: offline it is a schema-error saying it
 * was not fetched (and the table is checked without it); with --online it is fetched and used,
 * and one that cannot be fetched is a schema-error saying why. The web is a server on 127.0.0.1.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const schema = {fields: [{name: 'ward_code', constraints: {pattern: 'E05[0-9]{6}'}}, {name: 'councillors', type: 'integer'}]}
let server: Server
let base: string
let dir: string

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/schemas/wards.json') res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(schema))
    else res.writeHead(404).end('not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  dir = mkdtempSync(join(tmpdir(), 'odcheck-remote-schema-'))
  writeFileSync(join(dir, 'wards.csv'), 'ward_code,councillors\nE05000819,3\nE05000820,three\n')
})
afterAll(async () => {
  rmSync(dir, {recursive: true, force: true})
  await new Promise((resolve) => server.close(resolve))
})

async function check(folder: string, online: boolean) {
  const config = await loadConfig({cwd: folder, searchFrom: folder, builtInChecks: builtInChecksUrl})
  const result = await run({inputs: ['.'], cwd: folder, config, only: ['#schema'], online, allowPrivateNetwork: true, network: {retries: 0, timeoutMs: 2000}})
  const findings = [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])]
  return {findings: findings.map((f) => [f.rule, f.resource, f.rowNumber, f.fieldNumber, f.details?.reason]), schemaSource: result.tables[0].head?.schemaSource}
}

describe('a schema at a web address', {timeout: 60_000}, () => {
  it('offline: a schema-error saying it was not fetched, and the table checked without it', async () => {
    const {findings, schemaSource} = await check(join(fixturesDir, 'packages/remote-schema'), false)
    expect(findings).toEqual([['schema-error', 'datapackage.json', undefined, undefined, 'remote']])
    expect(schemaSource).toBeUndefined()
  })

  it('online: fetched and used, named by its address', async () => {
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify({name: 'wards', resources: [{name: 'wards', path: 'wards.csv', schema: `${base}/schemas/wards.json`}]}))
    const {findings, schemaSource} = await check(dir, true)
    expect(findings).toEqual([['type-error', 'wards.csv', 3, 2, undefined]])
    expect(schemaSource).toBe(`${base}/schemas/wards.json`)
  })

  it('online: one that cannot be fetched is a schema-error saying why', async () => {
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify({name: 'wards', resources: [{name: 'wards', path: 'wards.csv', schema: `${base}/schemas/gone.json`}]}))
    const {findings} = await check(dir, true)
    expect(findings).toEqual([['schema-error', 'datapackage.json', undefined, undefined, 'remote-unreadable']])
  })
})
