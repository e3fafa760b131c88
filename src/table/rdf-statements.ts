/**
 * RDF statements as checks see them, and the set that keeps each one once: a graph is a set of
 * triples, so a triple written twice (table2qb writes each row's provenance once per table) is
 * one triple, as rdflib and every triple store count it.
 */
import {tripleOf, type QuadLike, type Term, type Triple} from '../metadata/rdf/graph.js'
import {has, hashInto, insert, newKeyTable} from './key-table.js'

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

/**
 * Distinct statements remembered, at most: their table then takes 48 MB (12 bytes a slot, at
 * most three in four slots used), so a graph of tens of millions of triples cannot exhaust
 * memory. Past it, statements already remembered are still known as repeats; others are counted
 * as new without being remembered.
 */
export const MAX_DISTINCT_STATEMENTS = 3 * 2 ** 20

/**
 * The statements seen so far, each by a 64-bit hash of its text in a typed-array table
 * (key-table.ts): 16 to 32 bytes a statement however long its literals, where the text itself
 * would hold the whole graph. Two different statements are taken for one with odds of about
 * one in ten million in a graph of a million distinct statements, as for the keys of a table.
 */
export class StatementSet {
  private readonly seen = newKeyTable()
  private readonly hash = new Uint32Array(2)
  /** Statements written again after their first time, once per repeat. */
  duplicates = 0
  /** Statements counted as new after the set was full, without being remembered: a repeat among them counts again. */
  unremembered = 0

  constructor(private readonly capacity = MAX_DISTINCT_STATEMENTS) {}

  /** Distinct statements counted (remembered or not). */
  get size(): number {
    return this.seen.size + this.unremembered
  }

  /** True the first time a statement is added (and for every statement not remembered once the set is full). */
  add(statement: RdfStatement): boolean {
    const {hash, seen} = this
    hashInto(`${termKey(statement.subject)} <${statement.predicate} ${termKey(statement.object)} ${termKey(statement.graph)}`, hash)
    if (seen.size < this.capacity) {
      if (insert(seen, hash[0], hash[1], 0) === 0) return true
    } else if (!has(seen, hash[0], hash[1])) {
      this.unremembered++
      return true
    }
    this.duplicates++
    return false
  }
}
