/**
 * Recognises a licence from however metadata writes it: an SPDX or CKAN id, a title, a URL
 * (any scheme, `www.`, trailing slash, `/legalcode`, `deed.en`), or free text that mentions one.
 * The match records how it was made so reports can show their evidence.
 */
import type {LicenceRef} from '../model.js'
import {licences, type LicenceEntry} from './table.js'
import {looksLikeUrl, titleKey, urlCandidates, urlKey, urlsIn} from './normalise.js'

export type MatchMethod = 'id' | 'url' | 'title' | 'text'

export interface LicenceMatch {
  licence: LicenceEntry
  method: MatchMethod
  /** The value that matched, as written. */
  value: string
  /** The value named no version (e.g. the version-less OGL page) and was read as `licence`, the current one. */
  versionAssumed?: boolean
  /** A Creative Commons port the table has no entry for, read as the unported licence of that version. */
  port?: string
}

interface Indexes {
  ids: Map<string, LicenceEntry>
  urls: Map<string, LicenceEntry>
  versionlessUrls: Map<string, LicenceEntry>
  titles: Map<string, LicenceEntry>
  versionlessTitles: Map<string, LicenceEntry>
  /** Title keys worth finding inside free text, longest first. */
  phrases: Array<{key: string; licence: LicenceEntry; versionless: boolean}>
}

/** Single-word titles distinctive enough to be found inside free text. */
const PHRASE_WORDS = new Set(['ogl', 'odbl', 'pddl', 'ncgl', 'cc0'])

const STATUS_RANK: Record<LicenceEntry['status'], number> = {active: 0, superseded: 1, retired: 2, deprecated: 3}

/**
 * Builds a key → licence map. A key claimed by several licences goes to the one in the best
 * standing (active before deprecated); when that still leaves more than one, the key is
 * ambiguous and left out, so it is reported as unknown rather than guessed.
 */
function resolve(claims: Map<string, Set<LicenceEntry>>): Map<string, LicenceEntry> {
  const out = new Map<string, LicenceEntry>()
  for (const [key, set] of claims) {
    const entries = [...set]
    const best = Math.min(...entries.map((e) => STATUS_RANK[e.status]))
    const winners = entries.filter((e) => STATUS_RANK[e.status] === best)
    if (winners.length === 1) out.set(key, winners[0])
  }
  return out
}

function claim(claims: Map<string, Set<LicenceEntry>>, key: string | undefined, entry: LicenceEntry): void {
  if (!key) return
  const set = claims.get(key) ?? new Set()
  set.add(entry)
  claims.set(key, set)
}

/** A listed URL and, for a legal-code or deed page, the licence page it belongs to. */
function storedUrlKeys(url: string): string[] {
  const key = urlKey(url)
  if (!key) return []
  const page = /\/(?:legalcode|deed)(?:\.[a-z_-]+)?$/.exec(key)
  return page ? [key, key.slice(0, page.index)] : [key]
}

function buildIndexes(): Indexes {
  const ids = new Map<string, LicenceEntry>()
  for (const l of licences) ids.set(l.id.toLowerCase(), l)
  for (const l of licences) for (const id of l.ids) if (!ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), l)

  const urlClaims = new Map<string, Set<LicenceEntry>>()
  const versionlessUrlClaims = new Map<string, Set<LicenceEntry>>()
  const titleClaims = new Map<string, Set<LicenceEntry>>()
  const versionlessTitleClaims = new Map<string, Set<LicenceEntry>>()
  for (const l of licences) {
    for (const url of l.urls) for (const key of storedUrlKeys(url)) claim(urlClaims, key, l)
    for (const url of l.versionless.urls) for (const key of storedUrlKeys(url)) claim(versionlessUrlClaims, key, l)
    for (const title of [l.title, ...l.aliases]) claim(titleClaims, titleKey(title), l)
    for (const title of l.versionless.aliases) claim(versionlessTitleClaims, titleKey(title), l)
  }
  const titles = resolve(titleClaims)
  const versionlessTitles = resolve(versionlessTitleClaims)
  // An id written as a title ("OGL UK 3.0") is a title too, unless a real title already has that key.
  for (const l of licences) {
    const key = titleKey(l.id)
    if (key && !titles.has(key) && !titleClaims.has(key)) titles.set(key, l)
  }
  const phrases: Indexes['phrases'] = []
  const addPhrases = (map: Map<string, LicenceEntry>, versionless: boolean) => {
    for (const [key, licence] of map) {
      if (key.includes(' ') || PHRASE_WORDS.has(key)) phrases.push({key, licence, versionless})
    }
  }
  addPhrases(titles, false)
  addPhrases(versionlessTitles, true)
  phrases.sort((a, b) => b.key.length - a.key.length)
  return {ids, urls: resolve(urlClaims), versionlessUrls: resolve(versionlessUrlClaims), titles, versionlessTitles, phrases}
}

