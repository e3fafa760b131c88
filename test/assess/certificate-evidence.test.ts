import {describe, expect, it} from 'vitest'
import {answersFromEvidence, assessCertificate} from '../../src/assess/certificate/index.js'
import {mergeAnswers} from '../../src/assess/certificate/answers.js'
import {VERIFIABLE} from '../../src/assess/certificate/verifiable.js'
import type {AssessInput} from '../../src/assess/input.js'
import type {DatasetMetadata} from '../../src/metadata/model.js'

function metadata(extra: Partial<DatasetMetadata> = {}): DatasetMetadata {
  return {source: {format: 'datapackage', path: 'wards/datapackage.json'}, keywords: [], themes: [], language: [], distributions: [], evidence: {}, ...extra}
}

function input(extra: Partial<AssessInput> = {}): AssessInput {
  return {resources: [], findings: [], rules: [], ...extra}
}

const full = metadata({
  title: 'Ward population',
  description: 'Mid-year estimates by ward',
  identifier: 'https://data.trafford.gov.uk/id/dataset/ward-population',
  publisher: {name: 'Trafford Council', url: 'https://www.trafford.gov.uk'},
  contactPoint: {email: 'opendata@trafford.gov.uk'},
  licence: {raw: 'OGL-UK-3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'},
  contentLicence: {raw: 'CC-BY-4.0'},
  rights: 'https://www.trafford.gov.uk/opendata/rights',
  keywords: ['population'],
  themes: ['society'],
  temporal: {start: '2022', end: '2024'},
  spatial: 'Trafford',
  updateFrequency: 'monthly',
  issued: '2024-06-01',
  modified: '2024-07-01',
  documentation: 'https://www.trafford.gov.uk/opendata/ward-population/docs',
  landingPage: 'https://www.trafford.gov.uk/opendata/ward-population',
  language: ['en'],
  personalData: 'not_personal',
  distributions: [{title: 'Ward population CSV', url: 'https://www.trafford.gov.uk/opendata/ward-population.csv', path: 'ward-population.csv', format: 'CSV', mediaType: 'text/csv', bytes: 1024, fields: ['ward_code']}],
  evidence: {licence: 'licenses[0]', title: 'title'},
})

