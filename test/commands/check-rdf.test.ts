/**
 * `odcheck check` on RDF, as a user runs it: Turtle beside a CSV is a resource of the dataset
 * with its triples counted and its findings listed like a table's; a Turtle file named alone is
 * data, not a catalogue record; a DCAT record named alone is still the metadata.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'
import {reportValidator} from '../report/report-schema.js'

const dir = join(fixturesDir, 'rdf-read')

function report(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport
}

describe('odcheck check on a folder holding a CSV, Turtle data and a DCAT record', () => {
  it('checks the Turtle as a resource, with its triples and its findings, in a report the schema accepts', async () => {
    const r = await odcheck(['check', 'folder', '--json'], {cwd: dir})
    expect(r.stderr).toBe('')
    // No metadata, so no licence: an error, as for a folder of CSVs.
    expect(r.code).toBe(1)
    const json = report(r.stdout)
    expect(reportValidator()(json)).toBe(true)
    expect(json.resources.map((x) => [x.path, x.format, x.rowCount, x.triples, x.dialect])).toEqual([
      ['folder/car-parks.csv', 'csv', 2, undefined, expect.objectContaining({delimiter: ','})],
      // The DCAT record beside them describes data: it is no resource.
      ['folder/car-parks.ttl', 'turtle', 7, 7, null],
    ])
    expect(json.summary).toMatchObject({files: 2, rows: 2, triples: 7})
    const turtle = json.findings.filter((f) => f.resource === 'folder/car-parks.ttl')
    expect(turtle.map((f) => [f.rule, f.details?.statements, f.details?.example])).toEqual([['rdf-local-uri', 1, 'file:///C:/Users/gis/Documents/car-parks.csv#row=2']])
    const ttl = json.resources.find((x) => x.path === 'folder/car-parks.ttl')!
    expect(ttl.results.map((x) => x.rule).sort()).toEqual(['rdf-empty-graph', 'rdf-local-uri', 'rdf-remote-context', 'rdf-syntax-error', 'source-error'])
    // The dataset-level rules behave as for a folder of CSVs.
    // The DCAT record beside the data is its metadata, not RDF data.
    expect(json.metadata?.sources.map((x) => [x.path, x.format])).toEqual([['folder/catalogue.ttl', 'dcat-turtle']])
    expect(json.findings.map((f) => f.rule)).not.toContain('metadata-not-found')
    // It names no licence: licence-missing says so of that record.
    expect(json.findings.find((f) => f.rule === 'licence-missing')?.message).toContain('folder/catalogue.ttl')
  })

  it('shows the Turtle file with a one-line summary and its finding, like a table', async () => {
    const r = await odcheck(['check', 'folder'], {cwd: dir})
    expect(r.stdout).toContain('folder/car-parks.ttl (Turtle, 7 triples)\n    warning  1 of the 7 triples uses file:///C:/Users/gis/Documents/car-parks.csv#row=2 (in a statement using csvw:url)')
    expect(r.stdout).toMatch(/not fit to publish: 2 files, 2 rows, 7 triples, \d+ errors?, /)
  })
})

describe('the other views of the same folder', () => {
  it('stars names each Turtle data file once, with its triples, and not the catalogue record beside it', async () => {
    const r = await odcheck(['stars', 'folder', '--json'], {cwd: dir})
    const star2 = report(r.stdout).stars!.levels.find((l) => l.star === 2)!
    expect(star2.evidence).toEqual(['folder/car-parks.csv (CSV, read by odcheck)', 'folder/car-parks.ttl (Turtle, 7 triples)'])
  })

  it('markdown counts the Turtle in triples, apart from the rows', async () => {
    const r = await odcheck(['check', 'folder', '--format', 'markdown'], {cwd: dir})
    expect(r.stdout).toContain('checked 2 files (2 rows, 7 triples)')
    expect(r.stdout).toContain('| folder/car-parks.ttl | 7 triples | 0 | 1 | 0 | ✅ |')
    // The total counts the triples too, not only the table's 2 rows.
    expect(r.stdout).toMatch(/\| \*\*Total\*\* \| 2 rows, 7 triples \| \d+ \| \d+ \| \d+ \| ❌ \|/)
  })
})

describe('an RDF file named alone', () => {
  it('is data when it types nothing as a dataset, not a catalogue record that cannot be read', async () => {
    const r = await odcheck(['check', 'catalogue/spaces.ttl', '--json'], {cwd: dir})
    expect(r.code).toBe(1)
    const json = report(r.stdout)
    expect(json.resources.map((x) => [x.path, x.format, x.triples])).toEqual([['catalogue/spaces.ttl', 'turtle', 2]])
    // Described by the one catalogue record beside it.
    expect(json.metadata?.sources.map((x) => [x.path, x.format])).toEqual([['catalogue/car-parks.rdf', 'dcat-rdfxml']])
    expect(json.findings.map((f) => f.rule)).not.toContain('metadata-not-found')
  })

  it('is the metadata when it is a DCAT record, as before', async () => {
    const r = await odcheck(['check', 'catalogue/car-parks.rdf', '--json'], {cwd: dir})
    const json = report(r.stdout)
    expect(json.resources).toEqual([])
    expect(json.metadata?.sources.map((s) => [s.path, s.format])).toEqual([['catalogue/car-parks.rdf', 'dcat-rdfxml']])
    expect(json.findings.map((f) => f.rule)).not.toContain('metadata-unreadable')
    expect(json.findings.map((f) => f.rule)).not.toContain('licence-missing')
  })

  it('with its JSON-LD context on the web is not read offline, and says so as an info that does not fail the run', async () => {
    const r = await odcheck(['check', join(fixturesDir, 'rdf-remote-context', 'parks.jsonld'), '--json', '--only', '#structure'], {cwd: dir})
    expect(r.code).toBe(0)
    const json = report(r.stdout)
    expect(json.findings.map((f) => [f.rule, f.severity, f.details?.url])).toEqual([['rdf-remote-context', 'info', 'https://schema.org']])
  })

  it('that does not parse exits 1 with the line, and no stack trace', async () => {
    const r = await odcheck(['check', join(fixturesDir, 'rdf-syntax-error', 'undeclared-prefix.ttl'), '--json'], {cwd: dir})
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    const json = report(r.stdout)
    expect(json.resources[0]).toMatchObject({format: 'unknown', valid: false})
    expect(json.findings.filter((f) => f.rule === 'rdf-syntax-error').map((f) => [f.line, f.details?.syntax])).toEqual([[4, 'turtle']])
  })
})
