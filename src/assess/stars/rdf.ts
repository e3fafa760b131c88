/**
 * What the fourth and fifth stars rest on in an RDF file (Turtle, N-Triples, N3, TriG, N-Quads,
 * RDF/XML or JSON-LD): the HTTP URIs it gives its subjects, and the URIs of other people's data
 * it links to as objects. Types (rdf:type) and vocabulary terms are not links. The run gathers
 * the facts (the rdf-uri-profile rule, src/checks/rdf/uri-profile.ts) as it checks the file;
 * summaryOf judges them against the publisher's domains. countRdf reads a file the run did not,
 * with the same rule. JSON-LD is read offline: a remote @context is not fetched, so such files
 * fall back to a scan of their @id values and the summary says it is approximate.
 */
import {readFile} from 'node:fs/promises'
import {pathToFileURL} from 'node:url'
import {UriProfile, type RdfUriFacts} from '../../checks/rdf/uri-profile.js'
import {rdfSyntaxOf, type RdfSyntax} from '../../load/rdf-kind.js'
import {readRdf, RemoteContextError} from '../../table/rdf.js'
import {bareHost, isExternal} from '../domains.js'

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

const MAX_DOMAINS = 20

/** The stars' view of a file's URI facts: which of the hosts its objects link to are other people's (not `ownDomains`, not its subjects' hosts). */
export function summaryOf(path: string, syntax: RdfSyntax, triples: number, facts: RdfUriFacts, ownDomains: string[] = []): RdfSummary {
  const subjectDomains = [...new Set(facts.subjectHosts.map(bareHost))]
  const external = facts.objectHosts.filter((o) => isExternal(o.host, ownDomains, subjectDomains))
  return {
    path,
    syntax,
    triples,
    subjects: facts.subjects,
    subjectDomains: subjectDomains.slice(0, MAX_DOMAINS),
    externalObjects: external.reduce((n, o) => n + o.uris, 0),
    externalDomains: [...new Set(external.map((o) => bareHost(o.host)))].slice(0, MAX_DOMAINS),
  }
}

interface Term {
  kind: 'iri' | 'literal'
  value: string
}

/** The run's rule, fed statements by hand, with a count of them. */
class Counter {
  triples = 0
  private readonly profile = new UriProfile()

  add(subject: Term, predicate: string, object: Term): void {
    this.triples++
    this.profile.add({subject, predicate, object})
  }

  summary(path: string, syntax: RdfSyntax, ownDomains: string[]): RdfSummary {
    return summaryOf(path, syntax, this.triples, this.profile.facts(), ownDomains)
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

/** Reads one RDF file the run did not read; problems are returned in `error`, never thrown. */
/** `name`: what messages call the file. */
export async function countRdf(path: string, options: {syntax?: RdfSyntax; ownDomains?: string[]; name?: string} = {}): Promise<RdfSummary> {
  const syntax = options.syntax ?? rdfSyntaxOf(path) ?? 'turtle'
  const own = options.ownDomains ?? []
  let counter = new Counter()
  try {
    // Relative IRIs stay file: URIs here, so they never count as HTTP URIs naming things.
    await readRdf(path, path, syntax, (s) => counter.add(s.subject as Term, s.predicate, s.object as Term), {base: pathToFileURL(path).href})
    return counter.summary(path, syntax, own)
  } catch (error) {
    if (error instanceof RemoteContextError) {
      counter = new Counter()
      scanIds(JSON.parse(await readFile(path, 'utf8')), counter)
      return {...counter.summary(path, syntax, own), approximate: true}
    }
    const message = (error as Error).message ?? String(error)
    return {...counter.summary(path, syntax, own), error: `${options.name ?? path} could not be read as ${syntax}: ${message.split('\n')[0]}`}
  }
}
