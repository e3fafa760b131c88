/**
 * Reads a JSON or GeoJSON data file as one document: checked for size (MAX_JSON_BYTES), UTF-8
 * (RFC 8259 allows no other encoding) and syntax, then parsed whole, since JSON Schema
 * validation needs the whole document. Anything that stops it being read is a SourceError
 * naming the file, the line and what to do.
 */
import {isUtf8} from 'node:buffer'
import {isGeoJsonValue} from '../load/json-kind.js'
import {lineColumn} from '../metadata/json-text.js'
import {bomEncoding} from './encoding.js'
import {openSource, SourceError} from './errors.js'
import {binaryFormat} from './magic.js'
import {findSyntaxError} from './json-syntax.js'
import type {Row, TableHead} from './types.js'
import {invalidUtf8Offsets} from './utf8.js'

/** Larger documents are not parsed: a finding says so (source-error) instead of exhausting memory. */
export const MAX_JSON_BYTES = 200 * 1024 * 1024

export type JsonFormat = 'json' | 'geojson'

/** A JSON Schema as written (not yet compiled), and where it came from. */
export interface JsonSchemaRef {
  value: unknown
  /** Its file, or `datapackage.json#$.resources[2].schema`. */
  source: string
  /** Absolute folder where relative `$ref`s to other schema files are looked for. */
  folder?: string
}

/** What the `document` hooks of checks see (src/engine/check.ts). */
export interface JsonDocument {
  format: JsonFormat
  /** The parsed document. */
  value: unknown
  /**
   * Records it holds, the report's rowCount: the features of a FeatureCollection, the items of
   * an array at the top; 1 for any other document (a single Feature, geometry or object).
   */
  rowCount: number
  /** JSON Schema the document must match: `--schema`, or its data package resource's `schema`. */
  schema?: JsonSchemaRef
}

export interface ReadJson {
  head: TableHead
  doc: JsonDocument
  /** The text parsed (without a BOM), kept so lines can be found for findings afterwards. */
  text: string
  bytes: number
}

