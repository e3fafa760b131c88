/**
 * Counts, in an RDF file (Turtle, N-Triples, N3, TriG, N-Quads, RDF/XML or JSON-LD, read by
 * src/table/rdf.ts), what the fourth and fifth stars rest on: the HTTP URIs it gives its
 * subjects, and the URIs of other people's data it links to as objects. Types (rdf:type) and
 * vocabulary terms are not links. JSON-LD is read offline: a remote @context is not fetched, so
 * such files fall back to a scan of their @id values and the summary says it is approximate.
 */
import {readFile} from 'node:fs/promises'
import {pathToFileURL} from 'node:url'
import {rdfSyntaxOf, type RdfSyntax} from '../../load/rdf-kind.js'
import {readRdf, RemoteContextError} from '../../table/rdf.js'
import {hostOf, isExternal} from '../domains.js'

export {rdfSyntaxOf, type RdfSyntax} from '../../load/rdf-kind.js'

export interface RdfSummary {
  path: string
  syntax: RdfSyntax
  /** Distinct triples (a graph is a set: one written twice counts once). */
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

interface Term {
  kind: string
  value: string
}

class Counter {
  triples = 0
  private subjects = new Set<string>()
  private objects: Array<{uri: string; host: string}> = []

  constructor(private readonly ownDomains: string[]) {}

  add(subject: Term, predicate: string, object: Term): void {
    this.triples++
    if (subject.kind === 'iri' && hostOf(subject.value)) this.subjects.add(subject.value)
    if (object.kind !== 'iri' || predicate === RDF_TYPE) return
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
  if (id && subject && keys.length === 1) counter.add({kind: 'iri', value: subject}, 'urn:link', {kind: 'iri', value: id})
  const self = id && keys.length > 1 ? id : undefined
  if (self) counter.add({kind: 'iri', value: self}, 'urn:node', {kind: 'literal', value: ''})
  for (const [key, value] of Object.entries(object)) {
    if (key.startsWith('@') && key !== '@graph') continue
    if (typeof value === 'string' && /^https?:\/\//.test(value) && self && key !== 'type') {
      counter.add({kind: 'iri', value: self}, key, {kind: 'iri', value})
    }
    scanIds(value, counter, self ?? subject)
  }
}

/** Reads one RDF file; problems are returned in `error`, never thrown. */
/** `name`: what messages call the file (a file decompressed from an archive is read from a temporary copy). */
export async function countRdf(path: string, options: {syntax?: RdfSyntax; ownDomains?: string[]; name?: string} = {}): Promise<RdfSummary> {
  const syntax = options.syntax ?? rdfSyntaxOf(path) ?? 'turtle'
  let counter = new Counter(options.ownDomains ?? [])
  try {
    // Relative IRIs stay file: URIs here, so they never count as HTTP URIs naming things.
    await readRdf(path, path, syntax, (s) => counter.add(s.subject, s.predicate, s.object), {base: pathToFileURL(path).href})
    return counter.summary(path, syntax)
  } catch (error) {
    if (error instanceof RemoteContextError) {
      counter = new Counter(options.ownDomains ?? [])
      scanIds(JSON.parse(await readFile(path, 'utf8')), counter)
      return {...counter.summary(path, syntax), approximate: true}
    }
    const message = (error as Error).message ?? String(error)
    return {...counter.summary(path, syntax), error: `${options.name ?? path} could not be read as ${syntax}: ${message.split('\n')[0]}`}
  }
}
