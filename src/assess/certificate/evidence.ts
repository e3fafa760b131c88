/**
 * Answers certificate questions from what odcheck can see: the dataset's normalised metadata and
 * the findings of its checks. Each answer names its source and the evidence it rests on. A
 * question the evidence does not settle is left out (unknown), never guessed: unlike the ODI's
 * autocomplete, odcheck does not assume rights, origin or the absence of personal data.
 */
import type {DatasetMetadata, LicenceRef} from '../../metadata/model.js'
import {isRdfFormat, RDF_SYNTAX_NAMES} from '../../load/rdf-kind.js'
import {plural} from '../../shared/text.js'
import {formatFacts} from '../formats.js'
import type {AssessInput} from '../input.js'
import {distributionSource, filesText, metadataFiles, sourceOf, sourceText, type MetadataProperty} from '../provenance.js'
import {uriColumns} from '../uri-columns.js'
import type {Answer, AnswerSource, Answers} from './answers.js'
import {recogniseLicence} from './licence-choice.js'
import {linkState, WORKS, type LinkProperty, type WithheldLink} from './links.js'

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

interface LinkCandidate {
  property: LinkProperty
  url: string
  source: AnswerSource
  evidence: string
}

/**
 * The first candidate link that is not known to be broken, as an answer (noting that it worked
 * when it was asked for); when every one was found broken, none, and they go to `withheld`.
 */
function linkAnswer(input: AssessInput, withheld: WithheldLink[], question: string, candidates: LinkCandidate[]): Answer | undefined {
  const broken: WithheldLink[] = []
  for (const c of candidates) {
    const state = linkState(input, question, c.property, c.url)
    if (state.checked && state.broken) {
      broken.push(state.broken)
      continue
    }
    return answer(c.source, c.url, state.checked ? `${c.evidence}, ${WORKS}` : c.evidence)
  }
  withheld.push(...broken)
  return undefined
}

function set(answers: Answers, question: string, value: Answer | undefined): void {
  if (value) answers[question] = value
}

function licenceAnswers(answers: Answers, input: AssessInput, ref: LicenceRef | undefined, property: 'licence' | 'contentLicence', withheld: WithheldLink[]): void {
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
  // The link checked is the one the metadata writes; a URL odcheck knows for the licence was not asked for.
  const checked = licence.url !== undefined && licence.url === ref.url?.trim()
  if (checked) set(answers, `other${prefix}LicenceURL`, linkAnswer(input, withheld, `other${prefix}LicenceURL`, [{property, url: licence.url!, source, evidence}]))
  else if (licence.url) answers[`other${prefix}LicenceURL`] = answer(source, licence.url, evidence)
  if (licence.open !== undefined) answers[`other${prefix}LicenceOpen`] = answer(source, String(licence.open), `${evidence}, ${licence.open ? 'an open licence' : 'not an open licence'}`)
}

function documentationAnswers(answers: Answers, input: AssessInput, m: DatasetMetadata): void {
  const works = (url: string | undefined) => {
    if (!isWebUrl(url)) return false
    const state = linkState(input, 'distributionMetadata', 'distribution', url)
    return !(state.checked && state.broken)
  }
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
    // A download link found broken (--online) is no download URL.
    ['downloadURL', (d) => works(d.url)],
    ['byteSize', (d) => d.bytes !== undefined],
    ['mediaType', (d) => d.mediaType],
  ]
  const all = every.filter(([, has]) => files.every((d) => Boolean(has(d)))).map(([choice]) => choice)
  if (all.length > 0) answers.distributionMetadata = answer('metadata:distributions', all, `${files.length === 1 ? 'the one distribution' : `every one of the ${files.length} distributions`} in ${distributionSource(input)} has ${all.join(', ')}`)
}

