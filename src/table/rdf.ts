/**
 * Reads an RDF data file (Turtle, N-Triples, N3, TriG, N-Quads, RDF/XML or JSON-LD) as a stream
 * of distinct statements, handed one at a time to `onStatement` and never all held: the set
 * of statements seen is kept as hashes (rdf-statements.ts). The text must be UTF-8 (as Turtle
 * and N-Triples require; RDF/XML may declare another encoding). What stops the file being read
 * is a SourceError (missing, binary, an HTML page, a JSON-LD context on the web) or an
 * RdfSyntaxError naming the line, and the column where the parser gives one.
 * The parsers are imported on first use: most runs read no RDF.
 */
import {open} from 'node:fs/promises'
import {basename} from 'node:path'
import type {JsonLdDocument, Options as JsonLdOptions} from 'jsonld'
import {RDF_SYNTAX_NAMES, type RdfSyntax} from '../load/rdf-kind.js'
import {lineColumn} from '../metadata/json-text.js'
import {RDF_XML_HINT, rdfXmlProblem, TURTLE_HINT, turtleProblem, type RdfProblem} from '../metadata/rdf/parse.js'
import {bomEncoding} from './encoding.js'
import {openSource, SourceError} from './errors.js'
import {binaryFormat} from './magic.js'
import {MAX_JSON_BYTES} from './json.js'
import {findSyntaxError} from './json-syntax.js'
import {statementOf, StatementSet, type QuadWithGraph, type RdfStatement} from './rdf-statements.js'
import type {TableHead} from './types.js'
import {invalidUtf8Offsets, partialTail} from './utf8.js'

export type {RdfStatement} from './rdf-statements.js'

/** The file does not parse as the syntax its name says: where, why, and what to do. */
export class RdfSyntaxError extends Error {
  constructor(
    readonly syntax: RdfSyntax,
    readonly problem: RdfProblem,
    readonly hint: string,
  ) {
    super(`not valid ${RDF_SYNTAX_NAMES[syntax]}${problem.line ? ` at line ${problem.line}${problem.column ? `, column ${problem.column}` : ''}` : ''}: ${problem.reason}`)
    this.name = 'RdfSyntaxError'
  }
}

/** A JSON-LD file whose @context is on the web: not read, as odcheck works offline. */
export class RemoteContextError extends SourceError {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super('unreadable', message)
  }
}

/**
 * What relative IRIs (`<#ward1>`, `<>`) are resolved against, unless the caller gives a base: a
 * host that can never exist (RFC 6761 .invalid), so checks can tell them from IRIs the author
 * wrote in full. Relative IRIs are fine in published RDF: they resolve against its web address.
 */
export const RELATIVE_BASE = 'http://relative.invalid/'

export interface ReadRdf {
  head: TableHead
  /** Distinct statements (a graph is a set: one written twice counts once). */
  statements: number
  /** Statements written again after their first time. */
  duplicates: number
  /** Statements counted as distinct past the most remembered (StatementSet): a repeat among them counted again. */
  unremembered: number
  bytes: number
}

const CHUNK = 1024 * 1024
const N3_FORMATS: Partial<Record<RdfSyntax, string>> = {turtle: 'text/turtle', ntriples: 'application/n-triples', n3: 'text/n3', trig: 'application/trig', nquads: 'application/n-quads'}
const HINTS: Record<RdfSyntax, string> = {
  turtle: 'Look at this line and the statement before it: each statement must end with " ." (and each of its parts with " ;" or " ,"), and every prefix must be declared with @prefix.',
  n3: TURTLE_HINT,
  trig: 'Fix the TriG at this point: check each statement ends with " .", each graph block is closed with "}" and every prefix is declared.',
  ntriples: 'Fix the N-Triples at this point: each line is one triple of full <IRIs>, blank nodes or literals, ending with " .".',
  nquads: 'Fix the N-Quads at this point: each line is one triple (and optionally a graph IRI) of full <IRIs>, blank nodes or literals, ending with " .".',
  rdfxml: RDF_XML_HINT,
  jsonld: 'Check the "@context" and "@id" values (the JSON-LD playground at https://json-ld.org/playground/ shows the exact problem).',
}

function headOf(path: string, resource: string, syntax: RdfSyntax, bom: boolean, bytes: number): TableHead {
  return {
    resource,
    path,
    format: syntax,
    encoding: {encoding: 'utf-8', bom, source: bom ? 'bom' : 'utf8-valid'},
    // RDF has no dialect, no header and no columns (so metadata rules do not compare column lists with it).
    dialect: {delimiter: '', quoteChar: '', header: false, lineTerminator: '\n', skipRows: 0},
    labels: [],
    preamble: [],
    headerLine: 0,
    bytes,
  }
}

const isUtf16 = (first: Buffer) => bomEncoding(first)?.startsWith('utf-16') ?? false

