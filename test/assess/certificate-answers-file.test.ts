import {describe, expect, it} from 'vitest'
import {parseAnswersFile, toOdiPayload} from '../../src/assess/certificate/index.js'
import {UsageError} from '../../src/engine/errors.js'

function problems(text: string): string {
  try {
    parseAnswersFile(text, 'certificate.yaml')
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as UsageError).message
  }
  throw new Error('expected the answers file to be refused')
}

describe('answers file', () => {
  it('reads choices by id, yes/no in any YAML spelling, lists and URLs, with the line of each answer', () => {
    const answers = parseAnswersFile(
      [
        'releaseType: series',
        'publisherRights: "yes"',
        'machineReadable: true',
        'openStandard: no',
        'versionManagement: [list, template]',
        'webpage: https://www.trafford.gov.uk/opendata',
        'onWebsite: "true"',
        'versionsTemplateUrl: https://www.trafford.gov.uk/data/spend-{YYYY}-{MM}.csv',
        'dataTitle: 2024',
        'documentationUrl:',
        'qualityUrl: ""',
      ].join('\n'),
      'certificate.yaml',
    )
    expect(Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.value]))).toEqual({
      releaseType: 'series',
      publisherRights: 'yes',
      machineReadable: 'true',
      openStandard: 'false',
      versionManagement: ['list', 'template'],
      webpage: ['https://www.trafford.gov.uk/opendata'],
      onWebsite: 'true',
      versionsTemplateUrl: 'https://www.trafford.gov.uk/data/spend-{YYYY}-{MM}.csv',
      dataTitle: '2024',
    })
    expect(answers.machineReadable).toMatchObject({source: 'user', evidence: 'certificate.yaml:3'})
  })

  it('names the question, the line and the allowed choices for a wrong choice', () => {
    const message = problems('releaseType: once\n')
    expect(message).toContain('certificate.yaml:1')
    expect(message).toContain('releaseType')
    expect(message).toContain('oneoff, collection, series, service')
  })

  it('reports every problem at once, each with its line', () => {
    const message = problems(['dataPersonnal: not_personal', 'dataLicence: ogl', 'documentationUrl: www.trafford.gov.uk', 'versionManagement: [list, weekly]', 'dataTitle: {a: 1}', 'publisherRights: true'].join('\n'))
    expect(message).toMatch(/^6 invalid answers in certificate\.yaml/)
    expect(message).toContain('certificate.yaml:1: "dataPersonnal" is not a question of the ODI certificate (GB); did you mean "dataPersonal"?')
    expect(message).toMatch(/certificate\.yaml:2: dataLicence .*cc_by, cc_by_sa, cc_zero, ogl_uk, odc_by, odc_odbl, odc_pddl, na, other/)
    expect(message).toMatch(/certificate\.yaml:3: documentationUrl .*not an absolute URL/)
    expect(message).toMatch(/certificate\.yaml:4: versionManagement .*"weekly"/)
    expect(message).toMatch(/certificate\.yaml:5: dataTitle: expects a single value, not a map/)
    expect(message).toMatch(/certificate\.yaml:6: publisherRights .*yes, no, unsure, complicated/)
  })

  it('refuses a file that is not YAML or not a map, and accepts an empty one', () => {
    expect(problems('releaseType: [oneoff\n')).toMatch(/^certificate\.yaml:\d+: not valid YAML/)
    expect(problems('- releaseType\n')).toContain('expected a map of question id')
    expect(problems('releaseType: a\nreleaseType: b\n')).toContain('not valid YAML')
    expect(parseAnswersFile('# nothing yet\n', 'certificate.yaml')).toEqual({})
  })
})

describe('ODI API payload', () => {
  it('sends asked questions in questionnaire order: choices by id, multiple choice and repeating URLs as arrays', () => {
    const payload = toOdiPayload({
      publisherRights: 'yes',
      dataTitle: 'Spend over £500',
      releaseType: 'series',
      versionManagement: ['list', 'current'],
      versionsUrl: 'https://www.trafford.gov.uk/spend/releases',
      currentDatasetUrl: 'https://www.trafford.gov.uk/spend/latest.csv',
      onWebsite: 'true',
      webpage: ['https://www.trafford.gov.uk/opendata'],
      contentRights: 'norights',
      // Not asked: contentLicence is only asked when the rights in the content are held by one body.
      contentLicence: 'ogl_uk',
      // Not asked: datasetUrl is for one-off releases.
      datasetUrl: 'https://www.trafford.gov.uk/spend.csv',
      qualityUrl: '',
    })
    expect(payload).toEqual({
      jurisdiction: 'GB',
      dataset: {
        dataTitle: 'Spend over £500',
        releaseType: 'series',
        publisherRights: 'yes',
        contentRights: 'norights',
        onWebsite: 'true',
        webpage: ['https://www.trafford.gov.uk/opendata'],
        versionManagement: ['list', 'current'],
        currentDatasetUrl: 'https://www.trafford.gov.uk/spend/latest.csv',
        versionsUrl: 'https://www.trafford.gov.uk/spend/releases',
      },
    })
    expect(Object.keys(payload.dataset)).toEqual(['dataTitle', 'releaseType', 'publisherRights', 'contentRights', 'onWebsite', 'webpage', 'versionManagement', 'currentDatasetUrl', 'versionsUrl'])
  })
})
