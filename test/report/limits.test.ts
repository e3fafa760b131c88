/**
 * A limit odcheck keeps to bound its memory makes some counts approximate: the report says so
 * (`partial`, and `limits` naming the file and the counts), and every human format shows it.
 * The limit met here: an RDF graph with more distinct statements than odcheck remembers.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {buildReport} from '../../src/report/build.js'
import type {JsonReport} from '../../src/report/types.js'
import {htmlFormatter} from '../../src/report/formatters/html/index.js'
import {markdown} from '../../src/report/formatters/markdown.js'
import {sarif} from '../../src/report/formatters/sarif.js'
import {stylish} from '../../src/report/formatters/stylish.js'
import {TEST_VERSION} from './fixture-report.js'
import {reportValidator} from './report-schema.js'

const triple = (i: number) => `<http://data.example.gov.uk/id/car-park/${i}> <http://schema.org/name> "Car park ${i}" .`
// Five distinct statements; the first written again early, the fifth written again last.
const ntriples = [1, 2, 1, 3, 4, 5, 5].map(triple).join('\n') + '\n'

let cwd: string
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'odcheck-limits-'))
  await writeFile(join(cwd, 'car-parks.nt'), ntriples)
})
afterAll(() => rm(cwd, {recursive: true, force: true}))

async function reportOf(maxDistinctStatements?: number): Promise<JsonReport> {
  const config = await loadConfig({cwd, searchFrom: cwd, builtInChecks: builtInChecksUrl})
  const result = await run({inputs: [join(cwd, 'car-parks.nt')], cwd, config, maxDistinctStatements})
  return buildReport(result, {version: TEST_VERSION, failOn: 'error'})
}

describe('limits', () => {
  it('leave a report whole and exact when none is met', async () => {
    const report = await reportOf()
    expect(report.partial).toBe(false)
    expect(report.limits).toBeUndefined()
    expect(report.resources[0].triples).toBe(5)
  })

  it('mark the report partial, name the file and say which counts may be too high, when a graph outgrows the statements remembered', async () => {
    // Three remembered: the repeat of the first is still known; the fifth's repeat, after the set filled, counts again.
    const report = await reportOf(3)
    expect(report.partial).toBe(true)
    expect(report.resources[0].triples).toBe(6)
    expect(report.limits).toHaveLength(1)
    expect(report.limits![0]).toMatch(/^car-parks\.nt: past 3 distinct statements .* among the 3 after them .* triple count/)
    expect(reportValidator()(report)).toBe(true)
  })

  it('are shown by the terminal, markdown, HTML and SARIF reports', async () => {
    const report = await reportOf(3)
    const limit = report.limits![0]
    const ctx = {color: false, cwd}
    expect(stylish(report, ctx)).toContain(`note: ${limit}`)
    expect(markdown(report, ctx)).toContain(`> ${limit}`)
    expect(htmlFormatter(report, ctx)).toContain('car-parks.nt: past 3 distinct statements')
    expect(JSON.parse(sarif(report, ctx)).runs[0].properties.limits).toEqual([limit])
  })
})
