/**
 * Licence rules on metadata as the adapters produce it (DatasetMetadata), run through the
 * engine with only the rule under test enabled. Assertions are on rule ids and details.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import type {DatasetMetadata, MetadataFormat} from '../../src/metadata/model.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const dataDir = join(fixturesDir, 'licence-missing', 'no-metadata')

/** A metadata document as an adapter would give it; `file` is relative to the data folder. */
function doc(file: string, fields: Partial<DatasetMetadata> = {}, format: MetadataFormat = 'datapackage'): DatasetMetadata {
  return {source: {format, path: join(dataDir, file)}, keywords: [], themes: [], language: [], distributions: [], evidence: {}, ...fields}
}

async function datasetFindings(ruleId: string, metadata: DatasetMetadata[], options?: Record<string, unknown>) {
  const config = await loadConfig({cwd: dataDir, searchFrom: dataDir, builtInChecks: builtInChecksUrl})
  const result = await run({
    inputs: [join(dataDir, 'streetlights.csv')],
    cwd: dataDir,
    config,
    only: [ruleId],
    ruleSettings: options ? {[ruleId]: {options}} : undefined,
    metadata,
  })
  const findings = result.dataset?.findings.filter((f) => f.rule === ruleId) ?? []
  const outcome = result.dataset?.outcomes.find((o) => o.rule === ruleId)
  return {findings, details: findings.map((f) => f.details), count: outcome?.count, resource: result.dataset?.resource}
}

