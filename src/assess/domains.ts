/**
 * Whose URIs are whose: the dataset's own domains (from its metadata) versus other people's.
 * A link to another publisher's data is what earns the fifth star; a link to a vocabulary
 * (w3.org, schema.org, ...) describes the data's shape and does not count as one.
 */
import type {DatasetMetadata} from '../metadata/model.js'

/** Vocabulary hosts: their URIs name types and properties, not other people's data. */
const VOCABULARY_HOSTS = ['w3.org', 'xmlns.com', 'purl.org', 'schema.org', 'rdfs.org', 'creativecommons.org', 'opendatacommons.org']

/** Well-known hosts of UK and global reference linked data, external whoever publishes. */
export const LINKED_DATA_HUBS = [
  'statistics.data.gov.uk',
  'data.ordnancesurvey.co.uk',
  'reference.data.gov.uk',
  'opendatacommunities.org',
  'environment.data.gov.uk',
  'education.data.gov.uk',
  'transport.data.gov.uk',
  'business.data.gov.uk',
  'data.gov.uk',
  'id.loc.gov',
  'dbpedia.org',
  'wikidata.org',
  'sws.geonames.org',
  'viaf.org',
]

/** A host as the stars name it: lower case, without www. */
export function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '')
}

function within(host: string, domain: string): boolean {
  const h = bareHost(host)
  const d = bareHost(domain)
  return h === d || h.endsWith(`.${d}`)
}

export function hostOf(uri: string | undefined): string | undefined {
  if (!uri || !/^https?:\/\//i.test(uri.trim())) return undefined
  try {
    return bareHost(new URL(uri.trim()).hostname)
  } catch {
    return undefined
  }
}

/** Hosts the dataset's metadata says are its publisher's: publisher, landing page, files. */
export function ownDomains(metadata: DatasetMetadata | undefined): string[] {
  if (!metadata) return []
  const urls = [metadata.publisher?.url, metadata.landingPage, metadata.documentation, metadata.identifier, ...metadata.distributions.map((d) => d.url)]
  return [...new Set(urls.map(hostOf).filter((h): h is string => h !== undefined && !isLinkedDataHub(h)))]
}

/**
 * The publisher's own hosts, for judging the fifth star: the publisher's web address and the
 * dataset's identifier. Unlike ownDomains it leaves out the landing page, documentation and
 * download URLs, which are often a catalogue's (data.gov.uk, a council's data portal) and say
 * nothing about whose URIs the data uses: adding a landing page must not make links external.
 */
export function publisherDomains(metadata: DatasetMetadata | undefined): string[] {
  if (!metadata) return []
  return [...new Set([metadata.publisher?.url, metadata.identifier].map(hostOf).filter((h): h is string => h !== undefined && !isLinkedDataHub(h)))]
}

/** Whether a host is one of the well-known linked-data hubs (LINKED_DATA_HUBS). */
export function isLinkedDataHub(host: string): boolean {
  return LINKED_DATA_HUBS.some((hub) => within(host, hub))
}

export function isVocabulary(host: string): boolean {
  return VOCABULARY_HOSTS.some((v) => within(host, v))
}

/**
 * Whether URIs on `host` are other people's data. With the dataset's own domains known, any
 * other (non-vocabulary) host counts; without them, only the well-known hubs do. `alsoOwn` adds
 * domains known to be the dataset's from the data itself (an RDF file's subjects).
 */
export function isExternal(host: string, own: string[], alsoOwn: string[] = []): boolean {
  if (isVocabulary(host)) return false
  const mine = [...own, ...alsoOwn]
  if (mine.some((d) => within(host, d))) return false
  return mine.length > 0 || isLinkedDataHub(host)
}
