/**
 * Which addresses odcheck refuses to contact unless `--allow-private-network` is given:
 * loopback, private, link-local, unique-local, carrier-grade NAT, multicast and reserved
 * ranges, IPv4 and IPv6 (with IPv4 embedded in IPv6 read as IPv4). Metadata is written by
 * others: a link in it must not make odcheck probe the user's own network.
 */
import {lookup, type LookupAddress, type LookupAllOptions, type LookupOptions} from 'node:dns'
import {isIP} from 'node:net'

/** [first octet, second octet from, second octet to] of each refused IPv4 range, or a whole /8 with no second part. */
const PRIVATE_V4: Array<[number, number?, number?]> = [
  [0], // "this network"
  [10],
  [100, 64, 127], // carrier-grade NAT
  [127], // loopback
  [169, 254, 254], // link-local (cloud metadata services live here)
  [172, 16, 31],
  [192, 168, 168],
  [198, 18, 19], // benchmarking
]

function isPrivateV4(address: string): boolean {
  const [a, b, c] = address.split('.').map(Number)
  if (a >= 224) return true // multicast, reserved, broadcast
  if (a === 192 && b === 0 && c === 0) return true // IETF protocol assignments
  return PRIVATE_V4.some(([first, from, to]) => a === first && (from === undefined || (b >= from && b <= to!)))
}

/** The eight 16-bit groups of an IPv6 address, or undefined when it is not one. */
function groupsOf(address: string): number[] | undefined {
  let text = address.toLowerCase().replace(/%.*$/, '')
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1]
  if (v4) {
    const [a, b, c, d] = v4.split('.').map(Number)
    text = text.slice(0, -v4.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const fill = text.includes('::') ? 8 - left.length - right.length : 0
  const groups = [...left, ...Array<string>(Math.max(fill, 0)).fill('0'), ...right].map((g) => Number.parseInt(g, 16))
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined
}

function v4From(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
}

function isPrivateV6(address: string): boolean {
  const g = groupsOf(address)
  if (!g) return true
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0)
  if (zeros(8)) return true // unspecified
  if (zeros(7) && g[7] === 1) return true // loopback
  if (zeros(5) && g[5] === 0xffff) return isPrivateV4(v4From(g[6], g[7])) // IPv4-mapped
  if (zeros(6)) return isPrivateV4(v4From(g[6], g[7])) // IPv4-compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPrivateV4(v4From(g[6], g[7])) // NAT64
  if (g[0] === 0x2002) return isPrivateV4(v4From(g[1], g[2])) // 6to4
  if ((g[0] & 0xfe00) === 0xfc00) return true // unique local
  if ((g[0] & 0xffc0) === 0xfe80 || (g[0] & 0xffc0) === 0xfec0) return true // link-local, site-local
  if ((g[0] & 0xff00) === 0xff00) return true // multicast
  return g[0] === 0x100 && zeros(4) // discard prefix 100::/64
}

/** Whether odcheck may contact this IP address only with `--allow-private-network`. */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address)
  if (version === 4) return isPrivateV4(address)
  if (version === 6) return isPrivateV6(address)
  return true
}

/** Raised (as a value in results, never to the user) when a host is on a private network. */
export class PrivateNetworkError extends Error {
  readonly code = 'EPRIVATE'
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} is on a private network${host === address ? '' : ` (${address})`}, which odcheck does not contact unless --allow-private-network is given`)
    this.name = 'PrivateNetworkError'
  }
}

/** A URL whose host is written as a private IP address (DNS is never asked about those). */
export function literalRefusal(url: URL): PrivateNetworkError | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  return isIP(host) && isPrivateAddress(host) ? new PrivateNetworkError(host, host) : undefined
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * dns.lookup for the HTTP client: refuses a name that resolves to any private address. It
 * runs when the connection is made, so a name cannot pass a check and then resolve elsewhere.
 */
export function safeLookup(hostname: string, options: LookupOptions | LookupAllOptions | number | LookupCallback, callback?: LookupCallback): void {
  const done = (typeof options === 'function' ? options : callback) as LookupCallback
  const opts: LookupOptions = typeof options === 'object' ? options : typeof options === 'number' ? {family: options} : {}
  lookup(hostname, {...opts, all: true}, (error, addresses) => {
    if (error) return done(error, [])
    const refused = addresses.find((a) => isPrivateAddress(a.address))
    if (refused) return done(new PrivateNetworkError(hostname, refused.address) as unknown as NodeJS.ErrnoException, [])
    if (addresses.length === 0) return done(Object.assign(new Error(`${hostname} has no address`), {code: 'ENOTFOUND'}), [])
    if (opts.all) done(null, addresses)
    else done(null, addresses[0].address, addresses[0].family)
  })
}
