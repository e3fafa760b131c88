/** Each catalogue format maps into the one model, with evidence for where each value came from. */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {metadataFixtures, readFixture, schemaErrors} from './helpers.js'

async function onlyModel(file: string) {
  const load = await readFixture(file)
  expect(load.problems).toEqual([])
  expect(load.documents).toHaveLength(1)
  const [model] = load.documents
  expect(schemaErrors(model)).toEqual([])
  return model
}

describe('Frictionless data package', () => {
  it('maps a v1 datapackage.json: licence, publisher and contact from contributors, resources with their schema', async () => {
    const m = await onlyModel('adapters/datapackage.json')
    expect(m.source).toEqual({format: 'datapackage', path: join(metadataFixtures, 'adapters', 'datapackage.json')})
    expect(m.title).toBe('Allotment sites in Stockport')
    expect(m.identifier).toBe('stockport-allotment-sites')
    expect(m.licence).toEqual({raw: 'OGL-UK-3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', title: 'Open Government Licence v3.0'})
    expect(m.publisher).toEqual({name: 'Stockport Metropolitan Borough Council', url: 'https://www.stockport.gov.uk'})
    expect(m.contactPoint).toEqual({name: 'Parks Data Team', email: 'parks.data@stockport.gov.uk'})
    expect(m.keywords).toEqual(['allotments', 'parks', 'Stockport'])
    expect(m.landingPage).toBe('https://www.stockport.gov.uk/allotments/open-data')
    expect(m.issued).toBe('2024-04-08')
    expect(m.provenance).toEqual([{title: 'Allotment lettings system', url: 'https://www.stockport.gov.uk/allotments'}])
    expect(m.distributions).toEqual([
      {title: 'allotment-sites', path: 'allotment-sites.csv', format: 'csv', mediaType: 'text/csv', bytes: 1204, fields: ['site_name', 'ward_code', 'plots', 'waiting_list']},
      {title: 'site-boundaries', url: 'https://www.stockport.gov.uk/data/allotment-boundaries.geojson', format: 'geojson'},
    ])
    expect(m.evidence).toMatchObject({licence: 'licenses[0]', publisher: 'contributors[0] (role publisher)', contactPoint: 'contributors[1] (role maintainer)', landingPage: 'homepage', distributions: 'resources'})
  })

  it('maps a v2 datapackage.yaml: roles lists, stats.rows and a Table Schema in its own file', async () => {
    const m = await onlyModel('adapters/datapackage.yaml')
    expect(m.title).toBe('Street trees in Bury')
    expect(m.licence).toEqual({raw: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/'})
    expect(m.publisher).toEqual({name: 'Bury Council', email: 'highways@bury.gov.uk'})
    // The publisher's email is how to get in touch when no maintainer is named.
    expect(m.contactPoint).toEqual({name: 'Bury Council', email: 'highways@bury.gov.uk'})
    expect(m.distributions).toEqual([{title: 'street-trees', path: 'data/street-trees.csv', mediaType: 'text/csv', rowCount: 4210, fields: ['tree_id', 'species', 'condition', 'easting', 'northing']}])
  })
})

describe('CSVW', () => {
  it('maps a single-table <file>-metadata.json: dc: properties, value objects, column titles in every form', async () => {
    const m = await onlyModel('adapters/public-toilets.csv-metadata.json')
    expect(m.source.format).toBe('csvw')
    expect(m.title).toBe('Public toilets in Salford')
    expect(m.description).toBe('Council-owned public toilets, their opening hours and accessibility.')
    expect(m.publisher).toEqual({name: 'Salford City Council', url: 'https://www.salford.gov.uk'})
    expect(m.licence).toEqual({raw: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'})
    expect(m.keywords).toEqual(['toilets', 'accessibility'])
    expect(m.modified).toBe('2025-01-14')
    expect(m.updateFrequency).toBe('quarterly')
    expect(m.language).toEqual(['en'])
    // Virtual columns are not in the file, so they are not declared columns. One table: its title is the dataset's.
    expect(m.distributions).toEqual([{title: 'Public toilets in Salford', path: 'public-toilets.csv', format: 'csv', mediaType: 'text/csv', fields: ['site_id', 'name', 'opening_hours', 'accessible']}])
    expect(m.evidence).toMatchObject({title: 'dc:title', publisher: 'dc:publisher', licence: 'dc:license', updateFrequency: 'dcterms:accrualPeriodicity'})
  })

  it('maps a table group: each table a distribution, the group tableSchema shared unless a table has its own', async () => {
    const m = await onlyModel('adapters/csv-metadata.json')
    expect(m.title).toBe('Planning applications received by Oldham Council')
    expect(m.publisher).toEqual({name: 'Oldham Council'})
    expect(m.licence?.raw).toBe('https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/')
    expect(m.evidence.licence).toBe('dcterms:license')
    const shared = ['reference', 'received', 'address', 'proposal']
    expect(m.distributions).toEqual([
      {path: 'planning-applications-2024.csv', format: 'csv', mediaType: 'text/csv', fields: shared},
      {title: 'Applications received in 2025', path: 'planning-applications-2025.csv', format: 'csv', mediaType: 'text/csv', fields: shared},
      {url: 'https://data.oldham.gov.uk/planning/decisions.csv', format: 'csv', mediaType: 'text/csv', fields: ['reference', 'decision']},
    ])
  })
})

describe('DCAT in RDF', () => {
  const expected = {
    title: 'Fly-tipping incidents in Wigan',
    description: 'Fly-tipping reported to the council, by ward and month, with the type of waste.',
    identifier: 'wigan-fly-tipping',
    publisher: {name: 'Wigan Council', url: 'https://www.wigan.gov.uk'},
    contactPoint: {name: 'Environmental Services', email: 'environment@wigan.gov.uk'},
    licence: {raw: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'},
    rights: 'Contains Ordnance Survey data © Crown copyright and database right 2025',
    keywords: ['fly-tipping', 'waste'],
    themes: ['http://publications.europa.eu/resource/authority/data-theme/ENVI'],
    temporal: {start: '2024-04-01', end: '2025-03-31'},
    spatial: 'http://statistics.data.gov.uk/id/statistical-geography/E08000010',
    updateFrequency: 'http://purl.org/cld/freq/monthly',
    issued: '2024-05-02',
    modified: '2025-04-07T09:15:00Z',
    landingPage: 'https://www.wigan.gov.uk/opendata/fly-tipping',
    documentation: 'https://www.wigan.gov.uk/opendata/fly-tipping/about',
    language: ['http://id.loc.gov/vocabulary/iso639-1/en'],
    distributions: [{title: 'Fly-tipping incidents (CSV)', url: 'https://data.wigan.gov.uk/files/fly-tipping.csv', format: 'CSV', mediaType: 'text/csv', bytes: 48211}],
  }

  for (const [file, format] of [['fly-tipping.ttl', 'dcat-turtle'], ['fly-tipping.rdf', 'dcat-rdfxml'], ['fly-tipping.jsonld', 'dcat-jsonld']] as const) {
    it(`maps ${file} (${format}) to the same model as the other two syntaxes`, async () => {
      const m = await onlyModel(`adapters/${file}`)
      expect(m.source.format).toBe(format)
      expect(m).toMatchObject(expected)
      expect(m.evidence).toMatchObject({title: 'dct:title', publisher: 'dct:publisher', contactPoint: 'dcat:contactPoint', licence: 'dct:license', documentation: 'foaf:page', distributions: 'dcat:distribution'})
    })
  }
})

describe('DCAT-US data.json', () => {
  it('gives one model per dataset in a catalog, with evidence pointing into the dataset list', async () => {
    const load = await readFixture('adapters/data.json')
    expect(load.problems).toEqual([])
    expect(load.documents.map((d) => d.title)).toEqual(['Rochdale business rates: credits', 'Rochdale parking fines'])
    for (const d of load.documents) expect(schemaErrors(d)).toEqual([])
    const [credits, fines] = load.documents
    expect(credits.source.format).toBe('dcat-us')
    expect(credits.publisher).toEqual({name: 'Rochdale Borough Council'})
    expect(credits.contactPoint).toEqual({name: 'Revenues Team', email: 'revenues@rochdale.gov.uk'})
    expect(credits.temporal).toEqual({start: '2024-04-01', end: '2025-03-31', text: '2024-04-01/2025-03-31'})
    expect(credits.updateFrequency).toBe('R/P3M')
    expect(credits.distributions).toEqual([{title: 'Credits, January to March 2025', url: 'https://www.rochdale.gov.uk/files/nndr-credits-2025-q4.csv', format: 'CSV', mediaType: 'text/csv'}])
    expect(credits.evidence.licence).toBe('dataset[0].license')
    // Keywords written as one comma-joined string are split.
    expect(fines.keywords).toEqual(['parking', 'penalty charge notices'])
    expect(fines.modified).toBe('Mar 31 2025')
    expect(fines.evidence.modified).toBe('dataset[1].modified')
  })
})

describe('CKAN package_show', () => {
  it('maps the API envelope: licence id, organisation, maintainer, tags, groups, extras and resources', async () => {
    const m = await onlyModel('adapters/package_show.json')
    expect(m.source.format).toBe('ckan')
    expect(m.title).toBe('Council tax bands by ward')
    expect(m.description).toBe('Number of dwellings in each council tax band, by ward, as at 1 April.')
    expect(m.licence).toEqual({raw: 'uk-ogl', url: 'http://reference.data.gov.uk/id/open-government-licence', title: 'UK Open Government Licence (OGL)'})
    expect(m.publisher).toEqual({name: 'Tameside Metropolitan Borough Council'})
    expect(m.contactPoint).toEqual({name: 'Revenues and Benefits', email: 'opendata@tameside.gov.uk'})
    expect(m.keywords).toEqual(['council tax', 'housing'])
    expect(m.themes).toEqual(['Housing'])
    expect(m.temporal).toEqual({start: '2025-04-01', end: '2026-03-31'})
    expect(m.spatial).toBe('England')
    expect(m.updateFrequency).toBe('annual')
    expect(m.landingPage).toBe('https://www.tameside.gov.uk/counciltax/bands')
    expect(m.distributions).toEqual([
      {title: 'Council tax bands 2025', url: 'https://data.tameside.gov.uk/files/council-tax-bands-2025.csv', format: 'CSV', mediaType: 'text/csv', bytes: 5120},
      {title: 'About the data', url: 'https://www.tameside.gov.uk/counciltax/bands', format: 'HTML', mediaType: 'text/html'},
    ])
    expect(m.evidence).toMatchObject({licence: 'license_id', publisher: 'organization.title', contactPoint: 'maintainer_email', updateFrequency: 'extras.update_frequency', temporal: 'extras.temporal_coverage-from'})
  })
})

describe('odcheck.yaml', () => {
  it('maps every key of the model it documents', async () => {
    const m = await onlyModel('adapters/odcheck.yaml')
    expect(m).toMatchObject({
      source: {format: 'odcheck'},
      title: 'Streetlight faults reported in Bolton',
      publisher: {name: 'Bolton Council', url: 'https://www.bolton.gov.uk'},
      contactPoint: {email: 'streetlighting@bolton.gov.uk'},
      licence: {raw: 'OGL-UK-3.0'},
      attribution: 'Contains public sector information licensed under the Open Government Licence v3.0.',
      temporal: {start: '2025-01-01', end: '2025-12-31'},
      updateFrequency: 'monthly',
      issued: '2025-02-03',
      language: ['en'],
      personalData: 'not_personal',
      distributions: [{path: 'streetlight-faults.csv', format: 'csv', fields: ['fault_id', 'reported', 'fixed', 'ward_code'], rowCount: 1180}],
    })
    expect(m.evidence.licence).toBe('licence')
  })
})