let indexes: Indexes | undefined
const index = (): Indexes => (indexes ??= buildIndexes())

/** Sites that name licences by id in the path: spdx.org/licenses/MIT.html, opendefinition.org/licenses/cc-by. */
const ID_IN_PATH = /^(?:spdx\.org\/licenses|(?:licenses\.)?opendefinition\.org\/licenses|opensource\.org\/licenses?)\/([^/]+?)(?:\.html|\.json)?$/
/** creativecommons.org/licenses/by-sa/2.0/uk → the port and its unported licence. */
const CC_PORT = /^(creativecommons\.org\/licenses\/[a-z-]+\/\d\.\d)\/([a-z]{2,12})$/

function matchUrl(value: string, method: MatchMethod): LicenceMatch | undefined {
  const key = urlKey(value)
  if (!key) return undefined
  const {ids, urls, versionlessUrls} = index()
  const candidates = urlCandidates(key)
  for (const candidate of candidates) {
    const licence = urls.get(candidate)
    if (licence) return {licence, method, value}
  }
  for (const candidate of candidates) {
    const byId = ID_IN_PATH.exec(candidate)
    const licence = byId ? ids.get(byId[1]) : undefined
    if (licence) return {licence, method, value}
  }
  for (const candidate of candidates) {
    const port = CC_PORT.exec(candidate)
    const licence = port ? urls.get(port[1]) : undefined
    if (licence && port) return {licence, method, value, port: port[2].toUpperCase()}
  }
  for (const candidate of candidates) {
    const licence = versionlessUrls.get(candidate)
    if (licence) return {licence, method, value, versionAssumed: true}
  }
  return undefined
}

function matchTitle(value: string): LicenceMatch | undefined {
  const {ids, titles, versionlessTitles} = index()
  const inner = [...value.matchAll(/\(([^)]*)\)/g)].map((m) => m[1])
  const variants = [value, value.replace(/\([^)]*\)/g, ' '), ...inner]
  for (const variant of variants) {
    const byId = ids.get(variant.trim().toLowerCase())
    if (byId) return {licence: byId, method: 'id', value}
    const byTitle = titles.get(titleKey(variant))
    if (byTitle) return {licence: byTitle, method: 'title', value}
  }
  for (const variant of variants) {
    const licence = versionlessTitles.get(titleKey(variant))
    if (licence) return {licence, method: 'title', value, versionAssumed: true}
  }
  return undefined
}

/** A licence mentioned inside longer text: a URL in it, or the longest known title it contains. */
function matchText(value: string): LicenceMatch | undefined {
  for (const url of urlsIn(value)) {
    const match = matchUrl(url, 'text')
    if (match) return {...match, value}
  }
  const padded = ` ${titleKey(value)} `
  const found = index().phrases.filter((p) => padded.includes(` ${p.key} `))
  if (found.length === 0) return undefined
  const longest = found.filter((p) => p.key.length === found[0].key.length)
  if (new Set(longest.map((p) => p.licence)).size > 1) return undefined
  const best = longest.find((p) => !p.versionless) ?? longest[0]
  return {licence: best.licence, method: 'text', value, ...(best.versionless ? {versionAssumed: true} : {})}
}

/** The licence a single value names, or undefined when it names none odcheck knows. */
export function recogniseLicence(value: string | undefined): LicenceMatch | undefined {
  const text = value?.trim().replace(/^["']|["']$/g, '').trim()
  if (!text) return undefined
  if (looksLikeUrl(text)) return matchUrl(text, 'url')
  const byId = index().ids.get(text.toLowerCase())
  if (byId) return {licence: byId, method: 'id', value: text}
  return matchTitle(text) ?? matchText(text)
}

export interface LicenceRefMatch extends LicenceMatch {
  /** Which part of the reference matched. */
  field: 'url' | 'raw' | 'title'
}

/** Tries a metadata licence reference's URL, then its raw value, then its title. */
export function recogniseLicenceRef(ref: LicenceRef | undefined): LicenceRefMatch | undefined {
  if (!ref) return undefined
  for (const field of ['url', 'raw', 'title'] as const) {
    const match = recogniseLicence(ref[field])
    if (match) return {...match, field}
  }
  return undefined
}
