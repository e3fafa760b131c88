/**
 * Which IRIs only work on the author's own computer or network: file: IRIs (a converter's
 * input files, a temporary folder), and http(s) IRIs on localhost, a private or loopback
 * address, or an intranet host name (no dots, .local, .internal, .lan, .home.arpa).
 */
import {isIP} from 'node:net'
import {isPrivateAddress} from '../../load/http/addresses.js'

export type LocalKind = 'file' | 'localhost' | 'private-network'

const INTRANET_SUFFIX = /\.(local|internal|intranet|lan|corp|home\.arpa)$/

export function localKind(iri: string): LocalKind | undefined {
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
