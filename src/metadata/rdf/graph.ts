/** A small in-memory RDF graph over the quads any of the three parsers produce (RDF/JS term shape). */

export interface Term {
  kind: 'iri' | 'blank' | 'literal'
  value: string
  language?: string
  datatype?: string
}

export interface Triple {
  subject: Term
  predicate: string
  object: Term
}

/** RDF/JS quads (n3, rdfxml-streaming-parser) and jsonld.toRDF's quads share this shape. */
export interface QuadLike {
  subject: {termType: string; value: string}
  predicate: {termType: string; value: string}
  object: {termType: string; value: string; language?: string; datatype?: {value: string}}
}

function term(t: QuadLike['object']): Term {
  if (t.termType === 'Literal') {
    const literal: Term = {kind: 'literal', value: t.value}
    if (t.language) literal.language = t.language
    if (t.datatype?.value) literal.datatype = t.datatype.value
    return literal
  }
  return {kind: t.termType === 'BlankNode' ? 'blank' : 'iri', value: t.value}
}

export function tripleOf(quad: QuadLike): Triple {
  return {subject: term(quad.subject), predicate: quad.predicate.value, object: term(quad.object)}
}

const key = (t: Term) => `${t.kind}:${t.value}`

export class Graph {
  private readonly bySubject = new Map<string, Triple[]>()
  readonly size: number

  constructor(triples: Triple[]) {
    for (const t of triples) {
      const k = key(t.subject)
      const list = this.bySubject.get(k)
      if (list) list.push(t)
      else this.bySubject.set(k, [t])
    }
    this.size = triples.length
  }

  static fromQuads(quads: QuadLike[]): Graph {
    return new Graph(quads.map(tripleOf))
  }

  objects(subject: Term, ...predicates: string[]): Term[] {
    const triples = this.bySubject.get(key(subject)) ?? []
    for (const p of predicates) {
      const found = triples.filter((t) => t.predicate === p).map((t) => t.object)
      if (found.length > 0) return found
    }
    return []
  }

  /** The first predicate (in the order given) that the subject has, with its objects. */
  first(subject: Term, predicates: string[]): {predicate: string; objects: Term[]} | undefined {
    const triples = this.bySubject.get(key(subject)) ?? []
    for (const p of predicates) {
      const objects = triples.filter((t) => t.predicate === p).map((t) => t.object)
      if (objects.length > 0) return {predicate: p, objects}
    }
    return undefined
  }

  subjects(): Term[] {
    return [...this.bySubject.values()].map((triples) => triples[0].subject)
  }

  has(subject: Term, predicate: string, object?: string): boolean {
    return (this.bySubject.get(key(subject)) ?? []).some((t) => t.predicate === predicate && (object === undefined || t.object.value === object))
  }
}
