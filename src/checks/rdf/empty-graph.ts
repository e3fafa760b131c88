import {defineCheck} from '../../engine/check.js'

/** An RDF file that parses but holds no statements: only prefixes and comments, or nothing at all. */
export const rdfEmptyGraph = defineCheck<Record<string, never>, undefined>({
  name: 'rdf-empty-graph',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'The file holds no triples (only prefixes or comments, or nothing): publish it once it holds data, or remove it'},
  create: () => ({
    graphEnd(graph, report) {
      if (graph.statements === 0) report({details: {bytes: graph.head.bytes ?? 0}})
    },
  }),
})