export interface JsonReadOptions {
  schema?: JsonSchemaRef
  maxBytes?: number
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The records of a document: GeoJSON features, or the items of an array at the top. */
export function recordsOf(value: unknown, format: JsonFormat): unknown[] | undefined {
  if (format === 'geojson') return isObject(value) && value.type === 'FeatureCollection' && Array.isArray(value.features) ? value.features : undefined
  return Array.isArray(value) ? value : undefined
}

/** A record's fields: a feature's properties, or the record object itself. */
function fieldsOf(record: unknown, format: JsonFormat): Record<string, unknown> | undefined {
  const fields = format === 'geojson' ? (isObject(record) ? record.properties : undefined) : record
  return isObject(fields) ? fields : undefined
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/**
 * The document's records as rows of text cells in the order of `labels` (a feature's properties,
 * an array item's keys; nested values as JSON text), so checks that judge values cell by cell
 * read JSON as they read a table. A document that is not a list of records is one row.
 * `line` is 0: findings about them carry a JSON Pointer (`fieldPointer`) the engine turns into a line.
 */
export function* recordRows(doc: JsonDocument, labels: string[]): Iterable<Row> {
  const records = recordsOf(doc.value, doc.format) ?? [doc.value]
  for (let i = 0; i < records.length; i++) {
    const fields = fieldsOf(records[i], doc.format)
    if (fields) yield {cells: labels.map((label) => cellText(fields[label])), rowNumber: i + 1, line: 0}
  }
}

/** The JSON Pointer of a field of the record on `rowNumber` (as recordRows numbers them). */
export function fieldPointer(doc: JsonDocument, rowNumber: number, field: string): string {
  const escaped = field.replace(/~/g, '~0').replace(/\//g, '~1')
  const listed = recordsOf(doc.value, doc.format) !== undefined
  if (doc.format === 'geojson') return listed ? `/features/${rowNumber - 1}/properties/${escaped}` : `/properties/${escaped}`
  return listed ? `/${rowNumber - 1}/${escaped}` : `/${escaped}`
}

const MAX_LABELS = 1000

/** Field names for the report: property names of features, keys of records, or the keys of the top object. */
function labelsOf(value: unknown, format: JsonFormat): string[] {
  const records = recordsOf(value, format)
  const objects = records ?? (format === 'geojson' ? [value] : [])
  const labels = new Set<string>()
  for (const record of objects) {
    const fields = fieldsOf(record, format)
    if (!fields) continue
    for (const key of Object.keys(fields)) {
      labels.add(key)
      if (labels.size >= MAX_LABELS) return [...labels]
    }
  }
  if (!records && format === 'json' && isObject(value)) return Object.keys(value).slice(0, MAX_LABELS)
  return [...labels]
}

/**
 * Where a JSON Pointer falls in the document's records: the record (`rowNumber` = index + 1,
 * so feature 0 is row 1) and, inside it, the property or `geometry` it is in.
 */
export function recordOfPointer(pointer: string, value: unknown, format: JsonFormat): {rowNumber?: number; fieldName?: string} {
  if (!recordsOf(value, format)) return {}
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  const [index, field, name] = format === 'geojson' ? (parts[0] === 'features' ? parts.slice(1) : []) : parts
  if (index === undefined || !/^(0|[1-9]\d*)$/.test(index)) return {}
  const found: {rowNumber?: number; fieldName?: string} = {rowNumber: Number(index) + 1}
  if (format === 'geojson') {
    if (field === 'geometry') found.fieldName = 'geometry'
    else if (field === 'properties' && name !== undefined) found.fieldName = name
  } else if (field !== undefined) found.fieldName = field
  return found
}

async function readBytes(path: string, resource: string, maxBytes: number): Promise<Buffer> {
  const handle = await openSource(path, resource)
  try {
    const {size} = await handle.stat()
    if (size > maxBytes) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`
      throw new SourceError('unreadable', `${resource} is ${mb(size)}, more than the ${mb(maxBytes)} odcheck reads as one JSON document, so it was not checked. Split it into smaller files (for example one per area or year), or publish the records as CSV.`)
    }
    return await handle.readFile()
  } catch (error) {
    if (error instanceof SourceError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new SourceError('unreadable', `${resource} cannot be read (${code ?? String(error)}).${code === 'EISDIR' ? ' It is a folder; give the folder itself to check every file in it.' : ''}`)
  } finally {
    await handle.close()
  }
}

/** Bytes to text: UTF-8 only, a BOM tolerated (RFC 8259 §8.1). */
function decode(bytes: Buffer, resource: string): {text: string; bom: boolean} {
  const mark = bomEncoding(bytes)
  if (mark === 'utf-16le' || mark === 'utf-16be') {
    throw new SourceError('encoding', `${resource} is encoded as UTF-16, but JSON must be UTF-8 (RFC 8259). Save it as UTF-8.`)
  }
  const known = binaryFormat(bytes, 'JSON')
  if (known) throw new SourceError('binary', `${resource} is ${known}`)
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new SourceError('binary', `${resource} holds binary data (NUL bytes), not JSON text: is it a zipped shapefile or an archive? Publish the GeoJSON or JSON file itself.`)
  }
  const bom = mark === 'utf-8'
  const body = bom ? bytes.subarray(3) : bytes
  if (!isUtf8(body)) {
    const [offset] = invalidUtf8Offsets(body, 1)
    const {line} = lineColumn(body.subarray(0, offset).toString('latin1'), offset)
    throw new SourceError('encoding', `${resource} is not valid UTF-8 (the first bad byte is on line ${line}), but JSON must be UTF-8 (RFC 8259). Save it as UTF-8 (it is probably Windows-1252).`)
  }
  return {text: body.toString('utf8'), bom}
}

function parse(text: string, resource: string): unknown {
  if (text.trim() === '') throw new SourceError('empty', `${resource} has no data, only blank space.`)
  if (/^\s*</.test(text)) throw new SourceError('not-a-table', `${resource} is an HTML or XML page, not JSON: was an error page saved instead of the file?`)
  try {
    return JSON.parse(text)
  } catch (error) {
    const found = findSyntaxError(text)
    if (!found) throw new SourceError('unreadable', `${resource} is not valid JSON (${(error as Error).message}). Fix the JSON syntax.`)
    const {line, column} = lineColumn(text, found.offset)
    throw new SourceError('unreadable', `${resource} is not valid JSON: ${found.what} at line ${line}, column ${column}. ${found.hint}`)
  }
}

export async function readJsonDocument(path: string, resource: string, options: JsonReadOptions = {}): Promise<ReadJson> {
  const bytes = await readBytes(path, resource, options.maxBytes ?? MAX_JSON_BYTES)
  if (bytes.length === 0) throw new SourceError('empty', `${resource} is empty (0 bytes). Export the file again, or remove it.`)
  const {text, bom} = decode(bytes, resource)
  const value = parse(text, resource)
  const format: JsonFormat = /\.geojson$/i.test(path) || isGeoJsonValue(value) ? 'geojson' : 'json'
  const records = recordsOf(value, format)
  const doc: JsonDocument = {format, value, rowCount: records ? records.length : 1, ...(options.schema ? {schema: options.schema} : {})}
  const head: TableHead = {
    resource,
    path,
    format,
    encoding: {encoding: 'utf-8', bom, source: bom ? 'bom' : 'utf8-valid'},
    // JSON has no dialect and no header row (so metadata rules do not compare column lists with it).
    dialect: {delimiter: '', quoteChar: '', header: false, lineTerminator: text.includes('\r\n') ? '\r\n' : '\n', skipRows: 0},
    labels: labelsOf(value, format),
    preamble: [],
    headerLine: 0,
    ...(options.schema ? {schemaSource: options.schema.source} : {}),
  }
  return {head, doc, text, bytes: bytes.length}
}
