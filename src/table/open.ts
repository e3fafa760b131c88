/** Reads the start of a table to learn its encoding, dialect, title rows and header. */
import {open} from 'node:fs/promises'
import iconv from 'iconv-lite'
import {bomLength, detectEncoding} from './encoding.js'
import {sniffDialect, type DialectOverrides} from './dialect.js'
import {SourceError} from './errors.js'
import type {EncodingInfo, TableHead} from './types.js'

const SAMPLE_BYTES = 64 * 1024
const MAX_SAMPLE_BYTES = 4 * 1024 * 1024

export interface OpenOptions extends DialectOverrides {
  encoding?: string
}

export interface OpenedTable {
  head: TableHead
  size: number
}

async function readSample(path: string, bytes: number): Promise<{sample: Buffer; size: number}> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new SourceError('missing', `${path} does not exist. Check the path.`)
    throw new SourceError('unreadable', `${path} cannot be read (${code ?? String(error)}). Check its permissions.`)
  }
  try {
    const {size} = await handle.stat()
    const buffer = Buffer.alloc(Math.min(bytes, size))
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0)
    return {sample: buffer.subarray(0, bytesRead), size}
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const hint = code === 'EISDIR' ? 'It is a folder; give the folder itself as the path to check every table in it.' : 'Check its permissions.'
    throw new SourceError('unreadable', `${path} cannot be read (${code ?? String(error)}). ${hint}`)
  } finally {
    await handle.close()
  }
}

export function decodeSample(sample: Buffer, encoding: EncodingInfo): string {
  const body = sample.subarray(bomLength(encoding))
  if (encoding.encoding === 'utf-8') return new TextDecoder('utf-8').decode(body)
  return iconv.decode(body, encoding.encoding)
}

function looksBinary(sample: Buffer, encoding: EncodingInfo): boolean {
  if (encoding.encoding.startsWith('utf-16')) return false
  const probe = sample.subarray(0, 8192)
  return probe.includes(0)
}

export async function openTable(path: string, resource: string, options: OpenOptions = {}): Promise<OpenedTable> {
  let {sample, size} = await readSample(path, SAMPLE_BYTES)
  // A header longer than the sample: read more until a line break shows up.
  while (sample.length < size && !sample.includes(10) && !sample.includes(13) && sample.length < MAX_SAMPLE_BYTES) {
    ;({sample, size} = await readSample(path, Math.min(sample.length * 4, MAX_SAMPLE_BYTES)))
  }
  if (size === 0) throw new SourceError('empty', `${path} is empty (0 bytes). Export the table again, or remove the file.`)
  const complete = sample.length >= size
  const encoding = detectEncoding(sample, complete, options.encoding)
  if (!iconv.encodingExists(encoding.encoding)) {
    throw new SourceError('encoding', `Encoding "${encoding.encoding}" given for ${path} is not known. Use a name such as utf-8, windows-1252 or iso-8859-1.`)
  }
  if (looksBinary(sample, encoding)) {
    throw new SourceError('binary', `${path} holds binary data (NUL bytes), not text. Is it a spreadsheet or an archive? Export it as CSV.`)
  }
  const text = decodeSample(sample, encoding)
  if (text.trim() === '') throw new SourceError('empty', `${path} has no data, only ${complete ? 'blank space' : 'blank lines at its start'}.`)
  const {dialect, records} = sniffDialect(text, complete, options)
  const headerRecord = dialect.header ? records[dialect.skipRows] : undefined
  const width = Math.max(headerRecord?.cells.length ?? 0, records[dialect.skipRows]?.cells.length ?? 0)
  const labels = headerRecord ? headerRecord.cells : Array.from({length: width}, (_, i) => `field${i + 1}`)
  const preamble = records.slice(0, dialect.skipRows).map((r, i) => ({rowNumber: i + 1, line: r.line, cells: r.cells}))
  return {
    size,
    head: {
      resource,
      path,
      encoding,
      dialect,
      labels,
      preamble,
      headerLine: records[dialect.skipRows]?.line ?? 1,
    },
  }
}