function metadataAnswers(answers: Answers, input: AssessInput, m: DatasetMetadata, withheld: WithheldLink[]): void {
  const cite = (property: MetadataProperty, value: string) => from(input, property, value)
  if (m.title?.trim()) answers.dataTitle = answer('metadata:title', m.title.trim(), cite('title', m.title.trim()))
  if (m.publisher?.name?.trim()) answers.publisher = answer('metadata:publisher', m.publisher.name.trim(), cite('publisher', m.publisher.name.trim()))
  if (isWebUrl(m.publisher?.url)) answers.publisherUrl = answer('metadata:publisher', m.publisher.url, cite('publisher', m.publisher.url))
  const page = (property: 'landingPage' | 'documentation', url: string | undefined): LinkCandidate[] => (isWebUrl(url) ? [{property, url, source: `metadata:${property}`, evidence: cite(property, url)}] : [])
  set(answers, 'documentationUrl', linkAnswer(input, withheld, 'documentationUrl', [...page('landingPage', m.landingPage), ...page('documentation', m.documentation)]))
  set(answers, 'technicalDocumentation', linkAnswer(input, withheld, 'technicalDocumentation', page('documentation', m.documentation)))
  licenceAnswers(answers, input, m.licence, 'licence', withheld)
  licenceAnswers(answers, input, m.contentLicence, 'contentLicence', withheld)
  if (isWebUrl(m.rights)) answers.copyrightURL = answer('metadata:rights', m.rights.trim(), cite('rights', m.rights.trim()))
  if (m.personalData) answers.dataPersonal = answer('metadata:personalData', m.personalData, cite('personalData', m.personalData))
  // An address people can write to is the better answer; a contact's web page is next best.
  const contact = m.contactPoint?.email ? `mailto:${m.contactPoint.email.replace(/^mailto:/i, '')}` : isWebUrl(m.contactPoint?.url) ? m.contactPoint.url : undefined
  if (contact) answers.contactUrl = answer('metadata:contactPoint', contact, cite('contactPoint', contact))
  const downloads = m.distributions.flatMap((d): LinkCandidate[] => (isWebUrl(d.url) ? [{property: 'distribution', url: d.url, source: 'metadata:distributions', evidence: `${distributionSource(input, d)}: ${JSON.stringify(d.url)}`}] : []))
  set(answers, 'datasetUrl', linkAnswer(input, withheld, 'datasetUrl', downloads))
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
    if (facts) seen.push({facts, source: 'check:source-error', what: isRdfFormat(r.format) ? `${r.path} was read as ${RDF_SYNTAX_NAMES[r.format]} (RDF data)` : `${r.path} was read as a ${facts.format.toUpperCase()} table`})
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
    const claim = answer(`check:${rule.id}`, 'individual', `${plural(rule.count, 'finding')} of ${rule.id}${where} ${rule.count === 1 ? 'suggests' : 'suggest'} data about identifiable people`)
    const declared = answers.dataPersonal
    if (!declared) answers.dataPersonal = claim
    else if (declared.value !== 'individual') declared.conflict = {value: claim.value, source: claim.source, evidence: claim.evidence}
  }
  // "Persistent identifiers" and "third-party information about things": a column of web-page addresses is neither.
  const columns = uriColumns(input).filter((c) => c.identifies)
  if (columns.length > 0) {
    const first = columns[0]
    answers.identifiers = answer(`check:${first.rule}`, 'true', `column "${first.fieldName}" of ${first.resource} identifies things with HTTP URIs (${first.identifierDomains.join(', ')})`)
    const external = columns.find((c) => c.identifierDomains.some((d) => c.external.includes(d)))
    if (external) {
      const evidence = `column "${external.fieldName}" of ${external.resource} links to ${external.identifierDomains.filter((d) => external.external.includes(d)).join(', ')}`
      answers.existingExternalUrls = answer(`check:${external.rule}`, 'true', evidence)
      answers.externalUrls = answer(`check:${external.rule}`, 'true', evidence)
    }
  }
}

/**
 * Every answer odcheck can give from the dataset's metadata and its checks' findings. Links the
 * metadata gives that were found broken (--online) are no answers; they are added to `withheld`.
 */
export function answersFromEvidence(input: AssessInput, withheld: WithheldLink[] = []): Answers {
  const answers: Answers = {}
  if (input.metadata) metadataAnswers(answers, input, input.metadata, withheld)
  formatAnswers(answers, input)
  checkAnswers(answers, input)
  return answers
}
