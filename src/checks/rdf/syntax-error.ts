import {defineCheck} from '../../engine/check.js'

/**
 * Reported by the engine itself (src/engine/run-rdf.ts) when an RDF file does not parse: the
 * parser's line (and column, for RDF/XML and JSON) and what to fix. The check only carries the
 * message; its empty graphEnd hook marks it as a check of RDF data, not of tables' rows.
 */
export const rdfSyntaxError = defineCheck({
  name: 'rdf-syntax-error',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: '{{error}} {{hint}}'},
  create: () => ({
    graphEnd() {},
  }),
})
