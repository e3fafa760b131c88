/**
 * Tim Berners-Lee's 5-star open data level, with the evidence for each star:
 * ★ on the web under an open licence; ★★ structured, machine-readable; ★★★ in a
 * non-proprietary format; ★★★★ URIs identify things; ★★★★★ links to other people's data.
 * Each star needs all the ones below it, and without an open licence there are none.
 */
import type {DatasetMetadata, Distribution} from '../../metadata/model.js'
import {recogniseLicence} from '../certificate/licence-choice.js'
import {MAX_HOSTS} from '../../checks/linking/column-profile.js'
import {hostOf, isExternal, isLinkedDataHub, isVocabulary, LINKED_DATA_HUBS, publisherDomains} from '../domains.js'
import {compatible, familyOf} from '../../checks/metadata/formats.js'
import {archiveFormat, formatFacts, type FormatFacts} from '../formats.js'
import type {AssessInput} from '../input.js'
import {distributionSource, filesText, metadataFiles, sourceOf} from '../provenance.js'
import {uriColumns} from '../uri-columns.js'
import {readCsvwUris, type CsvwUris} from './csvw.js'
import type {LinkedDataFiles} from './files.js'
import {countRdf, rdfSyntaxOf, summaryOf, type RdfSummary, type RdfSyntax} from './rdf.js'
import type {RdfUriFacts} from '../../checks/rdf/uri-profile.js'
import {RDF_SYNTAX_NAMES} from '../../load/rdf-kind.js'
import {listSome, plural} from '../../shared/text.js'

export {countRdf, rdfSyntaxOf, type RdfSummary} from './rdf.js'
export {readCsvwUris, type CsvwUris} from './csvw.js'
export {linkedDataFiles, type LinkedDataFiles} from './files.js'

export type StarCount = 0 | 1 | 2 | 3 | 4 | 5

export interface StarEvidence {
  star: 1 | 2 | 3 | 4 | 5
  met: boolean
  /** What shows it is met (or, when not, what was seen). */
  evidence: string[]
  /** What to do to earn it, when it is not met. */
  todo?: string
}

export interface StarsAssessment {
  /** The star level reached, 0–5. */
  level: StarCount
  /** ★★★☆☆ */
  rating: string
  levels: StarEvidence[]
  /** Problems reading RDF or CSVW files (they count as unread, not as failures). */
  problems: string[]
}

export interface LinkedDataFacts {
  rdf: RdfSummary[]
  csvw: CsvwUris[]
  /** Archives among the inputs, as reports name them: odcheck does not read inside them. */
  archives?: string[]
  /** Distributions listed by a local path that is not there (see files.ts). */
  missing?: Distribution[]
}

export const LINK_OPPORTUNITY_RULE = 'link-opportunity'

interface SeenFormat {
  facts: FormatFacts
  what: string
}

/** Formats that count for ★★ and ★★★, and distributions that do not count on the metadata's word alone, each with why. */
function formatsSeen(input: AssessInput, linked: LinkedDataFacts): {seen: SeenFormat[]; unseen: string[]} {
  const seen: SeenFormat[] = []
  const unseen: string[] = []
  // RDF files are said once, below, with their triples.
  const rdf = new Set(linked.rdf.filter((summary) => !summary.error).map((summary) => summary.path))
  for (const r of input.resources) {
    if (rdf.has(r.path)) continue
    const facts = r.readable ? formatFacts(r.format, r.path) : undefined
    const packed = r.compression === 'zip' ? ' inside a ZIP archive' : r.compression === 'tar' ? ' inside a tar archive' : r.compression === 'gz' ? ', gzip-compressed' : ''
    if (facts) seen.push({facts, what: `${r.path} (${facts.format.toUpperCase()}${packed}, read by odcheck)`})
  }
  for (const summary of linked.rdf) {
    if (!summary.error && summary.triples > 0) seen.push({facts: formatFacts(summary.syntax, summary.path)!, what: `${summary.path} (${RDF_SYNTAX_NAMES[summary.syntax]}, ${plural(summary.triples, 'triple')})`})
  }
  for (const d of input.metadata?.distributions ?? []) {
    const facts = formatFacts(d.format, d.mediaType, d.path, d.url)
    if (!facts) continue
    const name = d.title ?? d.path ?? d.url ?? 'a distribution'
    const format = facts.format.toUpperCase()
    const listed = `listed in ${distributionSource(input, d)}`
    // Titles often end with the format already: "Street lighting inventory (CSV)".
    const shown = name.toUpperCase().endsWith(`(${format})`) ? name : `${name}, ${format}`
    const disagreement = formatDisagreement(d)
    if (linked.missing?.includes(d)) unseen.push(`${shown} (${listed}) is not there, so its format is only the metadata's word: not counted`)
    else if (disagreement) unseen.push(`${name} (${listed}) ${disagreement}: not counted, as odcheck cannot tell which is right`)
    else seen.push({facts, what: `${shown} (${listed})`})
  }
  return {seen, unseen}
}