/** What the first bytes say about a file that is not RDF text at all. */
function refuseStart(first: Buffer, resource: string, syntax: RdfSyntax): void {
  if (isUtf16(first)) {
    if (syntax !== 'rdfxml') throw new SourceError('encoding', `${resource} is encoded as UTF-16, but ${RDF_SYNTAX_NAMES[syntax]} must be UTF-8. Save it as UTF-8.`)
  } else {
    const known = binaryFormat(first, 'RDF')
    if (known) throw new SourceError('binary', `${resource} is ${known}`)
    if (first.includes(0)) throw new SourceError('binary', `${resource} holds binary data (NUL bytes), not ${RDF_SYNTAX_NAMES[syntax]} text: is it compressed or an archive? Publish the RDF file itself.`)
  }
  if (/^\s*(<!doctype html|<html[\s>])/i.test(first.subarray(0, 1024).toString('latin1'))) {
    throw new SourceError('not-a-table', `${resource} is an HTML page, not ${RDF_SYNTAX_NAMES[syntax]}: was an error page saved instead of the file?`)
  }
}

/** The encoding an RDF/XML file declares (`<?xml ... encoding="ISO-8859-1"?>`), when it is not UTF-8 and the platform can decode it. */
function declaredEncoding(first: Buffer): string | undefined {
  if (isUtf16(first)) return bomEncoding(first)
  const label = /^(?:\uFEFF)?<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(first.subarray(0, 200).toString('latin1'))?.[1]
  if (!label || /^utf-?8$/i.test(label)) return undefined
  try {
    return new TextDecoder(label).encoding
  } catch {
    return undefined
  }
}

/** Yields the file's text a chunk at a time; bytes that are not UTF-8 stop it with the line they are on. */
async function* textChunks(path: string, resource: string, syntax: RdfSyntax, encoding: string | undefined, first: Buffer, onRead?: (bytes: number) => void): AsyncGenerator<string> {
  const handle = await open(path, 'r')
  const decoder = new TextDecoder(encoding ?? 'utf-8', {fatal: encoding === undefined})
  let lines = 1
  try {
    const buffer = Buffer.alloc(CHUNK)
    let carry = Buffer.alloc(0)
    for (let position = 0; ; ) {
      const {bytesRead} = position === 0 ? {bytesRead: first.copy(buffer)} : await handle.read(buffer, 0, CHUNK, position)
      if (bytesRead === 0) break
      position += bytesRead
      onRead?.(position)
      let text: string
      try {
        text = decoder.decode(buffer.subarray(0, bytesRead), {stream: true})
      } catch {
        const bytes = Buffer.concat([carry, buffer.subarray(0, bytesRead)])
        const [offset] = invalidUtf8Offsets(bytes, 1)
        const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset ?? 0))
        const line = lines + (before.match(/\n/g)?.length ?? 0)
        throw new RdfSyntaxError(syntax, {line, reason: 'bytes that are not UTF-8 (the file was probably saved as Windows-1252)'}, 'Save the file as UTF-8.')
      }
      carry = Buffer.from(buffer.subarray(bytesRead - partialTail(buffer.subarray(0, bytesRead)), bytesRead))
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++
      if (text) yield text
    }
    const rest = decoder.decode()
    if (rest) yield rest
  } finally {
    await handle.close()
  }
}

/** n3 quotes the token it stopped at as its term: `""120"^^http://www.w3.org/2001/XMLSchema#integer"` is `120` to a reader. */
function readableTurtleProblem(error: unknown): RdfProblem {
  const problem = turtleProblem(error)
  return {...problem, reason: problem.reason.replace(/""((?:[^"\\]|\\.)*)"\^\^http:\/\/www\.w3\.org\/2001\/XMLSchema#\w+"/g, '"$1"')}
}

/** Parses with a streaming parser (n3 or RDF/XML), feeding it text and taking its quads as they come. */
async function parseStream(chunks: AsyncGenerator<string>, parser: NodeJS.ReadWriteStream, onQuad: (quad: QuadWithGraph) => void, problemOf: (error: unknown) => RdfProblem, syntax: RdfSyntax): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let failed = false
    // The parser finds a statement left open only at the end of the input, on the blank line after the last: point at the last line with text instead.
    let line = 1
    let lastTextLine = 0
    let allWritten = false
    const placed = (problem: RdfProblem): RdfProblem =>
      allWritten && problem.line !== undefined && lastTextLine > 0 && problem.line > lastTextLine ? {line: lastTextLine, reason: `${problem.reason} at the end of the file`} : problem
    const fail = (error: unknown) => {
      if (failed) return
      failed = true
      reject(error instanceof SourceError || error instanceof RdfSyntaxError ? error : new RdfSyntaxError(syntax, placed(problemOf(error)), HINTS[syntax]))
    }
    parser.on('error', fail)
    parser.on('data', (quad: QuadWithGraph) => {
      if (failed) return
      try {
        onQuad(quad)
      } catch (error) {
        // A check's failure (or running out of room) is not the file's syntax: it goes up as it is.
        failed = true
        reject(error)
      }
    })
    parser.on('end', () => {
      if (!failed) resolve()
    })
    void (async () => {
      try {
        for await (const text of chunks) {
          if (failed) return
          let end = text.length - 1
          while (end >= 0 && text.charCodeAt(end) <= 32) end--
          let breaks = 0
          let before = 0
          for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
            breaks++
            if (at < end) before++
          }
          if (end >= 0) lastTextLine = line + before
          line += breaks
          if (!parser.write(text)) await new Promise((r) => parser.once('drain', r))
        }
        allWritten = true
        parser.end()
      } catch (error) {
        fail(error)
      }
    })()
  })
}

/** JSON-LD is expanded whole, offline: a context that would have to be fetched stops it. */
async function parseJsonLd(text: string, base: string, resource: string, onQuad: (quad: QuadWithGraph) => void): Promise<void> {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    const found = findSyntaxError(text)
    const place = found ? lineColumn(text, found.offset) : undefined
    throw new RdfSyntaxError('jsonld', {...place, reason: found ? `JSON: ${found.what}` : `JSON: ${(error as Error).message}`}, found?.hint ?? 'Fix the JSON syntax.')
  }
  const {default: jsonld} = await import('jsonld')
  let remote: string | undefined
  const documentLoader = async (url: string) => {
    remote ??= url
    throw new Error(`odcheck does not fetch ${url}`)
  }
  let quads: QuadWithGraph[]
  try {
    quads = (await jsonld.toRDF(document as JsonLdDocument, {documentLoader, base} as JsonLdOptions.ToRdf)) as unknown as QuadWithGraph[]
  } catch (error) {
    if (remote) throw new RemoteContextError(`${resource} takes its @context from the web (${remote}), and odcheck works offline, so its statements were not read. Copy the context into the file (an inline "@context" object), or publish the data as Turtle as well.`, remote)
    throw new RdfSyntaxError('jsonld', {reason: String((error as Error).message ?? error).replace(/\.$/, '')}, HINTS.jsonld)
  }
  for (const quad of quads) onQuad(quad)
}

