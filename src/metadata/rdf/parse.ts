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

export async function parseTurtle(text: string, path: string): Promise<Graph> {
  const {Parser: N3Parser} = await import('n3')
  try {
    return Graph.fromQuads(new N3Parser({baseIRI: baseOf(path)}).parse(stripBom(text)) as unknown as QuadLike[])
  } catch (error) {
    const line = (error as {context?: {line?: number}}).context?.line
    const reason = (error as Error).message.replace(/ on line \d+\.?$/, '')
    throw new MetadataError(`It is not valid Turtle${line ? ` at line ${line}` : ''}: ${reason}.`, 'syntax', 'Fix the Turtle at this point: check each statement ends with " ." and every prefix is declared.', line)
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
      const match = /^(\d+):(\d+): (.*)$/s.exec(error.message)
      const [line, column, reason] = match ? [Number(match[1]), Number(match[2]), match[3].replace(/\.$/, '')] : [undefined, undefined, error.message]
      const where = line ? ` at line ${line}, column ${column}` : ''
      reject(new MetadataError(`It is not valid RDF/XML${where}: ${reason}.`, 'syntax', 'Fix the XML at this point: check every tag is closed and every prefix is declared.', line, column))
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
