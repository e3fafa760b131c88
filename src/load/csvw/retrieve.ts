/**
 * Reads the documents CSVW processing needs by URL: local files (`file:`), and over HTTP only
 * when the run allows it (a URL given as an input). HTTP tables are saved to a temporary
 * folder so the engine reads them like any local file; private-network addresses are refused
 * unless explicitly allowed. Every failure is a value, never a throw.
 */
import {createWriteStream} from 'node:fs'
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises'
import {lookup} from 'node:dns/promises'
import {isIP} from 'node:net'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {Readable} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {fileURLToPath} from 'node:url'

export interface RetrieveOptions {
  /** Whether http(s) URLs may be fetched at all. */
  online: boolean
  /** Whether hosts on loopback or private networks may be fetched (tests, intranets). */
  allowPrivateNetwork?: boolean
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
const TIMEOUT_MS = 30_000

function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split('.').map(Number)
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)
  }
  const lower = address.toLowerCase()
  if (lower.startsWith('::ffff:')) return isPrivateAddress(lower.slice(7))
  return lower === '::1' || lower === '::' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80')
}

export class Retriever {
  private readonly cache = new Map<string, Promise<Retrieved>>()
  private tempDir?: string

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

  private async checkHost(url: string): Promise<string | undefined> {
    if (this.options.allowPrivateNetwork) return undefined
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
    try {
      const addresses = isIP(host) ? [{address: host}] : await lookup(host, {all: true})
      if (addresses.some((a) => isPrivateAddress(a.address))) return `${host} is on a private network, which odcheck does not contact unless allowed`
    } catch (error) {
      return `${host} cannot be found (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    }
    return undefined
  }

  private async fetch(url: string, asText: boolean): Promise<Retrieved> {
    const refused = await this.checkHost(url)
    if (refused) return {url, headers: {}, error: refused}
    let response: Response
    try {
      response = await fetch(url, {redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS), headers: {accept: asText ? 'application/csvm+json, application/ld+json, application/json' : 'text/csv, */*'}})
    } catch (error) {
      return {url, headers: {}, error: `it cannot be fetched (${(error as Error).message})`}
    }
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value))
    const result: Retrieved = {url: response.url || url, status: response.status, headers}
    if (!response.ok) {
      await response.body?.cancel()
      return {...result, missing: response.status === 404 || response.status === 410, error: `the server answered ${response.status}`}
    }
    if (asText) {
      const body = await response.arrayBuffer()
      if (body.byteLength > MAX_DOCUMENT_BYTES) return {...result, error: 'it is larger than any metadata file should be'}
      return {...result, text: new TextDecoder().decode(body)}
    }
    this.tempDir ??= await mkdtemp(join(tmpdir(), 'odcheck-'))
    const name = basename(new URL(result.url).pathname) || 'table.csv'
    const path = join(this.tempDir, `${this.cache.size}-${name}`)
    try {
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(path))
    } catch (error) {
      return {...result, error: `it could not be downloaded (${(error as Error).message})`}
    }
    return {...result, path}
  }
}
