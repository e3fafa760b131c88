/**
 * Answers certificate questions from what odcheck can see: the dataset's normalised metadata and
 * the findings of its checks. Each answer names its source and the evidence it rests on. A
 * question the evidence does not settle is left out (unknown), never guessed: unlike the ODI's
 * autocomplete, odcheck does not assume rights, origin or the absence of personal data.
 */
import type {DatasetMetadata, LicenceRef} from '../../metadata/model.js'
import {formatFacts} from '../formats.js'
import type {AssessInput} from '../input.js'
import {distributionSource, filesText, metadataFiles, sourceOf, sourceText, type MetadataProperty} from '../provenance.js'
import {uriColumns} from '../uri-columns.js'
import type {Answer, AnswerSource, Answers} from './answers.js'
import {recogniseLicence} from './licence-choice.js'

/** Rules whose findings mean individuals may be identified (small-counts is about aggregates, so it is not one). */
const PERSONAL_DATA_RULES = ['personal-data']
const CONTENT_LICENCE_CHOICES = new Set(['cc_by', 'cc_by_sa', 'cc_zero', 'ogl_uk'])
const DAILY_OR_MORE = /(^|\W)(continual|continuous|real[- ]?time|hourly|daily|day|hour|minute|second)s?(\W|$)/i
const FREQUENCIES: Array<[RegExp, string]> = [
  [DAILY_OR_MORE, 'daily'],
  [/week/i, 'weekly'],
  [/month/i, 'monthly'],
  [/quarter|annual|year|biennial|triennial|irregular|never|once/i, 'rarely'],
]

function answer(source: AnswerSource, value: Answer['value'], evidence: string): Answer {
  return {value, source, evidence}
}

function isWebUrl(text: string | undefined): text is string {
  return typeof text === 'string' && /^https?:\/\/\S+$/i.test(text.trim())
}

/** `datapackage.json (licenses): "OGL-UK-3.0"`, naming the file that gave the value. */
function from(input: AssessInput, property: MetadataProperty, value: string): string {
  return `${sourceText(input, property)}: ${JSON.stringify(value)}`
}

function licenceAnswers(answers: Answers, input: AssessInput, ref: LicenceRef | undefined, property: 'licence' | 'contentLicence'): void {
  const licence = recogniseLicence(ref)
  if (!licence || !ref) return
  const source = `metadata:${property}` as const
  const evidence = from(input, property, ref.url ?? ref.raw)
  const prefix = property === 'licence' ? 'Data' : 'Content'
  const question = property === 'licence' ? 'dataLicence' : 'contentLicence'
  const choice = licence.choice && (property === 'licence' || CONTENT_LICENCE_CHOICES.has(licence.choice)) ? licence.choice : 'other'
  answers[question] = answer(source, choice, evidence)
  if (choice !== 'other') return
  answers[`other${prefix}LicenceName`] = answer(source, licence.name, evidence)
  if (licence.url) answers[`other${prefix}LicenceURL`] = answer(source, licence.url, evidence)
  if (licence.open !== undefined) answers[`other${prefix}LicenceOpen`] = answer(source, String(licence.open), `${evidence}, ${licence.open ? 'an open licence' : 'not an open licence'}`)
}

