/**
 * Which RDF files are data and which describe data, told by content: a file that types something
 * as a dataset or catalogue (dcat:Dataset, dcat:Catalog, schema:Dataset, void:Dataset,
 * pmd:Dataset) is a catalogue record and read as metadata, as before; any other RDF is data,
 * found in folders and checked when named.
 */
import {copyFile, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {discover} from '../../src/load/discover.js'
import {isRdfCatalogueText, rdfContent} from '../../src/load/rdf-kind.js'
import {discoverMetadata} from '../../src/load/metadata.js'
import {loadMetadata} from '../../src/metadata/load.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const dir = join(fixturesDir, 'rdf-read')

describe('RDF files in a folder or named', () => {
  it('a folder scan picks up RDF data beside the tables, never a catalogue record', async () => {
    const {resources, problems} = await discover([join(dir, 'folder')], dir)
    expect(problems).toEqual([])
    expect(resources.map((r) => [r.name, r.format])).toEqual([
      ['folder/car-parks.csv', 'csv'],
      ['folder/car-parks.ttl', 'turtle'],
    ])
  })

  it('N-Triples that type a dcat:Dataset are data in a folder as when named, since no metadata reader takes N-Triples', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'odcheck-nt-'))
    try {
      const nt = join(folder, 'record.nt')
      await writeFile(nt, '<https://data.example.gov.uk/dataset/parks> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .\n<https://data.example.gov.uk/dataset/parks> <http://www.w3.org/ns/csvw#url> <file:///C:/Users/gis/parks.csv> .\n')
      for (const input of [folder, nt]) expect((await discover([input], folder)).resources.map((r) => [r.name, r.format])).toEqual([['record.nt', 'ntriples']])
    } finally {
      await rm(folder, {recursive: true, force: true})
    }
  })

  it('a named RDF file that types nothing as a dataset is data, even when it names dcat:Dataset as a range', async () => {
    const file = join(dir, 'catalogue', 'spaces.ttl')
    const {resources} = await discover([file], dir)
    expect(resources.map((r) => [r.name, r.format])).toEqual([['catalogue/spaces.ttl', 'turtle']])
    const found = await discoverMetadata([file], dir)
    expect(found.metadataInputs).toEqual([])
    // Looked for beside it as for a table, but not as CSVW's spaces.ttl-metadata.json, which describes tables only.
    expect(found.searched[0].names).not.toContain('spaces.ttl-metadata.json')
  })

  it('a named DCAT record is still metadata, not a resource', async () => {
    const file = join(dir, 'catalogue', 'car-parks.rdf')
    expect((await discover([file], dir)).resources).toEqual([])
    const load = await loadMetadata({inputs: [file], cwd: dir})
    expect(load.problems).toEqual([])
    expect(load.documents.map((d) => [d.source.format, d.title])).toEqual([['dcat-rdfxml', 'Car parks']])
  })

  it('a folder holding only catalogue records says they are records, and how to use them', async () => {
    const records = await mkdtemp(join(tmpdir(), 'odcheck-records-'))
    try {
      await copyFile(join(dir, 'catalogue', 'car-parks.rdf'), join(records, 'car-parks.rdf'))
      // A CKAN record beside it is a catalogue record too.
      await writeFile(join(records, 'package_show.json'), JSON.stringify({success: true, result: {name: 'car-parks', title: 'Car parks', resources: []}}))
      const {resources, problems} = await discover([records], records)
      expect(resources).toEqual([])
      expect(problems).toHaveLength(1)
      expect(problems[0].message).toContain('Skipped car-parks.rdf, package_show.json: metadata describing a dataset (a catalogue record), not data')
      expect(problems[0].message).toContain('--metadata car-parks.rdf')
    } finally {
      await rm(records, {recursive: true, force: true})
    }
  })
})

