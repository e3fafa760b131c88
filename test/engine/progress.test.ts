/**
 * A run says how far it is: each resource as it starts, with its place among them, and the
 * bytes of a delimited table (in-process or on worker threads) or an RDF file as they are
 * checked, up to its size.
 */
import {mkdtemp, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run, type RunProgress} from '../../src/engine/run.js'

let cwd: string
const spend = 'Body,Date,Supplier,Amount\n' + Array.from({length: 400}, (_, i) => `Trafford Council,0${(i % 9) + 1}/04/2025,"Supplier ${i % 17}, Ltd",${(i * 37.5).toFixed(2)}\n`).join('')
const wards = 'ward_code,ward\nE05000819,Altrincham\nE05000820,Ashton upon Mersey\n'

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'odcheck-progress-'))
  await writeFile(join(cwd, 'spend.csv'), spend)
  await writeFile(join(cwd, 'wards.csv'), wards)
})
afterAll(() => rm(cwd, {recursive: true, force: true}))

async function progressOf(options: {jobs?: number; parallel?: {chunkBytes: number; minBytes: number}} = {}): Promise<RunProgress[]> {
  const config = await loadConfig({cwd, searchFrom: cwd, builtInChecks: builtInChecksUrl})
  const events: RunProgress[] = []
  await run({inputs: ['spend.csv', 'wards.csv'], cwd, config, ...options, onProgress: (p) => events.push({...p})})
  return events
}

async function expectWholeFiles(events: RunProgress[]) {
  expect(events[0]).toEqual({resource: 'spend.csv', index: 1, count: 2, bytes: 0, size: 0})
  for (const [index, resource] of [[1, 'spend.csv'], [2, 'wards.csv']] as const) {
    const size = (await stat(join(cwd, resource))).size
    const own = events.filter((e) => e.resource === resource)
    expect(own.every((e) => e.index === index && e.count === 2)).toBe(true)
    const bytes = own.filter((e) => e.size > 0).map((e) => e.bytes)
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b))
    expect(bytes.at(-1)).toBe(size)
    expect(own.filter((e) => e.size > 0).every((e) => e.size === size)).toBe(true)
  }
}

describe('run progress', () => {
  it('names each file as it starts and counts its bytes up to its size, in-process', async () => {
    await expectWholeFiles(await progressOf())
  })

  it('counts the bytes of the chunks back from worker threads the same way', async () => {
    const events = await progressOf({jobs: 2, parallel: {chunkBytes: 4096, minBytes: 0}})
    await expectWholeFiles(events)
    // The spend file came back in several chunks, each a step.
    expect(new Set(events.filter((e) => e.resource === 'spend.csv' && e.size > 0).map((e) => e.bytes)).size).toBeGreaterThan(3)
  })

  it('counts the bytes of an RDF file as they are parsed, up to its size', async () => {
    const triples = Array.from({length: 300}, (_, i) => `<http://data.example.gov.uk/id/car-park/${i}> <http://schema.org/name> "Car park ${i}" .\n`).join('')
    await writeFile(join(cwd, 'car-parks.nt'), triples)
    const config = await loadConfig({cwd, searchFrom: cwd, builtInChecks: builtInChecksUrl})
    const events: RunProgress[] = []
    await run({inputs: ['car-parks.nt'], cwd, config, onProgress: (p) => events.push({...p})})
    const size = Buffer.byteLength(triples)
    expect(events[0]).toEqual({resource: 'car-parks.nt', index: 1, count: 1, bytes: 0, size: 0})
    expect(events.at(-1)).toEqual({resource: 'car-parks.nt', index: 1, count: 1, bytes: size, size})
  })
})