describe('answersFromEvidence', () => {
  it('answers from metadata, each answer with its source and evidence', () => {
    const answers = answersFromEvidence(input({metadata: full}))
    expect(answers.dataTitle).toEqual({value: 'Ward population', source: 'metadata:title', evidence: 'wards/datapackage.json (title): "Ward population"'})
    expect(answers.dataLicence).toMatchObject({value: 'ogl_uk', source: 'metadata:licence'})
    expect(answers.dataLicence.evidence).toContain('licenses[0]')
    expect(answers.contentLicence).toMatchObject({value: 'cc_by', source: 'metadata:contentLicence'})
    expect(answers.publisher.value).toBe('Trafford Council')
    expect(answers.publisherUrl.value).toBe('https://www.trafford.gov.uk')
    expect(answers.documentationUrl).toMatchObject({value: 'https://www.trafford.gov.uk/opendata/ward-population', source: 'metadata:landingPage'})
    expect(answers.contactUrl).toMatchObject({value: 'mailto:opendata@trafford.gov.uk', source: 'metadata:contactPoint'})
    expect(answers.dataPersonal).toMatchObject({value: 'not_personal', source: 'metadata:personalData'})
    expect(answers.datasetUrl.value).toBe('https://www.trafford.gov.uk/opendata/ward-population.csv')
    expect(answers.timeSensitive.value).toBe('timestamped')
    expect([answers.frequentChanges.value, answers.frequentSeriesPublication.value]).toEqual(['false', 'monthly'])
    expect(answers.machineReadable).toMatchObject({value: 'true', source: 'metadata:distributions'})
    expect(answers.documentationMetadata.value).toEqual(['title', 'description', 'issued', 'modified', 'accrualPeriodicity', 'identifier', 'landingPage', 'language', 'publisher', 'spatial', 'temporal', 'theme', 'keyword', 'distribution'])
    expect(answers.distributionMetadata.value).toEqual(['title', 'downloadURL', 'byteSize', 'mediaType'])
  })

  it('names the metadata file each value came from when several describe the dataset', () => {
    const own = metadata({source: {format: 'odcheck', path: 'wards/odcheck.yaml'}, personalData: 'summarised', evidence: {personalData: 'personalData'}})
    const pkg = metadata({title: 'Ward population', licence: {raw: 'OGL-UK-3.0'}, distributions: [{title: 'wards', path: 'wards.csv', fields: ['ward_code']}], evidence: {title: 'title', licence: 'licenses[0]'}})
    // Merged as src/metadata/merge.ts merges them: the first file's values, then the rest.
    const merged = {...own, title: pkg.title, licence: pkg.licence, distributions: pkg.distributions, evidence: {...own.evidence, title: 'datapackage.json: title', licence: 'datapackage.json: licenses[0]'}}
    const answers = answersFromEvidence(input({metadata: merged, metadataFiles: [own, pkg]}))
    expect(answers.dataTitle.evidence).toBe('wards/datapackage.json (title): "Ward population"')
    expect(answers.dataLicence).toMatchObject({value: 'ogl_uk', evidence: 'wards/datapackage.json (licenses[0]): "OGL-UK-3.0"'})
    expect(answers.dataPersonal.evidence).toBe('wards/odcheck.yaml (personalData): "summarised"')
    expect(answers.vocabulary.evidence).toBe('wards/datapackage.json describes the fields of the data (table schema)')
    expect(answers.documentationMetadata.evidence).toBe('wards/datapackage.json (datapackage) has title, distributions')
  })

  it('never guesses what only the publisher can say: rights, release type, content rights, origin', () => {
    const answers = answersFromEvidence(input({metadata: full}))
    for (const q of ['publisherRights', 'releaseType', 'contentRights', 'publisherOrigin', 'onGoingAvailability', 'backups']) expect(answers[q]).toBeUndefined()
    expect(answersFromEvidence(input()).dataPersonal).toBeUndefined()
  })

  it('reads formats from the tables odcheck read and from the distributions listed', () => {
    const table = {path: 'spend.csv', format: 'csv', readable: true, fieldNames: ['a'], rowCount: 3}
    expect(answersFromEvidence(input({resources: [table]})).machineReadable).toMatchObject({value: 'true', source: 'check:source-error'})
    const unreadable = answersFromEvidence(input({resources: [{...table, readable: false}]}))
    expect(unreadable.machineReadable).toBeUndefined()
    const xls = answersFromEvidence(input({metadata: metadata({distributions: [{format: 'XLS'}]})}))
    expect([xls.machineReadable.value, xls.openStandard.value]).toEqual(['true', 'false'])
    const pdf = answersFromEvidence(input({metadata: metadata({distributions: [{mediaType: 'application/pdf'}]})}))
    expect([pdf.machineReadable.value, pdf.openStandard.value]).toEqual(['false', 'true'])
  })

  it('says RDF data was read as its syntax, not as a "TTL table"', () => {
    const turtle = {path: 'car-parks.ttl', format: 'turtle', readable: true, fieldNames: [], rowCount: 7}
    expect(answersFromEvidence(input({resources: [turtle]})).machineReadable).toMatchObject({value: 'true', evidence: 'car-parks.ttl was read as Turtle (RDF data)'})
  })

  it('maps a licence it cannot name to "other", without claiming it is open', () => {
    const answers = answersFromEvidence(input({metadata: metadata({licence: {raw: 'Trafford Data Licence', url: 'https://www.trafford.gov.uk/licence'}})}))
    expect(answers.dataLicence.value).toBe('other')
    expect(answers.otherDataLicenceName.value).toBe('Trafford Data Licence')
    expect(answers.otherDataLicenceURL.value).toBe('https://www.trafford.gov.uk/licence')
    expect(answers.otherDataLicenceOpen).toBeUndefined()
    const nc = answersFromEvidence(input({metadata: metadata({licence: {raw: 'CC-BY-NC-4.0'}})}))
    expect([nc.dataLicence.value, nc.otherDataLicenceOpen.value]).toEqual(['other', 'false'])
  })

  it('takes personal-data findings as evidence, and flags them against a declaration that says otherwise', () => {
    const privacy = {rules: [{id: 'personal-data', tags: ['#privacy'], count: 2}], findings: [{rule: 'personal-data', resource: 'staff.csv', fieldName: 'email', rowNumber: 2}]}
    expect(answersFromEvidence(input(privacy)).dataPersonal).toMatchObject({value: 'individual', source: 'check:personal-data'})
    const declared = answersFromEvidence(input({...privacy, metadata: metadata({personalData: 'not_personal'})})).dataPersonal
    expect(declared).toMatchObject({value: 'not_personal', source: 'metadata:personalData', conflict: {value: 'individual', source: 'check:personal-data'}})
    expect(declared.conflict?.evidence).toContain('column "email"')
    const none = answersFromEvidence(input({rules: [{id: 'personal-data', tags: ['#privacy'], count: 0}]}))
    expect(none.dataPersonal).toBeUndefined()
    // Small counts in an aggregate table are a disclosure risk, not data about individuals.
    const counts = answersFromEvidence(input({rules: [{id: 'small-counts', tags: ['#privacy'], count: 3}], findings: [{rule: 'small-counts', resource: 't.csv'}]}))
    expect(counts.dataPersonal).toBeUndefined()
  })

  it('answers identifiers from columns of URIs, and external links only for other domains', () => {
    const uriFinding = (domains: string[]) => ({rule: 'uri-column', resource: 'wards.csv', fieldName: 'ward', fieldNumber: 1, details: {uris: 3, values: 3, domains}})
    const own = answersFromEvidence(input({metadata: full, findings: [uriFinding(['data.trafford.gov.uk'])]}))
    expect(own.identifiers).toMatchObject({value: 'true', source: 'check:uri-column'})
    expect(own.externalUrls).toBeUndefined()
    const ons = answersFromEvidence(input({metadata: full, findings: [uriFinding(['statistics.data.gov.uk'])]}))
    expect(ons.externalUrls).toMatchObject({value: 'true', source: 'check:uri-column'})
  })

  it('does not take a column of web-page addresses for persistent identifiers or links to third-party data', () => {
    const pages = {rule: 'uri-column', resource: 'chargers.csv', fieldName: 'website', fieldNumber: 4, details: {uris: 40, values: 40, domains: ['www.pod-point.com'], identifies: false, identifierDomains: []}}
    const answers = answersFromEvidence(input({metadata: full, findings: [pages]}))
    expect(answers.identifiers).toBeUndefined()
    expect(answers.existingExternalUrls).toBeUndefined()
    expect(answers.externalUrls).toBeUndefined()
    // A column of the publisher's own thing URIs beside a column of home pages elsewhere: identifiers, but no third-party links.
    const ownIds = {rule: 'uri-column', resource: 'chargers.csv', fieldName: 'id', fieldNumber: 1, details: {uris: 40, values: 40, domains: ['data.trafford.gov.uk'], identifies: true, identifierDomains: ['data.trafford.gov.uk']}}
    const mixed = answersFromEvidence(input({metadata: full, findings: [pages, ownIds]}))
    expect(mixed.identifiers).toMatchObject({value: 'true', source: 'check:uri-column'})
    expect(mixed.identifiers.evidence).toContain('column "id"')
    expect(mixed.externalUrls).toBeUndefined()
  })

  it('answers every question (and choice) it claims to be able to verify', () => {
    const variants = [
      input({metadata: full, findings: [{rule: 'uri-column', resource: 'w.csv', fieldName: 'ward', details: {domains: ['statistics.data.gov.uk']}}]}),
      input({metadata: metadata({licence: {raw: 'Trafford Data Licence', url: 'https://www.trafford.gov.uk/licence'}, contentLicence: {raw: 'ODbL-1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/'}})}),
      input({metadata: metadata({licence: {raw: 'CC-BY-NC-4.0'}, contentLicence: {raw: 'CC-BY-NC-4.0'}})}),
    ]
    const answered = variants.map((v) => answersFromEvidence(v))
    for (const key of Object.keys(VERIFIABLE)) {
      const [question, choice] = key.split('=')
      const found = answered.some((a) => a[question] && (choice === undefined || [a[question].value].flat().includes(choice)))
      expect(found, key).toBe(true)
    }
  })
})