describe('telling a catalogue record from RDF data by its text', () => {
  it.each([
    ['a prefixed class', '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://e.org/d> a dcat:Dataset .', 'turtle'],
    ['another prefix for DCAT', 'PREFIX d: <http://www.w3.org/ns/dcat#>\n<https://e.org/c> a d:Catalog ; d:dataset <https://e.org/d> .', 'turtle'],
    ['one type of several', '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://e.org/d> a <https://e.org/Thing>, dcat:Dataset .', 'turtle'],
    ['a full IRI in N-Triples', '<https://e.org/d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://rdfs.org/ns/void#Dataset> .', 'ntriples'],
    ['a typed node element', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#"><dcat:Dataset rdf:about="https://e.org/d"/></rdf:RDF>', 'rdfxml'],
    ['rdf:type in RDF/XML (PublishMyData)', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description><rdf:type rdf:resource="http://publishmydata.com/def/dataset#Dataset"/></rdf:Description></rdf:RDF>', 'rdfxml'],
    ['a default namespace in RDF/XML', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><Dataset xmlns="http://www.w3.org/ns/dcat#" rdf:about="https://e.org/d"/></rdf:RDF>', 'rdfxml'],
    ['a schema.org Dataset in JSON-LD', '{"@context": "https://schema.org/", "@type": "Dataset", "name": "Wards"}', 'jsonld'],
    ['a prefixed type in JSON-LD', '{"@context": {"dcat": "http://www.w3.org/ns/dcat#"}, "@graph": [{"@type": ["dcat:Dataset"]}]}', 'jsonld'],
  ] as const)('%s is a catalogue record', (_what, text, syntax) => {
    expect(isRdfCatalogueText(text, syntax)).toBe(true)
  })

  it.each([
    ['a statistical cube (qb:DataSet is not a catalogue class)', '@prefix qb: <http://purl.org/linked-data/cube#> .\n@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://e.org/cube> a qb:DataSet .', 'turtle'],
    ['car parks', '@prefix ns2: <http://data.gmdsp.org.uk/def/manchester/parking/> .\n<https://e.org/p/1> a ns2:ParkingSite .', 'turtle'],
    ['dcat:Dataset as a range', '@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<https://e.org/p> <http://www.w3.org/2000/01/rdf-schema#range> dcat:Dataset .', 'turtle'],
    ['a dataset mentioned in a literal', '<https://e.org/p> <http://www.w3.org/2000/01/rdf-schema#comment> "not a dcat:Dataset" .', 'ntriples'],
    ['JSON-LD of places', '{"@context": "https://schema.org/", "@type": "Place", "name": "Altrincham"}', 'jsonld'],
  ] as const)('%s is data', (_what, text, syntax) => {
    expect(isRdfCatalogueText(text, syntax)).toBe(false)
  })
})

describe('an RDF dump that describes itself', () => {
  const head = '@prefix void: <http://rdfs.org/ns/void#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n@prefix ex: <https://data.example.gov.uk/def/> .\n\n<https://data.example.gov.uk/dataset/parks> a void:Dataset ;\n  dct:title "Parks in Trafford" ;\n  dct:license <http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/> .\n\n'
  const statements = (n: number) => Array.from({length: n}, (_, i) => `<https://data.example.gov.uk/id/park/${i}> ex:spaces ${i} .\n`).join('')

  it('is a record with a few statements, both record and data with many', () => {
    expect(rdfContent(head + statements(20), 'turtle')).toBe('record')
    expect(rdfContent(head + statements(150), 'turtle')).toBe('both')
    expect(rdfContent(statements(150), 'turtle')).toBe('data')
  })

  it('is checked as data and read as the metadata of the folder it is in', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'odcheck-dump-'))
    try {
      await writeFile(join(folder, 'parks.csv'), 'name,spaces\nLongford,120\n')
      await writeFile(join(folder, 'dump.ttl'), head + statements(150))
      expect((await discover([folder], folder)).resources.map((r) => r.name)).toEqual(['dump.ttl', 'parks.csv'])
      const found = await discoverMetadata([folder], folder)
      expect(found.candidates.map((c) => [c.path, c.format])).toEqual([[join(folder, 'dump.ttl'), 'dcat-turtle']])
    } finally {
      await rm(folder, {recursive: true, force: true})
    }
  })
})