function documentationAnswers(answers: Answers, input: AssessInput, m: DatasetMetadata): void {
  const present: Array<[string, MetadataProperty, boolean]> = [
    ['title', 'title', Boolean(m.title?.trim())],
    ['description', 'description', Boolean(m.description?.trim())],
    ['issued', 'issued', Boolean(m.issued)],
    ['modified', 'modified', Boolean(m.modified)],
    ['accrualPeriodicity', 'updateFrequency', Boolean(m.updateFrequency)],
    ['identifier', 'identifier', Boolean(m.identifier)],
    ['landingPage', 'landingPage', Boolean(m.landingPage)],
    ['language', 'language', m.language.length > 0],
    ['publisher', 'publisher', Boolean(m.publisher?.name || m.publisher?.url)],
    ['spatial', 'spatial', Boolean(m.spatial)],
    ['temporal', 'temporal', Boolean(m.temporal?.start || m.temporal?.end || m.temporal?.text)],
    ['theme', 'themes', m.themes.length > 0],
    ['keyword', 'keywords', m.keywords.length > 0],
    ['distribution', 'distributions', m.distributions.length > 0],
  ]
  const found = present.filter(([, , has]) => has)
  if (found.length > 0) {
    const files = metadataFiles(input).filter((d) => found.some(([, p]) => sourceOf(input, p).path === d.source.path))
    const has = files.length > 1 ? 'have' : `(${files[0]?.source.format ?? m.source.format}) has`
    answers.documentationMetadata = answer(`metadata:${found.map(([, p]) => p).join('+')}`, found.map(([choice]) => choice), `${filesText(files)} ${has} ${found.map(([, p]) => p).join(', ')}`)
  }
  const files = m.distributions
  if (files.length === 0) return
  const every: Array<[string, (d: (typeof files)[number]) => unknown]> = [
    ['title', (d) => d.title],
    ['downloadURL', (d) => isWebUrl(d.url)],
    ['byteSize', (d) => d.bytes !== undefined],
    ['mediaType', (d) => d.mediaType],
  ]
  const all = every.filter(([, has]) => files.every((d) => Boolean(has(d)))).map(([choice]) => choice)
  if (all.length > 0) answers.distributionMetadata = answer('metadata:distributions', all, `${files.length === 1 ? 'the one distribution' : `every one of the ${files.length} distributions`} in ${distributionSource(input)} has ${all.join(', ')}`)
}

function metadataAnswers(answers: Answers, input: AssessInput, m: DatasetMetadata): void {
  const cite = (property: MetadataProperty, value: string) => from(input, property, value)
  if (m.title?.trim()) answers.dataTitle = answer('metadata:title', m.title.trim(), cite('title', m.title.trim()))
  if (m.publisher?.name?.trim()) answers.publisher = answer('metadata:publisher', m.publisher.name.trim(), cite('publisher', m.publisher.name.trim()))
  if (isWebUrl(m.publisher?.url)) answers.publisherUrl = answer('metadata:publisher', m.publisher.url, cite('publisher', m.publisher.url))
  const page: [MetadataProperty, string] | undefined = isWebUrl(m.landingPage) ? ['landingPage', m.landingPage] : isWebUrl(m.documentation) ? ['documentation', m.documentation] : undefined
  if (page) answers.documentationUrl = answer(`metadata:${page[0]}`, page[1], cite(page[0], page[1]))
  if (isWebUrl(m.documentation)) answers.technicalDocumentation = answer('metadata:documentation', m.documentation, cite('documentation', m.documentation))
  licenceAnswers(answers, input, m.licence, 'licence')
  licenceAnswers(answers, input, m.contentLicence, 'contentLicence')
  if (isWebUrl(m.rights)) answers.copyrightURL = answer('metadata:rights', m.rights.trim(), cite('rights', m.rights.trim()))
  if (m.personalData) answers.dataPersonal = answer('metadata:personalData', m.personalData, cite('personalData', m.personalData))
  // An address people can write to is the better answer; a contact's web page is next best.
  const contact = m.contactPoint?.email ? `mailto:${m.contactPoint.email.replace(/^mailto:/i, '')}` : isWebUrl(m.contactPoint?.url) ? m.contactPoint.url : undefined
  if (contact) answers.contactUrl = answer('metadata:contactPoint', contact, cite('contactPoint', contact))
  const download = m.distributions.find((d) => isWebUrl(d.url))
  if (download?.url) answers.datasetUrl = answer('metadata:distributions', download.url, `${distributionSource(input, download)}: ${JSON.stringify(download.url)}`)
  if (m.temporal?.start || m.temporal?.end || m.temporal?.text) {
    const text = m.temporal.text ?? `${m.temporal.start ?? '…'}/${m.temporal.end ?? '…'}`
    answers.timeSensitive = answer('metadata:temporal', 'timestamped', `${cite('temporal', text)}: the data says which period it covers`)
  }
  if (m.updateFrequency) {
    const frequency = FREQUENCIES.find(([pattern]) => pattern.test(m.updateFrequency!))?.[1]
    if (frequency) {
      const evidence = cite('updateFrequency', m.updateFrequency)
      answers.frequentChanges = answer('metadata:updateFrequency', String(frequency === 'daily'), evidence)
      answers.frequentSeriesPublication = answer('metadata:updateFrequency', frequency, evidence)
    }
  }
  const schema = metadataFiles(input).find((d) => d.source.format === 'csvw' || d.distributions.some((x) => (x.fields?.length ?? 0) > 0))
  if (schema) {
    answers.vocabulary = answer('metadata:distributions', 'true', `${schema.source.path} describes the fields of the data (${schema.source.format === 'csvw' ? 'CSVW table schema' : 'table schema'})`)
  }
  documentationAnswers(answers, input, m)
}