describe('user answers and evidence', () => {
  it('keeps the user answer where the two disagree and records the conflict', () => {
    const evidence = answersFromEvidence(input({metadata: full}))
    const merged = mergeAnswers(evidence, {
      dataLicence: {value: 'cc_by', source: 'user', evidence: 'certificate.yaml:1'},
      dataTitle: {value: 'Ward population', source: 'user', evidence: 'certificate.yaml:2'},
    })
    expect(merged.dataLicence).toMatchObject({value: 'cc_by', source: 'user', conflict: {value: 'ogl_uk', source: 'metadata:licence'}})
    expect(merged.dataTitle.conflict).toBeUndefined()
    expect(merged.publisher.source).toBe('metadata:publisher')
  })

  it('assessCertificate lists answers to asked questions, conflicts and answers that do not count', () => {
    const result = assessCertificate(input({metadata: full}), {
      file: 'certificate.yaml',
      answers: {
        releaseType: {value: 'oneoff', source: 'user', evidence: 'certificate.yaml:1'},
        publisherRights: {value: 'yes', source: 'user', evidence: 'certificate.yaml:2'},
        contentRights: {value: 'norights', source: 'user', evidence: 'certificate.yaml:3'},
        dataLicence: {value: 'cc_by', source: 'user', evidence: 'certificate.yaml:4'},
        // Only asked of series releases.
        versionManagement: {value: ['list'], source: 'user', evidence: 'certificate.yaml:5'},
      },
    })
    expect(result.level).toBe('basic')
    expect(result.conflicts).toEqual(['dataLicence'])
    expect(result.notAsked).toEqual(['versionManagement'])
    // contentLicence came from the metadata, but with no copyright in the content it is not asked, so it is left out.
    expect(result.answers.contentLicence).toBeUndefined()
    expect(result.answers.versionManagement).toBeUndefined()
    expect(result.answersFile).toBe('certificate.yaml')
    expect(result.credit).toContain('Open Data Institute')
  })
})

