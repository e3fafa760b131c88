/**
 * RDF statements as checks see them, and the set that keeps each one once: a graph is a set of
 * triples, so a triple written twice (table2qb writes each row's provenance once per table) is
 * one triple, as rdflib and every triple store count it.
 */
import {tripleOf, type QuadLike, type Term, type Triple} from '../metadata/rdf/graph.js'

export type {Term} from '../metadata/rdf/graph.js'

/** One triple (or quad, in TriG and N-Quads: `graph` is its named graph). */
export interface RdfStatement extends Triple {
  graph?: Term
}

export interface QuadWithGraph extends QuadLike {
  graph?: {termType: string; value: string}
}

export function statementOf(quad: QuadWithGraph): RdfStatement {
  const statement: RdfStatement = tripleOf(quad)
  if (quad.graph && quad.graph.termType !== 'DefaultGraph' && quad.graph.value !== '') statement.graph = {kind: quad.graph.termType === 'BlankNode' ? 'blank' : 'iri', value: quad.graph.value}
  return statement
}

function termKey(t: Term | undefined): string {
  if (!t) return ''
  if (t.kind !== 'literal') return `${t.kind === 'blank' ? '_' : '<'}${t.value}`
  return `"${t.value}"${t.language ? `@${t.language}` : ''}${t.datatype ? `^^${t.datatype}` : ''}`
}

/** cyrb53: a 53-bit hash; different seeds give independent hashes. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/**
 * Distinct statements remembered, at most: some 60 bytes each (about 130 MB for this many), so
 * a graph of tens of millions of triples cannot exhaust memory. Past it, statements already
 * remembered are still known as repeats; others are counted as new without being remembered.
 */
export const MAX_DISTINCT_STATEMENTS = 2 ** 21

/**
 * The statements seen so far, each by two independent 53-bit hashes of its text: some 60 bytes
 * a statement however long its literals, where the text itself would hold the whole graph, and
 * two different statements are taken for one with odds far below one in 10^20 even in a graph
 * of millions.
 */
export class StatementSet {
  private readonly seen = new Map<number, number>()
  /** The rare statements whose first hash another statement already has. */
  private readonly clashes = new Set<string>()
  private count = 0
  /** Statements written again after their first time, once per repeat. */
  duplicates = 0
  /** Statements counted as new after the set was full, without being remembered: a repeat among them counts again. */
  unremembered = 0

  constructor(private readonly capacity = MAX_DISTINCT_STATEMENTS) {}

  get size(): number {
    return this.count
  }

  /** True the first time a statement is added (and for every statement not remembered once the set is full). */
  add(statement: RdfStatement): boolean {
    const text = `${termKey(statement.subject)} <${statement.predicate} ${termKey(statement.object)} ${termKey(statement.graph)}`
    const first = hash53(text, 0)
    const second = hash53(text, 0x9e3779b9)
    const known = this.seen.get(first)
    if (known === second || (known !== undefined && this.clashes.has(`${first}:${second}`))) {
      this.duplicates++
      return false
    }
    this.count++
    if (this.seen.size + this.clashes.size >= this.capacity) this.unremembered++
    else if (known === undefined) this.seen.set(first, second)
    else this.clashes.add(`${first}:${second}`)
    return true
  }
}
