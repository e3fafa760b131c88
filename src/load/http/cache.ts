/**
 * The on-disk link cache: what a link answered (status, where it led, the headers the link
 * rules read; never a body), so a repeat run within the cache's age asks no server again.
 * Only answers that worked are kept: a broken link is asked again every run, as it is the one
 * a publisher is fixing. Files are written atomically; a damaged entry is ignored.
 */
import {createHash} from 'node:crypto'
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {HttpResult} from './types.js'

const VERSION = 1
/** The headers link rules read; the rest are not kept. */
const KEPT_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-disposition', 'last-modified', 'etag']

interface Entry {
  version: number
  scope: string
  url: string
  savedAt: number
  result: HttpResult
}

export class LinkCache {
  private readonly folder: string

  /**
   * `scope` keeps answers apart that were asked under different rules: a private-network
   * link that worked with --allow-private-network must not pass, from the cache, without it.
   */
  constructor(
    dir: string,
    private readonly maxAgeMs: number,
    private readonly scope = 'public',
  ) {
    this.folder = join(dir, 'links')
  }

  private file(url: string): string {
    return join(this.folder, `${createHash('sha256').update(`${this.scope} ${url}`).digest('hex')}.json`)
  }

  async get(url: string): Promise<HttpResult | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.file(url), 'utf8')) as Entry
      if (entry.version !== VERSION || entry.scope !== this.scope || entry.url !== url || !(Date.now() - entry.savedAt < this.maxAgeMs)) return undefined
      return {...entry.result, cached: true}
    } catch {
      return undefined
    }
  }

  async set(url: string, result: HttpResult): Promise<void> {
    const headers = Object.fromEntries(KEPT_HEADERS.filter((h) => result.headers[h] !== undefined).map((h) => [h, result.headers[h]]))
    const entry: Entry = {version: VERSION, scope: this.scope, url, savedAt: Date.now(), result: {url: result.url, finalUrl: result.finalUrl, redirects: result.redirects, status: result.status, headers}}
    const file = this.file(url)
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    try {
      await mkdir(this.folder, {recursive: true, mode: 0o700})
      await writeFile(temp, JSON.stringify(entry), {mode: 0o600})
      await rename(temp, file)
    } catch {
      // A cache that cannot be written (read-only home, full disk) only means asking again next time.
    }
  }
}