/** "has the format CSV but the media type text/html" when the two name kinds of file that cannot be the same (as metadata-mismatch reports). */
function formatDisagreement(d: Distribution): string | undefined {
  const format = familyOf(d.format)
  const media = familyOf(d.mediaType)
  if (!format || !media || compatible(format, media)) return undefined
  return `has the format ${d.format} but the media type ${d.mediaType}`
}

/** Archives the data may be in, from the inputs and the metadata's distributions, each said as evidence. */
function archivesSeen(input: AssessInput, linked: LinkedDataFacts): string[] {
  const seen = (linked.archives ?? []).map((path) => `${path} (${archiveFormat(path)!.toUpperCase()} archive: odcheck reads inside .zip, .gz and tar files only)`)
  for (const d of input.metadata?.distributions ?? []) {
    if (formatFacts(d.format, d.mediaType, d.path, d.url)) continue
    const archive = archiveFormat(d.format, d.mediaType, d.path, d.url)
    if (archive) seen.push(`${d.title ?? d.path ?? d.url ?? 'a distribution'}, ${archive.toUpperCase()} archive (listed in ${distributionSource(input, d)}): odcheck reads the files inside a .zip or .gz only when given the archive to check`)
  }
  return seen
}

function licenceStar(input: AssessInput): StarEvidence {
  const ref = input.metadata?.licence
  const licence = recogniseLicence(ref)
  if (!licence || !ref) {
    // Metadata found but not usable (not well-formed JSON, say) may well name a licence: it is not "no metadata".
    const unusable = input.unusableMetadata ?? []
    if (!input.metadata && unusable.length > 0) {
      return {star: 1, met: false, evidence: [`no usable metadata names a licence: ${listSome(unusable, 3)} could not be used`], todo: `Fix ${unusable[0]} (\`odcheck check\` says what to fix), and make sure it names an open licence such as the Open Government Licence.`}
    }
    return {star: 1, met: false, evidence: [input.metadata ? `${filesText(metadataFiles(input))} ${metadataFiles(input).length > 1 ? 'name' : 'names'} no licence` : 'no metadata file with a licence was found'], todo: 'Publish the data under an open licence (e.g. the Open Government Licence) and say so in its metadata.'}
  }
  const named = `${licence.name}${licence.url ? ` (${licence.url})` : ''}, from ${sourceOf(input, 'licence').path}`
  if (licence.open === true) {
    const web = [input.metadata!.landingPage, ...input.metadata!.distributions.map((d) => d.url)].find((u) => u && /^https?:/i.test(u))
    return {star: 1, met: true, evidence: [`open licence: ${named}`, web ? `on the web at ${web}` : 'no web address in the metadata yet: the star assumes the data will be published online']}
  }
  return {
    star: 1,
    met: false,
    evidence: [licence.open === false ? `${named} is not an open licence` : `${named} is not a licence odcheck knows to be open`],
    todo: 'Use an open licence (Open Definition conformant), such as OGL, CC BY, CC BY-SA, CC0 or ODbL.',
  }
}

