/** Broken or unusable metadata gives a problem naming the file, the line and column, and what to do: never a crash. */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadMetadata} from '../../src/metadata/load.js'
import {metadataFixtures, readFixture} from './helpers.js'

async function problemOf(file: string) {
  const load = await readFixture(file)
  expect(load.documents).toEqual([])
  expect(load.problems).toHaveLength(1)
  expect(load.problems[0].path).toBe(join(metadataFixtures, file))
  return load.problems[0]
}

describe('broken metadata', () => {
  it('points at a trailing comma in JSON (the line and column of the comma) and says to delete it', async () => {
    const p = await problemOf('broken/trailing-comma/csv-metadata.json')
    expect(p).toMatchObject({format: 'csvw', reason: 'syntax', line: 5, column: 40})
    expect(p.message).toContain('trailing comma')
  })

  it('points at an unescaped quote inside a JSON string', async () => {
    const p = await problemOf('broken/unescaped-quote/bins.csv-metadata.json')
    expect(p).toMatchObject({format: 'csvw', reason: 'syntax', line: 7})
    expect(p.column).toBe(47)
    expect(p.hint).toContain('\\"')
  })

  it('names the line of a Turtle syntax error', async () => {
    expect(await problemOf('broken/bad.ttl')).toMatchObject({format: 'dcat-turtle', reason: 'syntax', line: 6})
  })

  it('names the line and column of an RDF/XML syntax error', async () => {
    expect(await problemOf('broken/bad.rdf')).toMatchObject({format: 'dcat-rdfxml', reason: 'syntax', line: 4, column: 41})
  })

  it('names the line and column of a YAML syntax error', async () => {
    expect(await problemOf('broken/bad-yaml/odcheck.yaml')).toMatchObject({format: 'odcheck', reason: 'syntax', line: 3, column: 9})
  })

  it('names unknown odcheck.yaml keys and suggests the right ones', async () => {
    const p = await problemOf('broken/wrong-keys/odcheck.yaml')
    expect(p).toMatchObject({format: 'odcheck', reason: 'shape'})
    expect(p.message).toContain('unknown key "license" (did you mean "licence"?)')
    expect(p.message).toContain('unknown key "contact" (did you mean "contactPoint"?)')
  })

  it('says a data package without resources is not the shape of one', async () => {
    expect(await problemOf('broken/no-resources/datapackage.json')).toMatchObject({format: 'datapackage', reason: 'shape'})
  })

  it('refuses JSON-LD whose context would have to be fetched, since odcheck works offline', async () => {
    const p = await problemOf('broken/remote-context.jsonld')
    expect(p).toMatchObject({format: 'dcat-jsonld', reason: 'remote-context'})
    expect(p.message).toContain('https://example.org/contexts/dcat-ap.jsonld')
  })

  it('tells a CKAN organisation record from a dataset record', async () => {
    expect(await problemOf('broken/organization_show.json')).toMatchObject({format: 'ckan', reason: 'unrecognised'})
  })

  it('says a JSON file given with --metadata that is no metadata format is not recognised', async () => {
    // Given as a plain input, GeoJSON is data to check; given as metadata, it is no catalogue format.
    const file = join(metadataFixtures, 'broken/wards.geojson.json')
    const load = await loadMetadata({inputs: [], cwd: metadataFixtures, metadataFiles: [file]})
    expect(load.documents).toEqual([])
    expect(load.problems).toHaveLength(1)
    expect(load.problems[0]).toMatchObject({path: file, reason: 'unrecognised'})
    expect(load.problems[0].format).toBeUndefined()
  })
})
