/**
 * rdf-local-uri: IRIs in RDF data that only work on the author's computer or network (file:,
 * localhost, private addresses and intranet names), as subjects, predicates, objects or graph
 * names. Converters leak them: table2qb and csv2rdf write the temporary CSV they read as
 * csvw:url provenance. One finding per file, with counts and a few examples, not one per triple.
 */
import {defineCheck} from '../../engine/check.js'
import type {RdfStatement} from '../../table/rdf.js'
import {curie} from '../../metadata/rdf/vocab.js'
import {localKind, type LocalKind} from './local-iri.js'

const EXAMPLES = 3
const PREDICATES = 3
/** Distinct IRIs remembered exactly; beyond this they are still counted per statement. */
const MAX_DISTINCT = 100_000

export const rdfLocalUri = defineCheck<Record<string, never>, undefined>({
  name: 'rdf-local-uri',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: "{{statements|#}} of the {{triples|#}} triples use IRIs that only work on the author's own computer or network ({{distinct|#}} different, such as {{example}}; in statements using {{predicates}}), so no one else can look them up: give these things http(s) IRIs on a domain you publish on, and leave out statements that only record where the data was made (such as csvw:url provenance)",
    oneIri: "{{statements|#}} of the {{triples|#}} triples use {{example}} (in statements using {{predicates}}), an IRI that only works on the author's own computer or network, so no one else can look it up: give the thing it names an http(s) IRI on a domain you publish on, or leave the statements out if they only record where the data was made (such as csvw:url provenance)",
    one: "1 of the {{triples|#}} triples uses {{example}} (in a statement using {{predicates}}), an IRI that only works on the author's own computer or network, so no one else can look it up: give the thing it names an http(s) IRI on a domain you publish on, or leave the statement out if it only records where the data was made (such as csvw:url provenance)",
  },
  create: () => {
    let statements = 0
    const iris = new Map<string, LocalKind>()
    let capped = false
    const predicates = new Map<string, number>()
    const kinds: Partial<Record<LocalKind, number>> = {}
    const positions = {subject: 0, predicate: 0, object: 0, graph: 0}
    return {
      triple(s: RdfStatement) {
        let local = false
        const see = (value: string, position: keyof typeof positions) => {
          const kind = localKind(value)
          if (!kind) return
          local = true
          positions[position]++
          if (iris.has(value)) return
          if (iris.size < MAX_DISTINCT) iris.set(value, kind)
          else capped = true
          kinds[kind] = (kinds[kind] ?? 0) + 1
        }
        if (s.subject.kind === 'iri') see(s.subject.value, 'subject')
        see(s.predicate, 'predicate')
        if (s.object.kind === 'iri') see(s.object.value, 'object')
        if (s.graph?.kind === 'iri') see(s.graph.value, 'graph')
        if (!local) return
        statements++
        predicates.set(s.predicate, (predicates.get(s.predicate) ?? 0) + 1)
      },
      graphEnd(graph, report) {
        if (statements === 0) return
        const examples = [...iris.keys()].slice(0, EXAMPLES)
        const top = [...predicates].sort((a, b) => b[1] - a[1]).slice(0, PREDICATES).map(([p]) => curie(p))
        report({
          messageId: statements === 1 ? 'one' : iris.size === 1 ? 'oneIri' : 'default',
          details: {
            statements,
            triples: graph.statements,
            distinct: iris.size,
            ...(capped ? {distinctAtLeast: true} : {}),
            example: examples[0],
            examples,
            kinds,
            positions,
            predicates: top,
          },
        })
      },
    }
  },
})
