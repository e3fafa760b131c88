/** Downloads for checking: a file streamed to disk, or a small document as text, never more than the size limit. */
import {createWriteStream} from 'node:fs'
import {rm} from 'node:fs/promises'
import {Transform} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import type {HttpClient} from './client.js'
import {tooLarge} from './failures.js'
import type {HttpResult} from './types.js'

/** Metadata documents (CKAN records, CSVW, schemas) are never larger than this. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

function declaredLength(head: HttpResult): number | undefined {
  // With compression the header counts compressed bytes; the limit is on what is written.
  if (head.headers['content-encoding'] && head.headers['content-encoding'] !== 'identity') return undefined
  const length = Number(head.headers['content-length'])
  return Number.isFinite(length) && head.headers['content-length'] !== undefined ? length : undefined
}

/** Passes at most `maxBytes` through; refuses at once when the answer declares more. */
function limit(head: HttpResult, maxBytes: number, counted: (bytes: number) => void = () => {}): Transform {
  const declared = declaredLength(head)
  if (declared !== undefined && declared > maxBytes) throw tooLarge(maxBytes, declared)
  let bytes = 0
  return new Transform({
    flush(callback) {
      counted(bytes)
      callback()
    },
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length
      if (bytes > maxBytes) callback(tooLarge(maxBytes))
      else callback(null, chunk)
    },
  })
}

/** Streams `url` into the file `path` (created or truncated; removed again on failure). */
export async function downloadTo(client: HttpClient, url: string, path: string, accept?: string): Promise<HttpResult & {bytes?: number}> {
  const maxBytes = client.settings.maxBytes
  const result = await client.request(url, {
    accept,
    consume: async (body, head) => {
      let bytes = 0
      await pipeline(body, limit(head, maxBytes, (n) => (bytes = n)), createWriteStream(path))
      return bytes
    },
  })
  if (result.error) await rm(path, {force: true})
  return {...result, bytes: result.value}
}

/** A document's text (UTF-8), at most `maxBytes` long. */
export async function fetchText(client: HttpClient, url: string, accept?: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<HttpResult & {text?: string}> {
  const result = await client.request(url, {
    accept,
    consume: async (body, head) => {
      const chunks: Buffer[] = []
      await pipeline(body, limit(head, Math.min(maxBytes, client.settings.maxBytes)), async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) chunks.push(chunk)
      })
      return new TextDecoder().decode(Buffer.concat(chunks))
    },
  })
  return {...result, text: result.value}
}
