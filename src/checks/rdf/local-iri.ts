/**
 * Which IRIs only work on the author's own computer or network: file: IRIs (a converter's
 * input files, a temporary folder), and http(s) IRIs on localhost, a private or loopback
 * address, or an intranet host name (no dots, .local, .internal, .lan, .home.arpa).
 */
import {isIP} from 'node:net'
import {isPrivateAddress} from '../../load/http/addresses.js'

export type LocalKind = 'file' | 'localhost' | 'private-network'

const INTRANET_SUFFIX = /\.(local|internal|intranet|lan|corp|home\.arpa)$/

/** Kinds by an IRI's scheme and authority (`http://data.gmdsp.org.uk`): a graph of millions of IRIs has few hosts, and classifying one costs several regular expressions. */
const byAuthority = new Map<string, LocalKind | null>()
const MAX_AUTHORITIES = 10_000
/** The last few authorities classified, newest first: subjects, predicates and objects each tend to share one, and comparing a prefix costs less than hashing it for the map. */
const recent: Array<{key: string; kind: LocalKind | undefined}> = []
const RECENT = 4

const SLASH = 0x2f

/** Where the IRI's authority ends (`http://host:port`), or just past its scheme's colon when it has none (`urn:`, `file:`). */
function authorityEnd(iri: string): number {
  const colon = iri.indexOf(':')
  if (colon < 0) return iri.length
  if (iri.charCodeAt(colon + 1) !== SLASH || iri.charCodeAt(colon + 2) !== SLASH) return colon + 1
  // indexOf, not a loop over the characters: several times faster on the parser's sliced strings.
  const from = colon + 3
  let end = iri.indexOf('/', from)
  if (end < 0) end = iri.length
  const query = iri.indexOf('?', from)
  if (query >= 0 && query < end) end = query
  const fragment = iri.indexOf('#', from)
  if (fragment >= 0 && fragment < end) end = fragment
  return end
}

export function localKind(iri: string): LocalKind | undefined {
  const end = authorityEnd(iri)
  // indexOf(key) === 0 rather than startsWith(key), which V8 runs about three times slower here.
  for (let i = 0; i < recent.length; i++) if (recent[i].key.length === end && iri.indexOf(recent[i].key) === 0) return recent[i].kind
  const key = iri.slice(0, end)
  const known = byAuthority.get(key)
  const kind = known === undefined ? classify(key) : (known ?? undefined)
  if (known === undefined && byAuthority.size < MAX_AUTHORITIES) byAuthority.set(key, kind ?? null)
  recent.unshift({key, kind})
  if (recent.length > RECENT) recent.pop()
  return kind
}

/** The kind of an IRI, read from its scheme and host alone. */
function classify(iri: string): LocalKind | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(iri)?.[1].toLowerCase()
  if (scheme === 'file') return 'file'
  if (scheme !== 'http' && scheme !== 'https') return undefined
  const host = /^https?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(iri)?.[1].toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')
  if (!host) return undefined
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost'
  if (isIP(host)) {
    if (/^127\./.test(host) || host === '::1' || host === '0.0.0.0') return 'localhost'
    return isPrivateAddress(host) ? 'private-network' : undefined
  }
  return !host.includes('.') || INTRANET_SUFFIX.test(host) ? 'private-network' : undefined
}
