/**
 * Which IRIs only work on the author's own computer or network: file: IRIs (a converter's
 * input files, a temporary folder), and http(s) IRIs on localhost, a private or loopback
 * address, or an intranet host name (no dots, .local, .internal, .lan, .home.arpa).
 */
import {isIP} from 'node:net'
import {isPrivateAddress} from '../../load/http/addresses.js'
import {authorityEnd} from './authority.js'

export type LocalKind = 'file' | 'localhost' | 'private-network'

const INTRANET_SUFFIX = /\.(local|internal|intranet|lan|corp|home\.arpa)$/

/** Kinds by an IRI's scheme and authority (`http://data.gmdsp.org.uk`): a graph of millions of IRIs has few hosts, and classifying one costs several regular expressions. */
const byAuthority = new Map<string, LocalKind | null>()
const MAX_AUTHORITIES = 10_000
/** The last few authorities classified, newest first: subjects, predicates and objects each tend to share one, and comparing a prefix costs less than hashing it for the map. */
const recent: Array<{key: string; kind: LocalKind | undefined}> = []
const RECENT = 4

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