function formatStar(star: 2 | 3, {seen, unseen}: {seen: SeenFormat[]; unseen: string[]}, key: 'structured' | 'nonProprietary', archives: string[]): StarEvidence {
  const good = seen.filter((s) => s.facts.structured && s.facts[key])
  // Files that do not count are named even when others earn the star, so a user sees why they were left out.
  if (good.length > 0) return {star, met: true, evidence: [...good.map((s) => s.what), ...unseen]}
  const evidence = [...seen.map((s) => s.what), ...unseen, ...archives]
  // Only archives to go on: the data may well be a CSV, but neither odcheck nor a user's browser can tell without unpacking it.
  const structured = seen.some((s) => s.facts.structured)
  const inArchive = archives.length > 0 && (star === 2 ? !structured : seen.length === 0)
  const todo = inArchive
    ? 'Publish the data file itself (e.g. the CSV) beside or instead of the archive: users should not have to unpack one to see the data.'
    : unseen.length > 0 && seen.length === 0
      ? "Make each file's listed format and media type agree with what it is, and publish the files the metadata lists (a link to a web page about the data is not the data)."
      : star === 2
        ? 'Publish the data as structured data (a spreadsheet or CSV), not as a PDF or image.'
        : 'Publish the data in a non-proprietary format such as CSV, JSON or XML as well as (or instead of) Excel.'
  return {star, met: false, evidence: evidence.length > 0 ? evidence : ['no data file in a known format'], todo}
}

function hostsText(hosts: string[], max = 3): string {
  return hosts.slice(0, max).join(', ') + (hosts.length > max ? `, … (${hosts.length}${hosts.length >= MAX_HOSTS ? ' or more' : ''} hosts)` : '')
}

/**
 * ★★★★ from URIs that identify things (RDF subjects, CSVW URL templates, columns of linked-data
 * URIs), never from links to web pages; ★★★★★ from those same kinds of URI on other people's
 * domains, so the fifth star never rests on something the fourth did not count.
 */
function uriStars(input: AssessInput, linked: LinkedDataFacts): [StarEvidence, StarEvidence] {
  const things: string[] = []
  const links: string[] = []
  const pages: string[] = []
  const own = publisherDomains(input.metadata)
  // The hosts of the data's own things (RDF subjects, CSVW aboutUrl) are its publisher's too, as rdf.ts and csvw.ts judge them.
  const dataOwn = [...linked.rdf.flatMap((r) => (r.error ? [] : r.subjectDomains)), ...linked.csvw.flatMap((c) => (c.error ? [] : c.aboutUrls.map(hostOf).filter((h): h is string => h !== undefined)))]
  /** Hosts of identifying URIs that could be anyone's: not counted when the publisher's own domain is unknown. */
  const undecided = new Set<string>()
  for (const r of linked.rdf) {
    if (r.error) continue
    if (r.subjects > 0) things.push(`${r.path}: ${plural(r.subjects, 'subject')} with HTTP URIs (${r.subjectDomains.join(', ')})${r.approximate ? ', approximate' : ''}`)
    if (r.externalObjects > 0) links.push(`${r.path}: ${plural(r.externalObjects, 'link')} to ${r.externalDomains.join(', ')}`)
  }
  for (const c of linked.csvw) {
    if (c.error) continue
    const templates = [...c.aboutUrls.map((t) => `aboutUrl ${t}`), ...c.valueUrls.map((t) => `valueUrl ${t}`), ...c.propertyUrls.map((t) => `propertyUrl ${t}`)]
    if (templates.length > 0) things.push(`${c.path}: ${templates.slice(0, 3).join('; ')}`)
    if (c.externalDomains.length > 0) links.push(`${c.path}: valueUrl templates on ${c.externalDomains.join(', ')}`)
  }
  for (const col of uriColumns(input)) {
    if (!col.identifies) {
      pages.push(`${col.resource}: column "${col.fieldName}" holds ${plural(col.uris, 'link')} to web pages (${hostsText(col.domains)}), not URIs that identify things`)
      continue
    }
    things.push(`${col.resource}: column "${col.fieldName}" holds ${plural(col.uris, 'HTTP URI')} (${col.identifierDomains.join(', ')})`)
    const external = col.identifierDomains.filter((d) => isExternal(d, own, dataOwn))
    if (external.length > 0) links.push(`${col.resource}: column "${col.fieldName}" links to ${external.join(', ')}`)
    if (own.length === 0 && dataOwn.length === 0) for (const d of col.identifierDomains) if (!isVocabulary(d) && !isLinkedDataHub(d)) undecided.add(d)
  }
  // link-opportunity finds things denoted by plain codes rather than URIs: advice for the fourth star, as its message says.
  const opportunities = input.findings.filter((f) => f.rule === LINK_OPPORTUNITY_RULE)
  const hints = opportunities.slice(0, 3).map((f) => `column "${f.fieldName}" of ${f.resource} holds ${f.details?.kindName ?? f.details?.kind}, which have well-known URIs: use ${f.details?.uriTemplate}`)
  const four: StarEvidence =
    things.length > 0
      ? {star: 4, met: true, evidence: things}
      : {
          star: 4,
          met: false,
          evidence: ['no HTTP URIs found naming the things in the data', ...pages],
          todo: hints.length > 0 ? `Use URIs to denote things: ${hints.join('; ')}` : 'Use HTTP URIs to identify the things in the data (an identifier column of URIs, CSVW aboutUrl/valueUrl, or RDF); links to web pages do not count.',
        }
  const basis =
    undecided.size > 0
      ? [`URIs on ${hostsText([...undecided])} were not counted as other people's: the metadata gives no web address for the publisher (its publisher's url or the dataset's identifier), so only well-known linked-data hosts (${LINKED_DATA_HUBS.slice(0, 4).join(', ')}, …) count`]
      : []
  const five: StarEvidence =
    links.length > 0
      ? {star: 5, met: true, evidence: [...links, ...basis]}
      : {
          star: 5,
          met: false,
          evidence: [things.length > 0 ? "none of the URIs that identify things are on other publishers' domains" : "no URIs identifying things, so none on other publishers' domains", ...basis],
          todo: "Link your data to other people's data to give it context, e.g. ONS geography URIs on statistics.data.gov.uk.",
        }
  return [four, five]
}

