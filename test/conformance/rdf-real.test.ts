/**
 * The linked data in ../shared/corpus/real/rdf (GMDSP and Trafford Data Lab Turtle beside the
 * CSVs it was made from) is checked as data: each .ttl a resource with the triple count rdflib
 * gives, table2qb's leaked file: provenance found, and a Turtle file named alone read as data
 * rather than misread as a DCAT record. The DCAT records in metadata/ stay metadata.
 */
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {isRdfData} from '../../src/load/metadata.js'
import type {JsonReport} from '../../src/report/types.js'
import {odcheck} from '../helpers/cli.js'
import {hasShared, sharedDir, skipReason} from './shared.js'

const realDir = join(sharedDir, 'corpus', 'real')

async function check(args: string[]): Promise<{code: number; report: JsonReport}> {
  const r = await odcheck(['check', ...args, '--json'], {cwd: realDir})
  expect(r.stderr).toBe('')
  return {code: r.code, report: JSON.parse(r.stdout) as JsonReport}
}

describe.skipIf(!hasShared)(hasShared ? 'real RDF data' : skipReason, () => {
  it('checks the Trafford cube’s Turtle with the CSVs, and finds the 474 file: IRIs table2qb leaked into cube.ttl', async () => {
    const {code, report} = await check(['rdf/trafford-working-age-population-cube'])
    expect(code).toBe(1)
    const triples = Object.fromEntries(report.resources.filter((r) => r.format === 'turtle').map((r) => [r.path, r.triples]))
    // rdflib's counts (MANIFEST.yaml): a triple written twice counts once.
    expect(triples).toEqual({
      'rdf/trafford-working-age-population-cube/components.ttl': 20,
      'rdf/trafford-working-age-population-cube/cube.ttl': 4428,
      'rdf/trafford-working-age-population-cube/measurement-units.ttl': 31,
    })
    const leak = report.findings.find((f) => f.rule === 'rdf-local-uri' && f.resource === 'rdf/trafford-working-age-population-cube/cube.ttl')
    expect(leak?.details).toMatchObject({statements: 474, triples: 4428, kinds: {file: 232}, predicates: ['csvw:url']})
    // No dct:license in the RDF and no metadata beside it: the same two dataset findings as for a folder of CSVs.
    expect(report.findings.filter((f) => f.resource === 'rdf/trafford-working-age-population-cube').map((f) => f.rule).sort()).toEqual(['licence-missing', 'metadata-not-found'])
  })

  it('reads parking.ttl named alone as linked data about car parks, not as a DCAT record', async () => {
    const {report} = await check(['rdf/gmdsp-manchester-parking/parking.ttl'])
    expect(report.resources.map((r) => [r.path, r.format, r.triples])).toEqual([['rdf/gmdsp-manchester-parking/parking.ttl', 'turtle', 718]])
    expect(report.findings.map((f) => f.rule)).not.toContain('metadata-unreadable')
    expect(report.metadata).toBeNull()
  })

  it('reads Fire2.ttl beside its CSV', async () => {
    const {report} = await check(['rdf/gmdsp-fire-home-safety-checks'])
    expect(report.resources.map((r) => [r.path, r.format, r.triples])).toContainEqual(['rdf/gmdsp-fire-home-safety-checks/Fire2.ttl', 'turtle', 5150])
    expect(report.findings.filter((f) => f.resource.endsWith('.ttl'))).toEqual([])
  })

  it('keeps every DCAT record in metadata/ as metadata', () => {
    const records = readdirSync(join(realDir, 'metadata'), {recursive: true, encoding: 'utf8'}).filter((f) => /\.(rdf|ttl)$/.test(f))
    expect(records.length).toBe(5)
    expect(records.filter((f) => isRdfData(join(realDir, 'metadata', f)))).toEqual([])
  })
})
