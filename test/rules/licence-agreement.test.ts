/**
 * Licence rules that compare what the metadata says: licence-conflict, attribution-missing
 * and licence-outdated, on metadata as the adapters produce it.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import type {DatasetMetadata, MetadataFormat} from '../../src/metadata/model.js'
import {fixturesDir} from '../helpers/rule-tester.js'

// The same small helpers as licence.test.ts (importing a test file would run its tests twice).
const dataDir = join(fixturesDir, 'licence-missing', 'no-metadata')

function doc(file: string, fields: Partial<DatasetMetadata> = {}, format: MetadataFormat = 'datapackage'): DatasetMetadata {
  return {source: {format, path: join(dataDir, file)}, keywords: [], themes: [], language: [], distributions: [], evidence: {}, ...fields}
}

async function datasetFindings(ruleId: string, metadata: DatasetMetadata[]) {
  const config = await loadConfig({cwd: dataDir, searchFrom: dataDir, builtInChecks: builtInChecksUrl})
  const result = await run({inputs: [join(dataDir, 'streetlights.csv')], cwd: dataDir, config, only: [ruleId], metadata})
  const findings = result.dataset?.findings.filter((f) => f.rule === ruleId) ?? []
  return {findings, details: findings.map((f) => f.details), count: result.dataset?.outcomes.find((o) => o.rule === ruleId)?.count}
}

const OGL3 = 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'

describe('licence-conflict', () => {
  it('reports two metadata documents that name different licences', async () => {
    const {details, findings} = await datasetFindings('licence-conflict', [
      doc('datapackage.json', {licence: {raw: 'OGL-UK-3.0'}}),
      doc('package_show.json', {licence: {raw: 'cc-by', title: 'Creative Commons Attribution'}}, 'ckan'),
    ])
    expect(details).toEqual([
      {kind: 'licence', licence: 'OGL-UK-3.0', source: 'datapackage.json', raw: 'OGL-UK-3.0', otherLicence: 'cc-by', otherSource: 'package_show.json', otherRaw: 'cc-by'},
    ])
    expect(findings[0].severity).toBe('warning')
  })

  it('reports different versions of one licence', async () => {
    const {details} = await datasetFindings('licence-conflict', [
      doc('csv-metadata.json', {licence: {raw: OGL3}}, 'csvw'),
      doc('data.json', {licence: {raw: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/'}}, 'dcat-us'),
    ])
    expect(details).toEqual([expect.objectContaining({kind: 'version', licence: 'OGL-UK-3.0', otherLicence: 'OGL-UK-2.0'})])
  })

  it.each([
    ['the same licence spelt differently', 'uk-ogl', OGL3],
    ['a version-less OGL page and OGL v2.0', 'http://www.nationalarchives.gov.uk/doc/open-government-licence/', 'OGL-UK-2.0'],
    ["CKAN's any-version cc-by and CC BY 4.0", 'cc-by', 'https://creativecommons.org/licenses/by/4.0/'],
    ["CKAN's other-at and CC BY 4.0", 'other-at', 'CC-BY-4.0'],
    ['a licence and an unrecognised one (licence-unknown says so)', 'OGL-UK-3.0', 'Council licence'],
  ])('finds nothing for %s', async (_, first, second) => {
    const {count} = await datasetFindings('licence-conflict', [doc('datapackage.json', {licence: {raw: first}}), doc('package_show.json', {licence: {raw: second}}, 'ckan')])
    expect(count).toBe(0)
  })

  it('finds nothing for datasets of one catalogue file that each have their own licence', async () => {
    const {count} = await datasetFindings('licence-conflict', [
      doc('data.json', {title: 'Spend', licence: {raw: 'OGL-UK-3.0'}}, 'dcat-us'),
      doc('data.json', {title: 'Photos', licence: {raw: 'CC-BY-4.0'}}, 'dcat-us'),
    ])
    expect(count).toBe(0)
  })

  it("reports CKAN's other-pd beside an attribution licence", async () => {
    const {details} = await datasetFindings('licence-conflict', [doc('datapackage.json', {licence: {raw: 'other-pd'}}), doc('package_show.json', {licence: {raw: 'OGL-UK-3.0'}}, 'ckan')])
    expect(details).toEqual([expect.objectContaining({kind: 'licence', licence: 'other-pd', otherLicence: 'OGL-UK-3.0'})])
  })

  it('reports a content licence that adds conditions to the data licence', async () => {
    const {details} = await datasetFindings('licence-conflict', [doc('record.ttl', {licence: {raw: 'CC0-1.0'}, contentLicence: {raw: 'CC-BY-SA-4.0'}}, 'dcat-turtle')])
    expect(details).toEqual([{dataLicence: 'CC0-1.0', contentLicence: 'CC-BY-SA-4.0', conditions: ['attribution', 'share-alike'], source: 'record.ttl'}])
  })

  it('finds nothing when the content licence is as free as the data licence (ODbL data, CC BY content)', async () => {
    const {count} = await datasetFindings('licence-conflict', [doc('datapackage.json', {licence: {raw: 'ODbL-1.0'}, contentLicence: {raw: 'CC-BY-4.0'}})])
    expect(count).toBe(0)
  })

  it('reports a rights statement that reserves all rights beside an open licence', async () => {
    const {details} = await datasetFindings('licence-conflict', [doc('datapackage.json', {licence: {raw: 'OGL-UK-3.0'}, rights: '© Trafford Council 2014. All rights reserved.'})])
    expect(details).toEqual([{licence: 'OGL-UK-3.0', rights: '© Trafford Council 2014. All rights reserved.', rightsLicence: 'all-rights-reserved', source: 'datapackage.json'}])
  })

  it('reports a rights statement that names another licence', async () => {
    const {details} = await datasetFindings('licence-conflict', [doc('datapackage.json', {licence: {raw: 'CC-BY-4.0'}, rights: 'Licensed under the Open Government Licence v3.0'})])
    expect(details).toEqual([expect.objectContaining({licence: 'CC-BY-4.0', rightsLicence: 'OGL-UK-3.0'})])
  })

  it.each([
    'Contains public sector information licensed under the Open Government Licence v3.0.',
    '© Crown copyright and database right 2024',
    OGL3,
  ])('finds nothing for OGL v3.0 with the rights statement %j', async (rights) => {
    const {count} = await datasetFindings('licence-conflict', [doc('datapackage.json', {licence: {raw: 'uk-ogl'}, rights})])
    expect(count).toBe(0)
  })
})

describe('attribution-missing', () => {
  it.each([
    ['uk-ogl', 'OGL-UK-3.0'],
    ['https://creativecommons.org/licenses/by/4.0/', 'CC-BY-4.0'],
    ['odc-odbl', 'ODbL-1.0'],
    ['ODC-By-1.0', 'ODC-By-1.0'],
  ])('reports %s (%s) with no attribution or rights text', async (raw, licence) => {
    const {details, findings} = await datasetFindings('attribution-missing', [doc('package_show.json', {licence: {raw}, evidence: {licence: 'license_id'}}, 'ckan')])
    expect(details).toEqual([expect.objectContaining({licence, raw, property: 'licence', source: 'package_show.json', field: 'license_id'})])
    expect(findings[0].severity).toBe('warning')
  })

  it('suggests a statement: the OGL default, or a credit naming the publisher and licence', async () => {
    const ogl = await datasetFindings('attribution-missing', [doc('datapackage.json', {licence: {raw: 'OGL-UK-3.0'}})])
    expect(ogl.details[0]?.suggestion).toBe('Contains public sector information licensed under the Open Government Licence v3.0')
    const cc = await datasetFindings('attribution-missing', [doc('datapackage.json', {licence: {raw: 'CC-BY-4.0'}, publisher: {name: 'Trafford Council'}})])
    expect(cc.details[0]?.suggestion).toBe('© Trafford Council, licensed under Creative Commons Attribution 4.0 International')
  })

  it('reports an attribution content licence beside a public domain data licence', async () => {
    const {details} = await datasetFindings('attribution-missing', [doc('datapackage.json', {licence: {raw: 'CC0-1.0'}, contentLicence: {raw: 'CC-BY-4.0'}})])
    expect(details).toEqual([expect.objectContaining({licence: 'CC-BY-4.0', property: 'contentLicence'})])
  })

  it.each([
    ['an attribution statement', {attribution: 'Contains public sector information licensed under the Open Government Licence v3.0.'}],
    ['rights text', {rights: '© Trafford Council 2024'}],
  ])('finds nothing when the metadata gives %s', async (_, fields) => {
    const {count} = await datasetFindings('attribution-missing', [doc('datapackage.json', {licence: {raw: 'OGL-UK-3.0'}, ...fields})])
    expect(count).toBe(0)
  })

  it.each([
    ['the licence URL repeated as dct:rights', 'http://dcat-ap.de/def/licenses/cc-zero'],
    ["the EU access-rights code (dct:accessRights)", 'http://publications.europa.eu/resource/authority/access-right/PUBLIC'],
  ])('does not count %s as a rights statement', async (_, rights) => {
    const {count} = await datasetFindings('attribution-missing', [doc('record.rdf', {licence: {raw: 'CC-BY-4.0'}, rights}, 'dcat-rdfxml')])
    expect(count).toBe(1)
  })

  it('counts the URL of a rights statement page', async () => {
    const {count} = await datasetFindings('attribution-missing', [doc('record.rdf', {licence: {raw: 'CC-BY-4.0'}, rights: 'https://www.trafford.gov.uk/copyright'}, 'dcat-rdfxml')])
    expect(count).toBe(0)
  })

  it('finds nothing when another document gives the attribution', async () => {
    const {count} = await datasetFindings('attribution-missing', [
      doc('datapackage.json', {licence: {raw: 'OGL-UK-3.0'}}),
      doc('csv-metadata.json', {attribution: 'Trafford Council'}, 'csvw'),
    ])
    expect(count).toBe(0)
  })

  it.each([['CC0-1.0'], ['odc-pddl'], ['other-pd'], ['other-open'], ['Council licence'], ['notspecified']])('finds nothing for %s, which does not (or may not) require attribution', async (raw) => {
    const {count} = await datasetFindings('attribution-missing', [doc('datapackage.json', {licence: {raw}})])
    expect(count).toBe(0)
  })
})

describe('licence-outdated', () => {
  it('reports a superseded licence and names its replacement', async () => {
    const {details, findings} = await datasetFindings('licence-outdated', [doc('datapackage.json', {licence: {raw: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/1/'}})])
    expect(details).toEqual([expect.objectContaining({licence: 'OGL-UK-1.0', status: 'superseded', supersededBy: 'OGL-UK-3.0'})])
    expect(findings[0].severity).toBe('info')
  })

  it('reports a licence that names no version, saying which version it was read as', async () => {
    const {details} = await datasetFindings('licence-outdated', [doc('record.rdf', {licence: {raw: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/'}}, 'dcat-rdfxml')])
    expect(details).toEqual([expect.objectContaining({licence: 'OGL-UK-3.0', versionAssumed: true, matchedBy: 'url', source: 'record.rdf'})])
  })

  it('reports a retired licence', async () => {
    const {details} = await datasetFindings('licence-outdated', [doc('package_show.json', {licence: {raw: 'ukcrown-withrights'}}, 'ckan')])
    expect(details).toEqual([expect.objectContaining({licence: 'ukcrown-withrights', status: 'retired'})])
  })

  it.each([[OGL3], ['OGL-UK-2.0'], ['CC-BY-4.0'], ['GPL-2.0'], ['uk-ogl']])('finds nothing for %s', async (raw) => {
    const {count} = await datasetFindings('licence-outdated', [doc('datapackage.json', {licence: {raw}})])
    expect(count).toBe(0)
  })
})
