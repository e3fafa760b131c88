/**
 * Reads an RDF file (Turtle, N-Triples, N3, TriG, N-Quads, RDF/XML or JSON-LD) and counts what
 * the fourth and fifth stars rest on: the HTTP URIs it gives its subjects, and the URIs of other
 * people's data it links to as objects. Types (rdf:type) and vocabulary terms are not links.
 * JSON-LD is read offline: a remote @context is not fetched, so such files fall back to a scan
 * of their @id values and the summary says it is approximate.
 */
import {createReadStream} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {extname} from 'node:path'
import {pathToFileURL} from 'node:url'
import {hostOf, isExternal} from '../domains.js'

export type RdfSyntax = 'turtle' | 'ntriples' | 'n3' | 'trig' | 'nquads' | 'rdfxml' | 'jsonld'

export interface RdfSummary {
  path: string
  syntax: RdfSyntax
  triples: number
  /** Distinct HTTP(S) URIs used as subjects. */
  subjects: number
  subjectDomains: string[]
  /** Distinct object URIs on other people's domains (not the subjects' own, not vocabularies). */
  externalObjects: number
  externalDomains: string[]
  /** True when the counts come from a plain scan of @id values (JSON-LD with a remote @context). */
  approximate?: boolean
  /** Why the file could not be read, when it could not. */
  error?: string
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'
const MAX_DOMAINS = 20

const SYNTAX_BY_EXTENSION: Record<string, RdfSyntax> = {
  '.ttl': 'turtle',
  '.nt': 'ntriples',
  '.n3': 'n3',
  '.trig': 'trig',
  '.nq': 'nquads',
  '.rdf': 'rdfxml',
  '.owl': 'rdfxml',
  '.xml': 'rdfxml',
  '.jsonld': 'jsonld',
  '.json-ld': 'jsonld',
}

const N3_FORMAT: Partial<Record<RdfSyntax, string>> = {turtle: 'text/turtle', ntriples: 'application/n-triples', n3: 'text/n3', trig: 'application/trig', nquads: 'application/n-quads'}

export function rdfSyntaxOf(path: string): RdfSyntax | undefined {
  return SYNTAX_BY_EXTENSION[extname(path).toLowerCase()]
}

interface Term {
  termType: string
  value: string
}

class Counter {
  triples = 0
  private subjects = new Set<string>()
  private objects: Array<{uri: string; host: string}> = []

  constructor(private readonly ownDomains: string[]) {}

  add(subject: Term, predicate: Term, object: Term): void {
    this.triples++
    if (subject.termType === 'NamedNode' && hostOf(subject.value)) this.subjects.add(subject.value)
    if (object.termType !== 'NamedNode' || predicate.value === RDF_TYPE) return
    const host = hostOf(object.value)
    if (host) this.objects.push({uri: object.value, host})
  }

  summary(path: string, syntax: RdfSyntax): RdfSummary {
    const subjectDomains = [...new Set([...this.subjects].map((s) => hostOf(s)!))]
    const external = new Map<string, string>()
    for (const {uri, host} of this.objects) {
      if (!this.subjects.has(uri) && isExternal(host, this.ownDomains, subjectDomains)) external.set(uri, host)
    }
    return {
      path,
      syntax,
      triples: this.triples,
      subjects: this.subjects.size,
      subjectDomains: subjectDomains.slice(0, MAX_DOMAINS),
      externalObjects: external.size,
      externalDomains: [...new Set(external.values())].slice(0, MAX_DOMAINS),
    }
  }
}

function readStream(path: string, parser: NodeJS.ReadWriteStream, counter: Counter): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = createReadStream(path)
    input.on('error', reject)
    parser.on('error', reject)
    parser.on('data', (q: {subject: Term; predicate: Term; object: Term}) => counter.add(q.subject, q.predicate, q.object))
    parser.on('end', () => resolve())
    input.pipe(parser)
  })
}

/** Counts @id values in a JSON-LD document without expanding it (no context needed). */
function scanIds(node: unknown, counter: Counter, subject?: string): void {
  if (Array.isArray(node)) {
    node.forEach((item) => scanIds(item, counter, subject))
    return
  }
  if (!node || typeof node !== 'object') return
  const object = node as Record<string, unknown>
  const id = typeof object['@id'] === 'string' ? object['@id'] : undefined
  const keys = Object.keys(object).filter((k) => k !== '@context')
  if (id && subject && keys.length === 1) counter.add({termType: 'NamedNode', value: subject}, {termType: 'NamedNode', value: 'urn:link'}, {termType: 'NamedNode', value: id})
  const self = id && keys.length > 1 ? id : undefined
  if (self) counter.add({termType: 'NamedNode', value: self}, {termType: 'NamedNode', value: 'urn:node'}, {termType: 'Literal', value: ''})
  for (const [key, value] of Object.entries(object)) {
    if (key.startsWith('@') && key !== '@graph') continue
    if (typeof value === 'string' && /^https?:\/\//.test(value) && self && key !== 'type') {
      counter.add({termType: 'NamedNode', value: self}, {termType: 'NamedNode', value: key}, {termType: 'NamedNode', value})
    }
    scanIds(value, counter, self ?? subject)
  }
}

async function readJsonLd(path: string, counter: Counter): Promise<boolean> {
  const document = JSON.parse(await readFile(path, 'utf8')) as object
  // The RDF parsers are loaded only when an RDF file is read: `check` should not pay for them.
  const {default: jsonld} = await import('jsonld')
  try {
    const quads = (await jsonld.toRDF(document, {
      base: pathToFileURL(path).href,
      documentLoader: async (url: string) => {
        throw new Error(`remote context ${url} not fetched (odcheck works offline)`)
      },
    })) as unknown as Array<{subject: Term; predicate: Term; object: Term}>
    for (const q of quads) counter.add(q.subject, q.predicate, q.object)
    return false
  } catch (error) {
    if (!/remote context|loading remote context|documentLoader|not fetched/i.test(String((error as Error).message ?? error) + JSON.stringify((error as {details?: unknown}).details ?? ''))) throw error
    scanIds(document, counter)
    return true
  }
}

/** Reads one RDF file; problems are returned in `error`, never thrown. */
export async function countRdf(path: string, options: {syntax?: RdfSyntax; ownDomains?: string[]} = {}): Promise<RdfSummary> {
  const syntax = options.syntax ?? rdfSyntaxOf(path) ?? 'turtle'
  const counter = new Counter(options.ownDomains ?? [])
  try {
    let approximate = false
    if (syntax === 'jsonld') approximate = await readJsonLd(path, counter)
    else if (syntax === 'rdfxml') {
      const {RdfXmlParser} = await import('rdfxml-streaming-parser')
      await readStream(path, new RdfXmlParser({baseIRI: pathToFileURL(path).href}) as unknown as NodeJS.ReadWriteStream, counter)
    } else {
      const {StreamParser} = await import('n3')
      await readStream(path, new StreamParser({format: N3_FORMAT[syntax], baseIRI: pathToFileURL(path).href}) as unknown as NodeJS.ReadWriteStream, counter)
    }
    return {...counter.summary(path, syntax), ...(approximate ? {approximate} : {})}
  } catch (error) {
    const message = (error as Error).message ?? String(error)
    return {...counter.summary(path, syntax), error: `${path} could not be read as ${syntax}: ${message.split('\n')[0]}`}
  }
}
