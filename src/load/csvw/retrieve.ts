/**
 * Reads the documents CSVW processing needs by URL: local files (`file:`), and over HTTP only
 * when the run allows it (a URL given as an input), through the run's HTTP client
 * (src/load/http: timeouts, retries, size limit, private-network refusal). HTTP tables are
 * saved to a temporary folder so the engine reads them like any local file. Every failure is
 * a value, never a throw.
 */
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {HttpClient} from '../http/client.js'
import {downloadTo, fetchText} from '../http/download.js'
import type {HttpResult} from '../http/types.js'

export interface RetrieveOptions {
  /** Whether http(s) URLs may be fetched at all. */
  online: boolean
  /** Whether hosts on loopback or private networks may be fetched (tests, intranets); ignored when `client` is given. */
  allowPrivateNetwork?: boolean
  /** The run's HTTP client, shared with the other online work; one is made when absent. */
  client?: HttpClient
}

export interface Retrieved {
  url: string
  /** Local file holding the content. */
  path?: string
  /** The content, for documents (metadata). */
  text?: string
  status?: number
  /** HTTP response headers, lower-cased names. */
  headers: Record<string, string>
  /** Why it could not be read; `missing` tells "not there" from other failures. */
  error?: string
  missing?: boolean
}

const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

/** What an HTTP exchange gave, as CSVW reading needs it. */
function retrieved(result: HttpResult): Retrieved {
  const out: Retrieved = {url: result.finalUrl, headers: result.headers}
  if (result.status !== undefined) out.status = result.status
  if (result.error) {
    out.error = result.error.reason === 'too-large' || result.error.reason === 'http-status' || result.error.reason === 'private-network' ? result.error.message : `it cannot be fetched (${result.error.message})`
    if (result.status === 404 || result.status === 410) out.missing = true
  }
  return out
}

export class Retriever {
  private readonly cache = new Map<string, Promise<Retrieved>>()
  private tempDir?: string
  private http?: HttpClient

  constructor(private readonly options: RetrieveOptions) {}

  /** A document's text (metadata, schemas), read once per run. */
  document(url: string): Promise<Retrieved> {
    return this.once(`doc ${url}`, () => this.read(url, true))
  }

  /** A table: its local path (downloaded when it is on the web) and, for HTTP, its headers. */
  table(url: string): Promise<Retrieved> {
    return this.once(`table ${url}`, () => this.read(url, false))
  }

  async close(): Promise<void> {
    if (this.tempDir) await rm(this.tempDir, {recursive: true, force: true})
    this.tempDir = undefined
  }

  private once(key: string, load: () => Promise<Retrieved>): Promise<Retrieved> {
    let found = this.cache.get(key)
    if (!found) {
      found = load()
      this.cache.set(key, found)
    }
    return found
  }

  private async read(url: string, asText: boolean): Promise<Retrieved> {
    if (url.startsWith('file:')) return this.readFile(url, asText)
    if (!/^https?:/i.test(url)) return {url, headers: {}, error: 'odcheck reads only local files and http(s) URLs'}
    if (!this.options.online) return {url, headers: {}, error: 'it is on the web and odcheck works offline (give the URL itself as the input to check it online)'}
    return this.fetch(url, asText)
  }

  private async readFile(url: string, asText: boolean): Promise<Retrieved> {
    let path: string
    try {
      const parsed = new URL(url)
      parsed.search = ''
      parsed.hash = ''
      path = fileURLToPath(parsed)
    } catch {
      return {url, headers: {}, error: 'it is not a valid file URL'}
    }
    try {
      const info = await stat(path)
      if (!info.isFile()) return {url, headers: {}, error: 'it is a folder, not a file'}
      if (!asText) return {url, path, headers: {}}
      if (info.size > MAX_DOCUMENT_BYTES) return {url, path, headers: {}, error: `it is ${Math.round(info.size / 1048576)} MB, larger than any metadata file should be`}
      return {url, path, text: await readFile(path, 'utf8'), headers: {}}
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return {url, headers: {}, missing: code === 'ENOENT' || code === 'ENOTDIR', error: code === 'ENOENT' || code === 'ENOTDIR' ? 'it does not exist' : `it cannot be read (${code ?? String(error)})`}
    }
  }

  private get client(): HttpClient {
    this.http ??= this.options.client ?? new HttpClient({allowPrivateNetwork: this.options.allowPrivateNetwork ?? false})
    return this.http
  }

  private async fetch(url: string, asText: boolean): Promise<Retrieved> {
    if (asText) {
      const result = await fetchText(this.client, url, 'application/csvm+json, application/ld+json, application/json', MAX_DOCUMENT_BYTES)
      return result.error ? retrieved(result) : {...retrieved(result), text: result.text}
    }
    this.tempDir ??= await mkdtemp(join(tmpdir(), 'odcheck-'))
    const name = basename(new URL(url).pathname) || 'table.csv'
    const path = join(this.tempDir, `${this.cache.size}-${name}`)
    const result = await downloadTo(this.client, url, path, 'text/csv, */*')
    return result.error ? retrieved(result) : {...retrieved(result), path}
  }
}
