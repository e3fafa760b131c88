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

const SLASH = 0x2f
const QUESTION = 0x3f
const HASH = 0x23

/** The IRI up to the end of its authority (`http://host:port`), or up to its scheme's colon when it has none (`urn:`, `file:`). */
function schemeAndAuthority(iri: string): string {
  const colon = iri.indexOf(':')
  if (colon < 0) return iri
  if (iri.charCodeAt(colon + 1) !== SLASH || iri.charCodeAt(colon + 2) !== SLASH) return iri.slice(0, colon + 1)
  let end = colon + 3
  for (; end < iri.length; end++) {
    const c = iri.charCodeAt(end)
    if (c === SLASH || c === QUESTION || c === HASH) break
  }
  return iri.slice(0, end)
}

export function localKind(iri: string): LocalKind | undefined {
  const key = schemeAndAuthority(iri)
  const known = byAuthority.get(key)
  if (known !== undefined) return known ?? undefined
  const kind = classify(key)
  if (byAuthority.size < MAX_AUTHORITIES) byAuthority.set(key, kind ?? null)
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