export function computeStars(input: AssessInput, linked: LinkedDataFacts = {rdf: [], csvw: []}): StarsAssessment {
  const seen = formatsSeen(input, linked)
  const archives = archivesSeen(input, linked)
  const levels: StarEvidence[] = [licenceStar(input), formatStar(2, seen, 'structured', archives), formatStar(3, seen, 'nonProprietary', archives), ...uriStars(input, linked)]
  const firstUnmet = levels.findIndex((l) => !l.met)
  const stars = (firstUnmet < 0 ? 5 : firstUnmet) as StarCount
  const problems = [...linked.rdf, ...linked.csvw].flatMap((f) => (f.error ? [f.error] : []))
  return {level: stars, rating: '★'.repeat(stars) + '☆'.repeat(5 - stars), levels, problems}
}

const NO_URIS: RdfUriFacts = {subjects: 0, subjectHosts: [], objectHosts: []}

/** What the run's rdf-uri-profile rule found in an RDF file it read. */
export interface ProfiledRdf {
  syntax: RdfSyntax
  triples: number
  uris: RdfUriFacts
}

/**
 * The RDF and CSVW files found by linkedDataFiles, as the stars see them: an RDF file the run
 * profiled (`profiled`, by path) from its facts, any other read here; `name` turns a path into
 * the name reports use.
 */
export async function readLinkedData(files: LinkedDataFiles, metadata: DatasetMetadata | undefined, name: (path: string) => string = (p) => p, profiled = new Map<string, ProfiledRdf>()): Promise<LinkedDataFacts> {
  const own = publisherDomains(metadata)
  const named = (path: string) => files.names?.[path] ?? name(path)
  const rdf = await Promise.all(
    files.rdf.map(async (path) => {
      const run = profiled.get(path)
      if (run) return {...summaryOf(path, run.syntax, run.triples, run.uris, own), path: named(path)}
      // A file decompressed from an archive is gone once the run ends: only the run's facts tell of it.
      if (files.names?.[path]) return {...summaryOf(path, rdfSyntaxOf(path) ?? 'turtle', 0, NO_URIS), path: named(path), error: `${named(path)} was not profiled, as the rdf-uri-profile rule was off: turn it on (--rule rdf-uri-profile=info) for the stars to count its URIs`}
      return {...(await countRdf(path, {ownDomains: own, name: named(path)})), path: named(path)}
    }),
  )
  const csvw = await Promise.all(files.csvw.map(async (path) => ({...(await readCsvwUris(path, own)), path: name(path)})))
  return {rdf, csvw, archives: files.archives.map(name), missing: files.missing}
}
