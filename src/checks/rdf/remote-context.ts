import {defineCheck} from '../../engine/check.js'

/**
 * Reported by the engine itself (src/engine/run-rdf.ts) when a JSON-LD file takes its @context
 * from the web (schema.org, a W3C vocabulary): odcheck works offline, so the statements were not
 * read. Nothing is wrong with the file, so it is not a source-error; the empty graphEnd hook marks
 * the check as one of RDF data.
 */
export const rdfRemoteContext = defineCheck({
  name: 'rdf-remote-context',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default:
      'The JSON-LD takes its @context from the web ({{url}}) and odcheck works offline, so its statements were not read or checked. That is fine to publish; for odcheck to check the statements, put the context in the file (an inline "@context" object) or check a Turtle copy',
  },
  create: () => ({
    graphEnd() {},
  }),
})
