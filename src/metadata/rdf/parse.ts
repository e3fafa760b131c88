/**
 * Parses Turtle, RDF/XML and JSON-LD into a Graph; syntax errors become MetadataErrors with line and column.
 * The parsers are imported on first use: most runs read no RDF, and loading them costs a CLI start-up.
 */
import {pathToFileURL} from 'node:url'
import type {JsonLdDocument, Options as JsonLdOptions} from 'jsonld'
import {MetadataError} from '../errors.js'
import {parseJsonText, stripBom} from '../json-text.js'
import {Graph, type QuadLike} from './graph.js'

const baseOf = (path: string) => pathToFileURL(path).href

/** Where a parser stopped and why, in words (without the parser's own "on line N"). Shared with src/table/rdf.ts, which reads RDF data. */
export interface RdfProblem {
  line?: number
  column?: number
  reason: string
}

export const TURTLE_HINT = 'Fix the Turtle at this point: check each statement ends with " ." and every prefix is declared.'
export const RDF_XML_HINT = 'Fix the XML at this point: check every tag is closed and every prefix is declared.'

/** An error of the n3 parser (Turtle, N-Triples, N3, TriG, N-Quads). */
export function turtleProblem(error: unknown): RdfProblem {
  const line = (error as {context?: {line?: number}}).context?.line
  return {...(line ? {line} : {}), reason: String((error as Error).message ?? error).replace(/ on line \d+\.?$/, '').replace(/\.$/, '')}
}

/** An error of the RDF/XML parser: XML errors start `line:column: `, RDF errors (with trackPosition) `Line N column M: `. */
export function rdfXmlProblem(error: unknown): RdfProblem {
  const message = String((error as Error).message ?? error)
  const match = /^(?:(\d+):(\d+)|Line (\d+) column (\d+)): (.*)$/s.exec(message)
  if (match?.[3]) return {line: Number(match[3]), column: Number(match[4]), reason: match[5].replace(/\.$/, '')}
  return match ? {line: Number(match[1]), column: Number(match[2]), reason: match[5].replace(/\.$/, '')} : {reason: message.replace(/\.$/, '')}
}

export async function parseTurtle(text: string, path: string): Promise<Graph> {
  const {Parser: N3Parser} = await import('n3')
  try {
    return Graph.fromQuads(new N3Parser({baseIRI: baseOf(path)}).parse(stripBom(text)) as unknown as QuadLike[])
  } catch (error) {
    const {line, reason} = turtleProblem(error)
    throw new MetadataError(`It is not valid Turtle${line ? ` at line ${line}` : ''}: ${reason}.`, 'syntax', TURTLE_HINT, line)
  }
}

export async function parseRdfXml(text: string, path: string): Promise<Graph> {
  const {RdfXmlParser} = await import('rdfxml-streaming-parser')
  return new Promise((resolve, reject) => {
    const quads: QuadLike[] = []
    const parser = new RdfXmlParser({baseIRI: baseOf(path)})
    let failed = false
    parser.on('data', (q: QuadLike) => quads.push(q))
    parser.on('error', (error: Error) => {
      if (failed) return
      failed = true
      const {line, column, reason} = rdfXmlProblem(error)
      const where = line ? ` at line ${line}, column ${column}` : ''
      reject(new MetadataError(`It is not valid RDF/XML${where}: ${reason}.`, 'syntax', RDF_XML_HINT, line, column))
    })
    parser.on('end', () => {
      if (!failed) resolve(Graph.fromQuads(quads))
    })
    parser.write(stripBom(text))
    parser.end()
  })
}

/** JSON-LD, offline: a context that would have to be fetched from the web is refused with a clear error. */
export async function parseJsonLd(text: string, path: string): Promise<Graph> {
  const document = parseJsonText(text)
  const {default: jsonld} = await import('jsonld')
  let remote: string | undefined
  const documentLoader = async (url: string) => {
    remote ??= url
    throw new Error(`odcheck does not fetch ${url}`)
  }
  try {
    const quads = (await jsonld.toRDF(document as JsonLdDocument, {documentLoader, base: baseOf(path)} as JsonLdOptions.ToRdf)) as unknown as QuadLike[]
    return Graph.fromQuads(quads)
  } catch (error) {
    if (remote) {
      throw new MetadataError(`Its @context is on the web (${remote}) and odcheck reads metadata offline.`, 'remote-context', 'Copy the context into the file (an inline "@context" object), or save the metadata as Turtle.')
    }
    throw new MetadataError(`It is not valid JSON-LD: ${(error as Error).message}.`, 'shape', 'Check the "@context" and "@id" values (the JSON-LD playground at https://json-ld.org/playground/ shows the exact problem).')
  }
}
