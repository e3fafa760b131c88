/** Finding metadata beside the data, from metadata named as input, and telling formats from content. */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {discover} from '../../src/load/discover.js'
import {sniffMetadataFormat} from '../../src/load/metadata.js'
import {loadMetadata} from '../../src/metadata/load.js'
import {metadataFixtures} from './helpers.js'

const dir = join(metadataFixtures, 'discovery')
const load = (inputs: string[], metadataFiles?: string[]) => loadMetadata({inputs, cwd: dir, metadataFiles})

describe('metadata discovery', () => {
  it('finds odcheck.yaml, datapackage.json and <file>-metadata.json beside a table, in that order, ignoring a data.json that is not DCAT', async () => {
    const result = await load(['beside/allotments.csv'])
    expect(result.problems).toEqual([])
    expect(result.documents.map((d) => [d.source.format, d.source.path])).toEqual([
      ['odcheck', join(dir, 'beside', 'odcheck.yaml')],
      ['datapackage', join(dir, 'beside', 'datapackage.json')],
      ['csvw', join(dir, 'beside', 'allotments.csv-metadata.json')],
    ])
    expect(result.searched).toEqual([{folder: 'beside', names: ['odcheck.yaml', 'odcheck.yml', 'datapackage.json', 'datapackage.yaml', 'datapackage.yml', 'allotments.csv-metadata.json', 'csv-metadata.json', 'data.json']}])
    // Nothing extra to check: the table was named.
    expect(result.tables).toEqual([])
  })

  it('searches a folder given as input the same way, and does not pick up Turtle unless named', async () => {
    const result = await load(['beside'])
    expect(result.documents.map((d) => d.source.format)).toEqual(['odcheck', 'datapackage', 'csvw'])
  })

  it('uses a data package one folder up when it lists the table, and not when it does not', async () => {
    const listed = await load(['parent/data/trees.csv'])
    expect(listed.documents.map((d) => d.source.path)).toEqual([join(dir, 'parent', 'datapackage.json')])
    const unlisted = await load(['parent/data/unlisted.csv'])
    expect(unlisted.documents).toEqual([])
    expect(unlisted.searched.map((s) => s.folder)).toEqual(['parent/data'])
  })

  it('reads a metadata file given as input, and lists its local tables to check (never outside its folder)', async () => {
    const result = await load(['named/datapackage.json'])
    expect(result.metadataInputs).toEqual([join(dir, 'named', 'datapackage.json')])
    expect(result.searched).toEqual([])
    expect(result.tables).toEqual([join(dir, 'named', 'data', 'counts.csv')])
    expect(result.localFiles.map((f) => ({declared: f.declared, exists: f.exists, outside: f.outside}))).toEqual([
      {declared: 'data/counts.csv', exists: true, outside: false},
      {declared: '../outside-target/private.csv', exists: false, outside: true},
      {declared: '/etc/passwd', exists: false, outside: true},
      {declared: 'data/missing.csv', exists: false, outside: false},
    ])
    expect(result.localFiles.find((f) => f.outside)?.path).toBeUndefined()
  })

  it('uses only --metadata files when they are given', async () => {
    const result = await load(['beside/allotments.csv'], ['parent/datapackage.json'])
    expect(result.documents.map((d) => d.title)).toEqual(['Street trees'])
    expect(result.searched).toEqual([])
  })

  it('does not treat a metadata file given as input as a table', async () => {
    const {resources, problems} = await discover([join(dir, 'named', 'datapackage.json'), join(dir, 'beside', 'allotments.csv')], dir)
    expect(problems).toEqual([])
    expect(resources.map((r) => r.name)).toEqual(['beside/allotments.csv'])
  })
})

describe('format sniffing', () => {
  it('goes by content, not the file name', () => {
    expect(sniffMetadataFormat('/x/catalogue.json', '{"success": true, "result": {"name": "x", "resources": []}}')).toBe('ckan')
    expect(sniffMetadataFormat('/x/catalogue.json', '{"name": "x", "license_id": "uk-ogl", "resources": [{"url": "https://x/y.csv"}]}')).toBe('ckan')
    expect(sniffMetadataFormat('/x/package.json', '{"name": "x", "resources": [{"path": "a.csv"}]}')).toBe('datapackage')
    expect(sniffMetadataFormat('/x/meta.json', '{"@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}], "url": "a.csv"}')).toBe('csvw')
    expect(sniffMetadataFormat('/x/catalog.json', '{"@type": "dcat:Catalog", "dataset": []}')).toBe('dcat-us')
    expect(sniffMetadataFormat('/x/records.json', '[{"title": "A", "distribution": []}]')).toBe('dcat-us')
    expect(sniffMetadataFormat('/x/dcat.json', '{"@context": {"dcat": "http://www.w3.org/ns/dcat#"}, "@graph": []}')).toBe('dcat-jsonld')
    expect(sniffMetadataFormat('/x/record.xml', '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')).toBe('dcat-rdfxml')
    expect(sniffMetadataFormat('/x/record.txt', '@prefix dcat: <http://www.w3.org/ns/dcat#> .')).toBe('dcat-turtle')
    expect(sniffMetadataFormat('/x/meta.yaml', 'title: Trees\nlicence: OGL-UK-3.0\n')).toBe('odcheck')
    expect(sniffMetadataFormat('/x/meta.yaml', 'name: trees\nresources:\n  - path: trees.csv\n')).toBe('datapackage')
  })

  it('tells odcheck config and plain data apart from metadata', () => {
    expect(sniffMetadataFormat('/x/settings.yaml', 'extends: [recommended]\nrules:\n  blank-row: off\n')).toBeUndefined()
    expect(sniffMetadataFormat('/x/points.json', '{"type": "FeatureCollection", "features": []}')).toBeUndefined()
    expect(sniffMetadataFormat('/x/page.xml', '<html><body/></html>')).toBeUndefined()
  })

  it('still picks a format for broken JSON, so the syntax error can be reported against it', () => {
    expect(sniffMetadataFormat('/x/csv-metadata.json', '{"@context": "http://www.w3.org/ns/csvw", "tables": [{"url": "a.csv",}]}')).toBe('csvw')
    expect(sniffMetadataFormat('/x/datapackage.json', '{"name": "x",, }')).toBe('datapackage')
  })
})

describe('glob inputs', () => {
  it('reads metadata a glob matches, and checks no metadata file as a table', async () => {
    const result = await load(['named/*'])
    expect(result.documents.map((d) => d.title)).toEqual(['Ward counts'])
    const {resources} = await discover(['named/*'], dir)
    expect(resources).toEqual([])
  })

  it('looks beside the tables a glob matches', async () => {
    const result = await load(['beside/*.csv'])
    expect(result.documents.map((d) => d.source.format)).toEqual(['odcheck', 'datapackage', 'csvw'])
  })
})

describe("odcheck's own files", () => {
  it('are neither metadata nor tables when a glob or folder listing passes them in', async () => {
    const inputs = ['.odcheck.yaml', 'odcheck.config.yaml', 'odcheck-suppressions.json', 'certificate.yaml'].map((f) => join(dir, 'tool-files', f))
    const result = await load(inputs)
    expect(result.documents).toEqual([])
    expect(result.problems).toEqual([])
    const {resources} = await discover(inputs, dir)
    expect(resources).toEqual([])
  })
})
