/**
 * The certificate level against cases worked by hand from SOURCE.md (the ODI's rules): each
 * level boundary, the unanswered-mandatory rule, and "unanswered is not the same as no".
 */
import {describe, expect, it} from 'vitest'
import {computeLevel} from '../../src/assess/certificate/index.js'
import type {AnswerValues} from '../../src/assess/certificate/condition.js'
import {questionnaire} from '../../src/assess/certificate/questionnaire.js'

/** One-off release, only the six always-asked mandatory questions answered (SOURCE.md, point 7). */
const sixMandatory: AnswerValues = {
  dataTitle: 'Ward population estimates',
  publisher: 'Trafford Council',
  releaseType: 'oneoff',
  publisherRights: 'yes',
  dataLicence: 'ogl_uk',
  contentRights: 'norights',
}
const bronze: AnswerValues = {...sixMandatory, documentationUrl: 'https://www.trafford.gov.uk/opendata/ward-population'}
const silver: AnswerValues = {
  ...bronze,
  datasetUrl: 'https://www.trafford.gov.uk/opendata/ward-population.csv',
  copyrightURL: 'https://www.trafford.gov.uk/opendata/rights',
  timeSensitive: 'timestamped',
  onGoingAvailability: 'short',
  technicalDocumentation: 'https://www.trafford.gov.uk/opendata/ward-population/docs',
  contactUrl: 'mailto:opendata@trafford.gov.uk',
  improvementsContact: 'https://www.trafford.gov.uk/opendata/feedback',
  dataProtectionUrl: 'https://www.trafford.gov.uk/privacy',
}
const gold: AnswerValues = {
  ...silver,
  timeSensitive: 'false',
  onGoingAvailability: 'medium',
  qualityUrl: 'https://www.trafford.gov.uk/opendata/ward-population/quality',
  forum: 'https://www.trafford.gov.uk/opendata/forum',
  documentationMetadata: ['title', 'description', 'issued', 'modified', 'accrualPeriodicity', 'identifier', 'landingPage', 'language', 'publisher', 'spatial', 'temporal', 'theme', 'keyword'],
  copyrightStatementMetadata: ['dataLicense', 'contentLicense', 'attribution', 'attributionURL'],
}
const platinum: AnswerValues = {
  ...gold,
  onGoingAvailability: 'long',
  qualityControlUrl: 'https://www.trafford.gov.uk/opendata/quality-control',
  digitalCertificate: 'https://www.trafford.gov.uk/opendata/checksums',
  libraries: 'https://www.trafford.gov.uk/opendata/tools',
  copyrightStatementMetadata: ['dataLicense', 'contentLicense', 'attribution', 'attributionURL', 'copyrightNotice', 'copyrightYear', 'copyrightHolder', 'databaseRightYear', 'databaseRightHolder'],
}

const ids = (answers: AnswerValues) => computeLevel(answers).outstanding.map((r) => r.id)

describe('the questionnaire data', () => {
  it('has the GB questionnaire: 113 questions, 116 requirements (11 basic, 24 pilot, 59 standard, 22 exemplar)', () => {
    const {questions, requirements, levels} = questionnaire()
    expect(questions).toHaveLength(113)
    expect(requirements).toHaveLength(116)
    expect(['basic', 'pilot', 'standard', 'exemplar'].map((l) => requirements.filter((r) => r.level === l).length)).toEqual([11, 24, 59, 22])
    expect(levels.map((l) => [l.id, l.name, l.formerName])).toEqual([
      ['none', 'No level', 'No level'],
      ['basic', 'Bronze', 'Raw'],
      ['pilot', 'Silver', 'Pilot'],
      ['standard', 'Gold', 'Standard'],
      ['exemplar', 'Platinum', 'Expert'],
    ])
    expect(questions.filter((q) => q.mandatory && !q.askedWhen).map((q) => q.id)).toEqual(['dataTitle', 'publisher', 'releaseType', 'publisherRights', 'dataLicence', 'contentRights'])
  })
})

