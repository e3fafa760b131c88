/**
 * Asks whether a link works without downloading it: HEAD, then GET (reading no body) when the
 * server does not answer HEAD properly. Each URL is asked once per run, and answers that
 * worked come from the link cache on repeat runs.
 */
import {LinkCache} from './cache.js'
import type {HttpClient} from './client.js'
import {isOk, type HttpResult} from './types.js'

/** Answers to HEAD that say more about the server's HEAD support than about the link. */
function headNotSupported(result: HttpResult): boolean {
  const status = result.status
  if (status === undefined) return false
  return status === 501 || (status >= 400 && status < 500 && status !== 404 && status !== 410 && status !== 429)
}

export class LinkProber {
  private readonly cache?: LinkCache
  private readonly asked = new Map<string, Promise<HttpResult>>()

  constructor(private readonly client: HttpClient) {
    const {cacheDir, cacheMaxAgeMs, allowPrivateNetwork} = client.settings
    if (cacheDir) this.cache = new LinkCache(cacheDir, cacheMaxAgeMs, allowPrivateNetwork ? 'private-network-allowed' : 'public')
  }

  probe(url: string): Promise<HttpResult> {
    let found = this.asked.get(url)
    if (!found) {
      found = this.ask(url)
      this.asked.set(url, found)
    }
    return found
  }

  private async ask(url: string): Promise<HttpResult> {
    const cached = await this.cache?.get(url)
    if (cached) return cached
    let result: HttpResult = await this.client.request(url, {method: 'HEAD'})
    if (headNotSupported(result)) result = await this.client.request(url, {method: 'GET'})
    if (isOk(result)) await this.cache?.set(url, result)
    return result
  }
}
