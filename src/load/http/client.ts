/**
 * The one HTTP client of a run (got, with odcheck's limits): a timeout for each step, retries
 * with backoff, a concurrency limit, refusal of private-network addresses unless allowed,
 * and credentials sent only to the origin they were given for. Every exchange ends in a value
 * (src/load/http/types.ts); nothing here throws at the caller.
 */
import type {IncomingHttpHeaders} from 'node:http'
import type {Readable} from 'node:stream'
import type {Got, Options} from 'got'
import {literalRefusal, safeLookup} from './addresses.js'
import {ExchangeError, failureOf, statusFailure} from './failures.js'
import {Limiter} from './limit.js'
import {withRetries} from './retry.js'
import {DEFAULT_HTTP, type HttpSettings} from './settings.js'
import type {HttpResult} from './types.js'

export const USER_AGENT = 'odcheck (+https://github.com/odcheck/odcheck)'

export interface ExchangeOptions<T> {
  method?: 'GET' | 'HEAD'
  accept?: string
  /** Reads the body of a 2xx answer; a throw (e.g. ExchangeError for too large) fails the exchange. Without it the body is not read. */
  consume?: (body: Readable, head: HttpResult) => Promise<T>
}

/** A URL as reports show it: without user:password. */
export function withoutUserInfo(url: URL | string): string {
  const parsed = new URL(url)
  parsed.username = ''
  parsed.password = ''
  return parsed.href
}

function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  return out
}

export class HttpClient {
  readonly settings: HttpSettings
  private got?: Promise<Got>
  private readonly limiter: Limiter
  /** user:password (percent-encoded, as in a URL) by origin, from URLs the user gave. */
  private readonly credentials = new Map<string, {username: string; password: string}>()

  constructor(settings: Partial<HttpSettings> = {}) {
    this.settings = {...DEFAULT_HTTP, ...settings}
    this.limiter = new Limiter(this.settings.concurrency)
  }

  /** got, imported on the first request: most runs are offline, and loading it costs every run's start-up. */
  private client(): Promise<Got> {
    this.got ??= import('got').then(({default: got}) => {
      const t = this.settings.timeoutMs
      const allowPrivate = this.settings.allowPrivateNetwork
      return got.extend({
        throwHttpErrors: false,
        followRedirect: true,
        maxRedirects: 10,
        // Retries are odcheck's own (retry.ts), the same for probes and streamed downloads.
        retry: {limit: 0},
        timeout: {lookup: t, connect: t, secureConnect: t, send: t, response: t, socket: t},
        headers: {'user-agent': USER_AGENT},
        dnsLookup: allowPrivate ? undefined : (safeLookup as Options['dnsLookup']),
        hooks: {
          // DNS is never asked about a host written as an IP address: check it here, on every hop.
          beforeRequest: allowPrivate
            ? []
            : [
                (options) => {
                  const refused = literalRefusal(options.url as URL)
                  if (refused) throw refused
                },
              ],
        },
      })
    })
    return this.got
  }

  /**
   * A URL the user gave, without its user:password, which are remembered for that origin
   * (scheme, host and port) and sent to nothing else.
   */
  withoutCredentials(url: string): string {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return url
    }
    if (!parsed.username && !parsed.password) return url
    this.credentials.set(parsed.origin, {username: parsed.username, password: parsed.password})
    return withoutUserInfo(parsed)
  }

  /** One exchange with retries: see ExchangeOptions. */
  request<T = undefined>(url: string, options: ExchangeOptions<T> = {}): Promise<HttpResult & {value?: T}> {
    return withRetries(this.settings.retries, this.settings.retryDelayMs, () => this.limiter.run(() => this.exchange(url, options)))
  }

  private async exchange<T>(rawUrl: string, options: ExchangeOptions<T>): Promise<HttpResult & {value?: T}> {
    let url: URL
    try {
      url = new URL(rawUrl)
    } catch {
      return {url: rawUrl, finalUrl: rawUrl, redirects: [], headers: {}, error: failureOf({code: 'ERR_INVALID_URL'}, 0)}
    }
    const shown = withoutUserInfo(url)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return {url: shown, finalUrl: shown, redirects: [], headers: {}, error: failureOf({code: 'ERR_UNSUPPORTED_PROTOCOL'}, 0)}
    const given = this.credentials.get(url.origin)
    if (given) {
      url.username = given.username
      url.password = given.password
    }
    const redirects: string[] = []
    const visited = new Set([shown.replace(/#.*$/, '')])
    const got = await this.client()
    return new Promise((resolve) => {
      let head: HttpResult | undefined
      let settled = false
      const settle = (result: HttpResult & {value?: T}) => {
        if (settled) return
        settled = true
        resolve(result)
      }
      const stream = got.stream(url, {
        method: options.method ?? 'GET',
        headers: {accept: options.accept ?? '*/*'},
        hooks: {
          beforeRedirect: [
            (next) => {
              const to = next.url as URL
              const target = withoutUserInfo(to)
              redirects.push(target)
              if (visited.has(target.replace(/#.*$/, ''))) throw new ExchangeError('ERR_REDIRECT_LOOP', `it redirects in a loop: ${[shown, ...redirects].join(' → ')}`)
              visited.add(target.replace(/#.*$/, ''))
              // got drops credentials when the host or port changes; odcheck also never sends them over plain HTTP once HTTPS was used.
              if (to.protocol === 'http:' && url.protocol === 'https:') {
                next.username = ''
                next.password = ''
                delete next.headers.authorization
              }
            },
          ],
        },
      })
      stream.once('response', async (response: {statusCode: number; url: string; headers: IncomingHttpHeaders}) => {
        head = {url: shown, finalUrl: withoutUserInfo(response.url), redirects, status: response.statusCode, headers: headersOf(response.headers)}
        if (response.statusCode < 200 || response.statusCode >= 300 || !options.consume) {
          stream.destroy()
          settle(response.statusCode < 200 || response.statusCode >= 300 ? {...head, error: statusFailure(response.statusCode)} : head)
          return
        }
        try {
          settle({...head, value: await options.consume(stream, head)})
        } catch (error) {
          stream.destroy()
          settle({...head, error: failureOf(error, this.settings.timeoutMs)})
        }
      })
      // An error after the answer began (a dropped connection mid-body) keeps what the answer said.
      stream.on('error', (error: Error) => settle({...(head ?? {url: shown, finalUrl: redirects.at(-1) ?? shown, redirects, headers: {}}), error: failureOf(error, this.settings.timeoutMs)}))
    })
  }
}
