/**
 * Certificate answers that are links, read with what the link rules found (--online): a link
 * that works says so, one found broken answers nothing and is listed as withheld, and one that
 * was not asked for (offline, or its rule skipped) is taken at the metadata's word.
 */
import {describe, expect, it} from 'vitest'
import {answersFromEvidence, assessCertificate, type WithheldLink} from '../../src/assess/certificate/index.js'
import type {AssessFinding, AssessInput} from '../../src/assess/input.js'
import type {DatasetMetadata} from '../../src/metadata/model.js'

const LANDING = 'https://www.trafford.gov.uk/opendata/allotments'
const DOCS = 'https://www.trafford.gov.uk/opendata/allotments/about'
const DOWNLOAD = 'https://www.trafford.gov.uk/opendata/allotments.csv'
const LICENCE = 'https://www.trafford.gov.uk/data-licence'

const metadata: DatasetMetadata = {
  source: {format: 'odcheck', path: 'odcheck.yaml'},
  keywords: [],
  themes: [],
  language: [],
  landingPage: LANDING,
  documentation: DOCS,
  licence: {raw: 'Trafford Data Licence', url: LICENCE},
  distributions: [{title: 'Allotment sites', url: DOWNLOAD, format: 'CSV', mediaType: 'text/csv', bytes: 90}],
  evidence: {},
}

const ONLINE_RULES = ['link-broken', 'documentation-link-broken', 'link-redirect-loop']

function broken(rule: string, property: string, url: string, details: Record<string, unknown> = {}): AssessFinding {
  return {rule, resource: 'odcheck.yaml', details: {property, url, ...details}}
}

function input(findings: AssessFinding[], rules = ONLINE_RULES): AssessInput {
  const count = (id: string) => findings.filter((f) => f.rule === id).length
  return {metadata, resources: [], findings, rules: rules.map((id) => ({id, tags: ['#online'], count: count(id)}))}
}

describe('certificate answers that are links', () => {
  it('offline: takes every link at the metadata\'s word', () => {
    const withheld: WithheldLink[] = []
    const answers = answersFromEvidence(input([], []), withheld)
    expect(answers.documentationUrl).toMatchObject({value: LANDING, source: 'metadata:landingPage'})
    expect(answers.documentationUrl.evidence).not.toMatch(/--online/)
    expect(answers.technicalDocumentation?.value).toBe(DOCS)
    expect(answers.otherDataLicenceURL?.value).toBe(LICENCE)
    expect(answers.distributionMetadata?.value).toContain('downloadURL')
    expect(withheld).toEqual([])
  })

  it('online, all working: the answers say the links worked', () => {
    const answers = answersFromEvidence(input([]))
    for (const q of ['documentationUrl', 'technicalDocumentation', 'otherDataLicenceURL']) expect(answers[q].evidence, q).toMatch(/worked when odcheck asked for it \(--online\)$/)
  })

  it('online: a broken landing page gives way to the documentation; broken licence and download links answer nothing', () => {
    const withheld: WithheldLink[] = []
    const answers = answersFromEvidence(
      input([
        broken('documentation-link-broken', 'landingPage', LANDING, {error: 'HTTP 410 Gone'}),
        broken('link-broken', 'licence', LICENCE, {error: 'HTTP 404 Not Found'}),
        broken('link-redirect-loop', 'distribution', DOWNLOAD, {reason: 'loop'}),
      ]),
      withheld,
    )
    expect(answers.documentationUrl).toMatchObject({value: DOCS, source: 'metadata:documentation'})
    expect(answers.otherDataLicenceURL).toBeUndefined()
    // The licence itself is still known from its name.
    expect(answers.otherDataLicenceName?.value).toBe('Trafford Data Licence')
    expect(answers.distributionMetadata?.value).not.toContain('downloadURL')
    expect(answers.datasetUrl).toBeUndefined()
    expect(withheld).toEqual([
      {question: 'otherDataLicenceURL', url: LICENCE, rule: 'link-broken', problem: 'HTTP 404 Not Found'},
      {question: 'datasetUrl', url: DOWNLOAD, rule: 'link-redirect-loop', problem: 'it redirects in a loop'},
    ])
  })

  it('a link whose rule did not run is not judged by another rule\'s silence', () => {
    // Only link-broken ran: the documentation links were not asked for, so they are taken as written.
    const answers = answersFromEvidence(input([], ['link-broken']))
    expect(answers.documentationUrl.evidence).not.toMatch(/--online/)
    expect(answers.otherDataLicenceURL?.evidence).toMatch(/--online/)
  })

  it('lists withheld links on the assessment, except where the publisher answered the question', () => {
    const gone = input([broken('documentation-link-broken', 'landingPage', LANDING, {error: 'HTTP 410 Gone'}), broken('documentation-link-broken', 'documentation', DOCS, {error: 'HTTP 404 Not Found'})])
    const assessed = assessCertificate(gone)
    expect(assessed.answers.documentationUrl).toBeUndefined()
    expect(assessed.withheldLinks?.map((w) => [w.question, w.url])).toEqual([
      ['documentationUrl', LANDING],
      ['documentationUrl', DOCS],
      ['technicalDocumentation', DOCS],
    ])
    const answered = assessCertificate(gone, {file: 'certificate.yaml', answers: {documentationUrl: {value: 'https://www.trafford.gov.uk/new-page', source: 'user', evidence: 'certificate.yaml'}}})
    expect(answered.withheldLinks?.map((w) => w.question)).toEqual(['technicalDocumentation'])
  })
})
