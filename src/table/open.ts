/** Reads the start of a table to learn its encoding, dialect, title rows and header. */
import iconv from 'iconv-lite'
import {bomLength, contradictedUtf16Bom, detectEncoding} from './encoding.js'
import {parseSample, sniffDialect, type DialectOverrides} from './dialect.js'
import {csvwReading} from '../metadata/csvw/reading.js'
import {openSource, SourceError} from './errors.js'
import {binaryFormat} from './magic.js'
import type {EncodingInfo, TableHead} from './types.js'

const SAMPLE_BYTES = 64 * 1024
const MAX_SAMPLE_BYTES = 4 * 1024 * 1024

export interface OpenOptions extends DialectOverrides {
  encoding?: string
}

/** How to read one table, and what it is checked against (put on its head as given, see TableHead). */
export interface TableOpenOptions extends OpenOptions {
  schema?: TableHead['schema']
  schemaSource?: TableHead['schemaSource']
  packageResource?: TableHead['packageResource']
  /** CSVW description: its dialect replaces sniffing (flags given by the user still win). */
  csvw?: TableHead['csvw']
}

export interface OpenedTable {
  head: TableHead
  size: number
}

async function readSample(path: string, name: string, bytes: number): Promise<{sample: Buffer; size: number}> {
  const handle = await openSource(path, name)
  try {
    const {size} = await handle.stat()
    const buffer = Buffer.alloc(Math.min(bytes, size))
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0)
    return {sample: buffer.subarray(0, bytesRead), size}
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const hint = code === 'EISDIR' ? 'It is a folder; give the folder itself as the path to check every table in it.' : 'Check its permissions.'
    throw new SourceError('unreadable', `${name} cannot be read (${code ?? String(error)}). ${hint}`)
  } finally {
    await handle.close()
  }
}

export function decodeSample(sample: Buffer, encoding: EncodingInfo): string {
  const body = sample.subarray(bomLength(encoding))
  if (encoding.encoding === 'utf-8') return new TextDecoder('utf-8').decode(body)
  return iconv.decode(body, encoding.encoding)
}

function binaryKind(sample: Buffer, encoding: EncodingInfo): string | undefined {
  const known = binaryFormat(sample, 'tables')
  if (known) return known
  if (encoding.encoding.startsWith('utf-16')) return undefined
  return sample.subarray(0, 8192).includes(0) ? 'binary data (NUL bytes), not text: is it a spreadsheet or an archive? Export it as CSV.' : undefined
}

/** Text that is plainly another format: a web page or JSON saved with a .csv name is a classic. */
function textKind(text: string): string | undefined {
  const start = text.trimStart().slice(0, 512).toLowerCase()
  if (/^<!doctype html|^<html|^<head|^<body/.test(start)) return 'an HTML web page, not a table: was an error page or a download page saved instead of the file?'
  if (start.startsWith('<?xml') || /^<[a-z][\w:-]*[\s>]/.test(start)) return 'XML, not a delimited table: export the data as CSV, or publish the XML under an .xml name.'
  if (/^[{[]\s*["{[\]]/.test(start)) {
    try {
      JSON.parse(text)
      return 'JSON, not a delimited table: name it .json (or .geojson) and odcheck checks it as JSON data.'
    } catch {
      // Not (complete) JSON: read it as a table.
    }
  }
  return undefined
}

/** Average bytes per line in the sample: an estimate of a record's size (quoted line breaks aside). */
function recordBytes(sample: Buffer): number {
  let breaks = 0
  for (let at = sample.indexOf(10); at !== -1; at = sample.indexOf(10, at + 1)) breaks++
  if (breaks === 0) for (let at = sample.indexOf(13); at !== -1; at = sample.indexOf(13, at + 1)) breaks++
  return Math.max(1, Math.round(sample.length / Math.max(1, breaks)))
}

export async function openTable(path: string, resource: string, options: TableOpenOptions = {}): Promise<OpenedTable> {
  let {sample, size} = await readSample(path, resource, SAMPLE_BYTES)
  // A header longer than the sample: read more until a line break shows up.
  while (sample.length < size && !sample.includes(10) && !sample.includes(13) && sample.length < MAX_SAMPLE_BYTES) {
    ;({sample, size} = await readSample(path, resource, Math.min(sample.length * 4, MAX_SAMPLE_BYTES)))
  }
  if (size === 0) throw new SourceError('empty', `${resource} is empty (0 bytes). Export the table again, or remove the file.`)
  const complete = sample.length >= size
  const csvw = options.csvw ? csvwReading(options.csvw.table.dialect) : undefined
  const encoding = detectEncoding(sample, complete, options.encoding ?? csvw?.encoding)
  if (!iconv.encodingExists(encoding.encoding)) {
    throw new SourceError('encoding', `Encoding "${encoding.encoding}" given for ${resource} is not known. Use a name such as utf-8, windows-1252 or iso-8859-1.`)
  }
  const mark = contradictedUtf16Bom(sample, encoding)
  if (mark) {
    throw new SourceError(
      'encoding',
      `${resource} starts with a ${mark} byte-order mark, which contradicts the encoding ${encoding.encoding} given for it. Leave the encoding out (odcheck reads the mark), or give ${mark.toLowerCase()}.`,
    )
  }
  const binary = binaryKind(sample, encoding)
  if (binary) throw new SourceError('binary', `${resource} is ${binary}`)
  const text = decodeSample(sample, encoding)
  if (text.trim() === '') throw new SourceError('empty', `${resource} has no data, only ${complete ? 'blank space' : 'blank lines at its start'}.`)
  const other = textKind(text)
  if (other) throw new SourceError('not-a-table', `${resource} is ${other}`)
  const sniffed = sniffDialect(text, complete, csvw ? {delimiter: options.delimiter ?? csvw.delimiter, header: options.header ?? csvw.header, quoteChar: csvw.quoteChar} : options)
  const {dialect} = sniffed
  let {records} = sniffed
  if (csvw) {
    dialect.skipRows = csvw.skipRows
    if (csvw.escapeChar) dialect.escapeChar = csvw.escapeChar
    if (csvw.quoteChar !== dialect.quoteChar || csvw.escapeChar) {
      dialect.quoteChar = csvw.quoteChar
      records = parseSample(text, dialect.delimiter, dialect.quoteChar, complete, Math.max(500, csvw.skipRows + 2), csvw.escapeChar)
    }
  }
  const headerRecord = dialect.header ? records[dialect.skipRows] : undefined
  const width = Math.max(headerRecord?.cells.length ?? 0, records[dialect.skipRows]?.cells.length ?? 0)
  const labels = headerRecord ? headerRecord.cells : Array.from({length: width}, (_, i) => `field${i + 1}`)
  const preamble = records.slice(0, dialect.skipRows).map((r, i) => ({rowNumber: i + 1, line: r.line, cells: r.cells}))
  return {
    size,
    head: {
      resource,
      path,
      format: dialect.delimiter === '\t' ? 'tsv' : 'csv',
      encoding,
      dialect,
      labels,
      preamble,
      headerLine: records[dialect.skipRows]?.line ?? 1,
      ...((csvw?.delimiter ?? options.delimiter) !== undefined ? {delimiterGiven: true} : {}),
      ...(options.schema ? {schema: options.schema, schemaSource: options.schemaSource} : {}),
      ...(options.packageResource ? {packageResource: options.packageResource} : {}),
      ...(options.csvw ? {csvw: options.csvw} : {}),
      bytes: size,
      recordBytes: recordBytes(sample),
    },
  }
}
