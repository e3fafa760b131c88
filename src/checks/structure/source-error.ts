import {defineCheck} from '../../engine/check.js'

/** Reported by the engine itself when a table cannot be opened; the check only carries the message. */
export const sourceError = defineCheck({
  name: 'source-error',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: '{{error}}'},
  create: () => ({}),
})
