/** How odcheck uses the network with --online: limits, retries and the link cache, with their defaults. */
import {homedir} from 'node:os'
import {join} from 'node:path'

export interface HttpSettings {
  /** Longest wait for each step of one attempt (DNS, connecting, the answer, and between chunks of a body), in ms. */
  timeoutMs: number
  /** Further attempts after a timeout, a dropped connection, 408, 429 or a 5xx answer. */
  retries: number
  /** First wait before retrying, in ms; it doubles with each retry (a server's Retry-After is honoured up to 30 s). */
  retryDelayMs: number
  /** Requests in flight at once. */
  concurrency: number
  /** Largest file odcheck downloads to check, in bytes; larger ones are not read. */
  maxBytes: number
  /** Contact loopback, private and link-local addresses (a test server, an intranet). */
  allowPrivateNetwork: boolean
  /** Folder of the link cache; none when absent (--no-cache). */
  cacheDir?: string
  /** How long a link that answered is trusted without asking again, in ms. */
  cacheMaxAgeMs: number
}

export const MB = 1024 * 1024

export const DEFAULT_HTTP: HttpSettings = {
  timeoutMs: 30_000,
  retries: 2,
  retryDelayMs: 1000,
  concurrency: 8,
  maxBytes: 500 * MB,
  allowPrivateNetwork: false,
  cacheMaxAgeMs: 24 * 60 * 60 * 1000,
}

/** Where the link cache lives unless told: $XDG_CACHE_HOME/odcheck, else ~/.cache/odcheck (%LOCALAPPDATA%\odcheck on Windows). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'odcheck')
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'odcheck', 'cache')
  return join(homedir(), '.cache', 'odcheck')
}

const UNITS: Record<string, number> = {'': 1, b: 1, kb: 1024, k: 1024, mb: MB, m: MB, gb: 1024 * MB, g: 1024 * MB}

/** "500MB", "2 GB", "64kb" or a plain number of bytes; undefined when it is none of those. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(text)
  if (!match) return undefined
  const bytes = Math.floor(Number(match[1]) * UNITS[match[2].toLowerCase()])
  return bytes > 0 ? bytes : undefined
}