async function readStart(path: string, resource: string): Promise<{first: Buffer; size: number}> {
  const handle = await openSource(path, resource)
  try {
    const {size} = await handle.stat()
    const first = Buffer.alloc(Math.min(size, CHUNK))
    await handle.read(first, 0, first.length, 0)
    return {first, size}
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new SourceError('unreadable', `${resource} cannot be read (${code ?? String(error)}).${code === 'EISDIR' ? ' It is a folder; give the folder itself to check every file in it.' : ''}`)
  } finally {
    await handle.close()
  }
}

export interface RdfReadOptions {
  /** Base IRI for relative IRIs; RELATIVE_BASE and the file's name when absent. */
  base?: string
  /** Distinct statements remembered to tell repeats (MAX_DISTINCT_STATEMENTS when absent). */
  maxDistinct?: number
  /** Told the bytes read so far, of the file's size, after each piece. */
  onProgress?: (bytes: number, size: number) => void
}

export async function readRdf(path: string, resource: string, syntax: RdfSyntax, onStatement: (statement: RdfStatement) => void, options: RdfReadOptions = {}): Promise<ReadRdf> {
  const {first, size} = await readStart(path, resource)
  refuseStart(first, resource, syntax)
  const bom = bomEncoding(first) === 'utf-8'
  const seen = new StatementSet(options.maxDistinct)
  const onQuad = (quad: QuadWithGraph) => {
    const statement = statementOf(quad)
    if (seen.add(statement)) onStatement(statement)
  }
  const encoding = syntax === 'rdfxml' ? declaredEncoding(first) : undefined
  const chunks = textChunks(path, resource, syntax, encoding, first, options.onProgress && ((bytes) => options.onProgress!(bytes, size)))
  const base = options.base ?? RELATIVE_BASE + encodeURIComponent(basename(path))
  if (syntax === 'jsonld') {
    if (size > MAX_JSON_BYTES) throw new SourceError('unreadable', `${resource} is ${Math.round(size / 1024 / 1024)} MB, more than the ${Math.round(MAX_JSON_BYTES / 1024 / 1024)} MB odcheck reads as one JSON-LD document (it must be expanded whole), so it was not checked. Publish the graph as N-Triples or Turtle, which are read as a stream.`)
    let text = ''
    for await (const chunk of chunks) text += chunk
    await parseJsonLd(text, base, resource, onQuad)
  } else if (syntax === 'rdfxml') {
    const {RdfXmlParser} = await import('rdfxml-streaming-parser')
    await parseStream(chunks, new RdfXmlParser({baseIRI: base, trackPosition: true}) as unknown as NodeJS.ReadWriteStream, onQuad, rdfXmlProblem, syntax)
  } else {
    const {StreamParser} = await import('n3')
    await parseStream(chunks, new StreamParser({format: N3_FORMATS[syntax], baseIRI: base}) as unknown as NodeJS.ReadWriteStream, onQuad, readableTurtleProblem, syntax)
  }
  const head = headOf(path, resource, syntax, bom, size)
  if (encoding) head.encoding = {encoding, bom, source: 'given'}
  return {head, statements: seen.size, duplicates: seen.duplicates, unremembered: seen.unremembered, bytes: size}
}