describe('computeLevel', () => {
  it('gives no level with nothing answered, naming the six always-asked mandatory questions', () => {
    const result = computeLevel({})
    expect(result.level).toBe('none')
    expect(result.missingMandatory.map((m) => m.question)).toEqual(['dataTitle', 'publisher', 'releaseType', 'publisherRights', 'dataLicence', 'contentRights'])
    expect(result.next?.level).toBe('basic')
  })

  it('matches SOURCE.md: the six mandatory answers leave 17 requirements outstanding, basic_9 among them', () => {
    expect([...ids(sixMandatory)].sort(byLevel)).toEqual(['basic_9', 'pilot_1', 'pilot_4', 'pilot_9', 'pilot_13', 'pilot_21', 'pilot_22', 'pilot_23', 'pilot_24', 'standard_16', 'standard_22', 'standard_25', 'standard_57', 'exemplar_10', 'exemplar_12', 'exemplar_20', 'exemplar_22'].sort(byLevel))
    const result = computeLevel(sixMandatory)
    expect(result.level).toBe('none')
    expect(result.missingMandatory).toEqual([])
    expect(result.next?.requirements.map((r) => r.id)).toEqual(['basic_9'])
  })

  it('reaches Bronze (Raw) with a documentation URL, which adds pilot_14 and the 13 metadata requirements standard_36–48', () => {
    const result = computeLevel(bronze)
    expect([result.level, result.name, result.formerName]).toEqual(['basic', 'Bronze', 'Raw'])
    const added = ids(bronze).filter((id) => !ids(sixMandatory).includes(id))
    expect(added).toEqual(['pilot_14', ...Array.from({length: 13}, (_, i) => `standard_${36 + i}`)])
    expect(result.next?.level).toBe('pilot')
    expect(result.next?.requirements.map((r) => r.id)).toEqual(['pilot_4', 'pilot_9', 'pilot_13', 'pilot_14', 'pilot_21', 'pilot_22', 'pilot_23', 'pilot_24'])
  })

  it('says what meets each outstanding requirement and which odcheck could read from metadata', () => {
    const next = computeLevel(bronze).next!.requirements
    const byId = Object.fromEntries(next.map((r) => [r.id, r]))
    // A higher choice meets the lower requirement too: "false" (standard_16) also meets pilot_9.
    expect(byId.pilot_9.resolvedBy).toEqual(['timestamped', 'false'])
    expect(byId.pilot_13.resolvedBy).toEqual(['short', 'medium', 'long'])
    expect(byId.pilot_14).toMatchObject({question: 'datasetUrl', odcheckCanVerify: true})
    expect(byId.pilot_9).toMatchObject({odcheckCanVerify: true, metadata: 'a temporal coverage'})
    expect(byId.pilot_13.odcheckCanVerify).toBe(false)
    expect(byId.pilot_23.odcheckCanVerify).toBe(false)
    expect(byId.pilot_22.action).toContain('contactUrl')
  })

  it('reaches Silver (Pilot) when every pilot requirement is met, and drops to Bronze when one is not', () => {
    expect(computeLevel(silver)).toMatchObject({level: 'pilot', name: 'Silver', formerName: 'Pilot'})
    expect(computeLevel({...silver, contactUrl: ''}).level).toBe('basic')
    expect(computeLevel({...silver, onGoingAvailability: 'experimental'}).level).toBe('basic')
  })

  it('reaches Gold (Standard); a machine-readable "no" is a pilot requirement and drops it to Bronze', () => {
    expect(computeLevel(gold)).toMatchObject({level: 'standard', name: 'Gold', formerName: 'Standard'})
    expect(computeLevel({...gold, documentationMetadata: (gold.documentationMetadata as string[]).filter((c) => c !== 'keyword')}).level).toBe('pilot')
    expect(computeLevel({...gold, machineReadable: 'false'}).level).toBe('basic')
  })

  it('reaches Platinum (Expert) with nothing outstanding and no next level', () => {
    const result = computeLevel(platinum)
    expect(result).toMatchObject({level: 'exemplar', name: 'Platinum', formerName: 'Expert', outstanding: [], missingMandatory: []})
    expect(result.next).toBeUndefined()
    expect(computeLevel({...platinum, provenance: 'false'}).level).toBe('standard')
  })

  it('does not count an unanswered yes/no question as "no"', () => {
    for (const q of ['machineReadable', 'onWebsite', 'listed', 'backups', 'identifiers', 'provenance']) {
      expect(platinum[q]).toBeUndefined()
      expect(computeLevel({...platinum, [q]: 'false'}).level).not.toBe('exemplar')
    }
  })

  it('gives no level when a mandatory question that is asked is left blank, however good the rest is', () => {
    const {publisher: _, ...noPublisher} = platinum
    expect(computeLevel(noPublisher)).toMatchObject({level: 'none', missingMandatory: [expect.objectContaining({question: 'publisher', odcheckCanVerify: true})]})
    // An "other" licence asks three more mandatory questions.
    const other = computeLevel({...platinum, dataLicence: 'other'})
    expect(other.level).toBe('none')
    expect(other.missingMandatory.map((m) => m.question)).toEqual(['otherDataLicenceName', 'otherDataLicenceURL', 'otherDataLicenceOpen'])
    const named = {...platinum, dataLicence: 'other', otherDataLicenceName: 'Trafford Open Licence', otherDataLicenceURL: 'https://www.trafford.gov.uk/licence'}
    expect(computeLevel({...named, otherDataLicenceOpen: 'true'}).level).toBe('exemplar')
    // A licence that is not open fails basic_7, so no level either.
    expect(computeLevel({...named, otherDataLicenceOpen: 'false'})).toMatchObject({level: 'none', missingMandatory: [], outstanding: [expect.objectContaining({id: 'basic_7'})]})
  })

  it('ignores mandatory questions that are not asked', () => {
    // contentLicence is mandatory but only asked when contentRights is samerights.
    expect(computeLevel({...platinum, contentRights: 'samerights'}).missingMandatory.map((m) => m.question)).toEqual(['contentLicence'])
    expect(computeLevel(platinum).missingMandatory).toEqual([])
  })

  it('accepts answers with provenance as well as bare values', () => {
    const withSource = Object.fromEntries(Object.entries(silver).map(([k, v]) => [k, {value: v!, source: 'user' as const, evidence: 'test'}]))
    expect(computeLevel(withSource).level).toBe('pilot')
  })
})

function byLevel(a: string, b: string): number {
  const order = ['basic', 'pilot', 'standard', 'exemplar']
  return order.indexOf(a.split('_')[0]) - order.indexOf(b.split('_')[0]) || Number(a.split('_')[1]) - Number(b.split('_')[1])
}