describe('what the certificate says odcheck would read', () => {
  const hintOf = (result: ReturnType<typeof assessCertificate>, question: string) =>
    [...result.missingMandatory, ...result.outstanding].find((m) => m.question === question)?.metadata

  it('names the key of the metadata format in use: odcheck.yaml keys for odcheck.yaml, DCAT terms for DCAT', () => {
    const own = metadata({source: {format: 'odcheck', path: 'odcheck.yaml'}, title: 'Wards', licence: {raw: 'OGL-UK-3.0'}})
    const fromYaml = assessCertificate(input({metadata: own, metadataFiles: [own]}), {answers: {publisherRights: {value: 'yes', source: 'user', evidence: ''}, contentRights: {value: 'samerights', source: 'user', evidence: ''}}, file: 'certificate.yaml'})
    expect(hintOf(fromYaml, 'copyrightURL')).toBe('a rights statement URL ("rights" in odcheck.yaml)')
    const dcat = metadata({source: {format: 'dcat-turtle', path: 'dataset.ttl'}, title: 'Wards', licence: {raw: 'OGL-UK-3.0'}})
    const fromDcat = assessCertificate(input({metadata: dcat, metadataFiles: [dcat]}), {answers: {publisherRights: {value: 'yes', source: 'user', evidence: ''}, contentRights: {value: 'samerights', source: 'user', evidence: ''}}, file: 'certificate.yaml'})
    expect(hintOf(fromDcat, 'copyrightURL')).toBe('a rights statement URL (dct:rights)')
  })

  it('says a publisher given only as a web address has no name to answer with, naming where the name goes', () => {
    const dcat = metadata({source: {format: 'dcat-rdfxml', path: 'dataset.rdf'}, title: 'Greenbelt', publisher: {url: 'http://reference.data.gov.uk/id/department/dclg'}})
    const result = assessCertificate(input({metadata: dcat, metadataFiles: [dcat]}))
    expect(result.answers.publisher).toBeUndefined()
    const hint = hintOf(result, 'publisher')
    expect(hint).toContain('http://reference.data.gov.uk/id/department/dclg')
    expect(hint).toContain('foaf:name on the dct:publisher')
  })
})