describe('licence-missing', () => {
  it('reports a dataset with no metadata at all, saying none was found', async () => {
    const {details, count, findings} = await datasetFindings('licence-missing', [])
    expect(count).toBe(1)
    expect(details).toEqual([{reason: 'no-metadata', sources: []}])
    expect(findings[0].severity).toBe('error')
  })

  it('reports metadata that names no licence, against the metadata file', async () => {
    const {details, resource, findings} = await datasetFindings('licence-missing', [doc('datapackage.json', {title: 'Streetlights'})])
    expect(details).toEqual([{reason: 'none', sources: ['datapackage.json']}])
    expect(findings[0].resource).toBe(resource)
    expect(resource).toBe('datapackage.json')
  })

  it('counts CKAN "notspecified" as no licence', async () => {
    const ckan = doc('package_show.json', {licence: {raw: 'notspecified', title: 'License not specified'}, evidence: {licence: 'license_id'}}, 'ckan')
    const {details} = await datasetFindings('licence-missing', [ckan])
    expect(details).toEqual([{reason: 'not-specified', sources: ['package_show.json'], raw: 'notspecified', source: 'package_show.json', licence: 'notspecified'}])
  })

  it('lists every document read, and notes a content licence given without a data licence', async () => {
    const {details} = await datasetFindings('licence-missing', [doc('datapackage.json'), doc('catalogue/record.ttl', {contentLicence: {raw: 'CC-BY-4.0'}}, 'dcat-turtle')])
    expect(details).toEqual([{reason: 'none', sources: ['datapackage.json', 'catalogue/record.ttl'], contentLicence: 'CC-BY-4.0'}])
  })

  it.each([
    ['a CKAN id', {raw: 'uk-ogl'}],
    ['a licence odcheck does not recognise (licence-unknown says so)', {raw: 'Trafford Data Licence'}],
    ['a URL', {raw: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'}],
  ])('finds nothing when the metadata names %s', async (_, licence) => {
    const {count} = await datasetFindings('licence-missing', [doc('datapackage.json', {licence})])
    expect(count).toBe(0)
  })

  it('finds nothing when a second document names the licence', async () => {
    const {count} = await datasetFindings('licence-missing', [doc('datapackage.json'), doc('csv-metadata.json', {licence: {raw: 'OGL-UK-3.0'}}, 'csvw')])
    expect(count).toBe(0)
  })
})

describe('licence-unknown', () => {
  it('reports a licence it cannot recognise, with what was written and where', async () => {
    const ckan = doc('package_show.json', {licence: {raw: 'trafford-licence', title: 'Trafford Data Licence', url: 'https://www.trafford.gov.uk/data-licence'}, evidence: {licence: 'license_id'}}, 'ckan')
    const {details, findings} = await datasetFindings('licence-unknown', [ckan])
    expect(details).toEqual([
      {property: 'licence', raw: 'trafford-licence', source: 'package_show.json', field: 'license_id', url: 'https://www.trafford.gov.uk/data-licence', title: 'Trafford Data Licence'},
    ])
    expect(findings[0].severity).toBe('warning')
  })

  it('reports an unknown content licence as such', async () => {
    const {details} = await datasetFindings('licence-unknown', [doc('datapackage.json', {licence: {raw: 'OGL-UK-3.0'}, contentLicence: {raw: 'Photos: ask the press office'}})])
    expect(details).toEqual([{property: 'contentLicence', raw: 'Photos: ask the press office', source: 'datapackage.json'}])
  })

  it('reports each document that names an unknown licence', async () => {
    const {details} = await datasetFindings('licence-unknown', [doc('datapackage.json', {licence: {raw: 'Council licence'}}), doc('sub/csv-metadata.json', {licence: {raw: 'Council licence'}}, 'csvw')])
    expect(details?.map((d) => d?.source)).toEqual(['datapackage.json', 'sub/csv-metadata.json'])
  })

  it('reports an unknown licence once for a catalogue file that lists several datasets under it', async () => {
    const datasets = ['Spend', 'Contracts', 'Grants'].map((title) => doc('data.json', {title, licence: {raw: 'East Devon licence'}}, 'dcat-us'))
    const {details} = await datasetFindings('licence-unknown', datasets)
    expect(details).toEqual([{property: 'licence', raw: 'East Devon licence', source: 'data.json'}])
  })

  it.each([
    ['a recognised licence', {raw: 'https://creativecommons.org/licenses/by/4.0/'}],
    ['CKAN notspecified (licence-missing says so)', {raw: 'notspecified'}],
    ['an unknown id whose URL is known', {raw: 'ogl3-local', url: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'}],
  ])('finds nothing for %s', async (_, licence) => {
    const {count} = await datasetFindings('licence-unknown', [doc('datapackage.json', {licence})])
    expect(count).toBe(0)
  })

  it('accepts licences listed in the accept option, by name or by URL in any spelling', async () => {
    const metadata = [doc('datapackage.json', {licence: {raw: 'Trafford Data Licence'}, contentLicence: {raw: 'http://trafford.gov.uk/data-licence/'}})]
    expect((await datasetFindings('licence-unknown', metadata)).count).toBe(2)
    const {count} = await datasetFindings('licence-unknown', metadata, {accept: ['trafford data licence', 'https://www.trafford.gov.uk/data-licence']})
    expect(count).toBe(0)
  })
})

describe('licence-software', () => {
  it.each([
    ['GPL-2.0', 'GPL-2.0', 'od-domains'],
    ['MIT', 'MIT', 'od-domains'],
    ['https://opensource.org/licenses/Apache-2.0', 'Apache-2.0', 'od-domains'],
    ['GPL-3.0-or-later', 'GPL-3.0-or-later', 'osi-approved'],
  ])('reports the software licence %s given as the data licence, saying how odcheck knows', async (raw, licence, knownBy) => {
    const {details, findings} = await datasetFindings('licence-software', [doc('datapackage.json', {licence: {raw}})])
    expect(details).toEqual([expect.objectContaining({property: 'licence', raw, source: 'datapackage.json', licence, knownBy, sources: ['datapackage.json']})])
    expect(findings[0].severity).toBe('warning')
  })

  it('reports a software content licence as such', async () => {
    const {details} = await datasetFindings('licence-software', [doc('datapackage.json', {licence: {raw: 'OGL-UK-3.0'}, contentLicence: {raw: 'MIT'}})])
    expect(details).toEqual([expect.objectContaining({property: 'contentLicence', licence: 'MIT'})])
  })

  it('reports one licence once, listing every document that names it', async () => {
    const {details} = await datasetFindings('licence-software', [doc('datapackage.json', {licence: {raw: 'MIT'}}), doc('csv-metadata.json', {licence: {raw: 'https://opensource.org/licenses/MIT'}}, 'csvw')])
    expect(details).toEqual([expect.objectContaining({licence: 'MIT', sources: ['datapackage.json', 'csv-metadata.json']})])
  })

  it.each([
    ['an open data licence', 'OGL-UK-3.0'],
    ['CC0, open and also used for software', 'CC0-1.0'],
    ['a content licence the Open Definition approves', 'MirOS'],
    ['a non-commercial licence (licence-not-open says so)', 'CC-BY-NC-4.0'],
    ['an unrecognised licence (licence-unknown says so)', 'Trafford Data Licence'],
  ])('finds nothing for %s', async (_, raw) => {
    const {count} = await datasetFindings('licence-software', [doc('datapackage.json', {licence: {raw}})])
    expect(count).toBe(0)
  })
})

describe('licence-not-open', () => {
  it.each([
    ['CC-BY-NC-4.0', 'CC-BY-NC-4.0', ['non-commercial']],
    ['https://creativecommons.org/licenses/by-nd/4.0/', 'CC-BY-ND-4.0', ['no-derivatives']],
    ['Creative Commons Attribution-NonCommercial-NoDerivatives 4.0', 'CC-BY-NC-ND-4.0', ['non-commercial', 'no-derivatives']],
    ['http://www.nationalarchives.gov.uk/doc/non-commercial-government-licence/version/2/', 'NCGL-UK-2.0', ['non-commercial']],
    ['cc-nc', 'cc-nc', ['non-commercial']],
    ['other-closed', 'other-closed', ['closed']],
    ['All rights reserved', 'all-rights-reserved', ['closed']],
    ['UK Crown Copyright', 'ukcrown', ['closed']],
  ])('reports %s as %s (%s)', async (raw, licence, reasons) => {
    const {details, findings} = await datasetFindings('licence-not-open', [doc('datapackage.json', {licence: {raw}})])
    expect(details).toEqual([expect.objectContaining({licence, reasons, property: 'licence', raw, source: 'datapackage.json', sources: ['datapackage.json']})])
    expect(findings[0].severity).toBe('error')
  })

  it('says how the licence was recognised', async () => {
    const {details} = await datasetFindings('licence-not-open', [doc('datapackage.json', {licence: {raw: 'cc-by-nc', url: 'https://creativecommons.org/licenses/by-nc/4.0/legalcode'}})])
    expect(details).toEqual([expect.objectContaining({licence: 'CC-BY-NC-4.0', matchedBy: 'url', matched: 'https://creativecommons.org/licenses/by-nc/4.0/legalcode'})])
  })

  it('reports a non-open content licence beside an open data licence', async () => {
    const {details} = await datasetFindings('licence-not-open', [doc('datapackage.json', {licence: {raw: 'OGL-UK-3.0'}, contentLicence: {raw: 'CC BY-NC-SA 4.0'}})])
    expect(details).toEqual([expect.objectContaining({licence: 'CC-BY-NC-SA-4.0', property: 'contentLicence', reasons: ['non-commercial']})])
  })

  it('reports a licence once however many documents name it', async () => {
    const {details} = await datasetFindings('licence-not-open', [
      doc('datapackage.json', {licence: {raw: 'CC-BY-NC-4.0'}}),
      doc('package_show.json', {licence: {raw: 'Creative Commons Attribution-NonCommercial 4.0'}}, 'ckan'),
    ])
    expect(details).toEqual([expect.objectContaining({licence: 'CC-BY-NC-4.0', sources: ['datapackage.json', 'package_show.json']})])
  })

  it.each([['OGL-UK-3.0'], ['cc-by'], ['odc-odbl'], ['MIT'], ['Trafford Data Licence'], ['notspecified']])('finds nothing for %s', async (raw) => {
    const {count} = await datasetFindings('licence-not-open', [doc('datapackage.json', {licence: {raw}})])
    expect(count).toBe(0)
  })

  it('does not report licences listed in the allow option', async () => {
    const {count} = await datasetFindings('licence-not-open', [doc('datapackage.json', {licence: {raw: 'NCGL-UK-2.0'}})], {allow: ['ncgl-uk-2.0']})
    expect(count).toBe(0)
  })

  it('rejects options that are not a list of ids before the run', async () => {
    await expect(datasetFindings('licence-not-open', [], {allow: 'NCGL-UK-2.0'})).rejects.toThrow(/Options of rule licence-not-open are invalid/)
  })
})