function formatAnswers(answers: Answers, input: AssessInput): void {
  type Seen = {facts: NonNullable<ReturnType<typeof formatFacts>>; source: AnswerSource; what: string}
  const seen: Seen[] = []
  for (const r of input.resources) {
    const facts = r.readable ? formatFacts(r.format, r.path) : undefined
    if (facts) seen.push({facts, source: 'check:source-error', what: `${r.path} was read as a ${facts.format.toUpperCase()} table`})
  }
  for (const d of input.metadata?.distributions ?? []) {
    const facts = formatFacts(d.format, d.mediaType, d.path, d.url)
    if (facts) seen.push({facts, source: 'metadata:distributions', what: `${d.title ?? d.path ?? d.url ?? 'a distribution'} is ${facts.format.toUpperCase()}`})
  }
  if (seen.length === 0) return
  for (const [question, key] of [['machineReadable', 'structured'], ['openStandard', 'openStandard']] as const) {
    const yes = seen.find((s) => s.facts[key])
    answers[question] = yes ? answer(yes.source, 'true', yes.what) : answer(seen[0].source, 'false', `no file is in ${key === 'structured' ? 'a machine-readable' : 'an open standard'} format: ${seen.map((s) => s.facts.format).join(', ')}`)
  }
}

function checkAnswers(answers: Answers, input: AssessInput): void {
  const privacy = input.rules.filter((r) => PERSONAL_DATA_RULES.includes(r.id) && r.count > 0)
  if (privacy.length > 0) {
    const rule = privacy[0]
    const found = input.findings.find((f) => f.rule === rule.id)
    const kind = typeof found?.details?.kind === 'string' ? ` (${found.details.kind})` : ''
    const where = found ? ` (first in ${found.resource}${found.fieldName ? `, column "${found.fieldName}"${kind}` : ''})` : ''
    const claim = answer(`check:${rule.id}`, 'individual', `${rule.count} finding(s) of ${rule.id}${where} suggest data about identifiable people`)
    const declared = answers.dataPersonal
    if (!declared) answers.dataPersonal = claim
    else if (declared.value !== 'individual') declared.conflict = {value: claim.value, source: claim.source, evidence: claim.evidence}
  }
  const columns = uriColumns(input)
  if (columns.length > 0) {
    const first = columns[0]
    answers.identifiers = answer(`check:${first.rule}`, 'true', `column "${first.fieldName}" of ${first.resource} holds HTTP URIs (${first.domains.join(', ')})`)
    const external = columns.find((c) => c.external.length > 0)
    if (external) {
      const evidence = `column "${external.fieldName}" of ${external.resource} links to ${external.external.join(', ')}`
      answers.existingExternalUrls = answer(`check:${external.rule}`, 'true', evidence)
      answers.externalUrls = answer(`check:${external.rule}`, 'true', evidence)
    }
  }
}

/** Every answer odcheck can give from the dataset's metadata and its checks' findings. */
export function answersFromEvidence(input: AssessInput): Answers {
  const answers: Answers = {}
  if (input.metadata) metadataAnswers(answers, input, input.metadata)
  formatAnswers(answers, input)
  checkAnswers(answers, input)
  return answers
}
