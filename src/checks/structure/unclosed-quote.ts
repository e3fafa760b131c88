import {defineCheck} from '../../engine/check.js'

/**
 * A quoted field that is never closed. The parser then reads everything after it as one
 * cell, so the reader skips the record; it lists the problem where the record starts.
 */
export const unclosedQuote = defineCheck({
  name: 'unclosed-quote',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'A quoted value opened in row {{rowNumber}} (line {{line}}) is never closed: the rest of the file from there is lost',
  },
  create: () => ({
    end(_state, head, stats, report) {
      for (const problem of stats.problems) {
        if (problem.kind !== 'unclosed-quote') continue
        report({
          line: problem.line,
          ...(problem.rowNumber === undefined ? {} : {rowNumber: problem.rowNumber}),
          details: {quoteChar: head.dialect.quoteChar},
        })
      }
    },
  }),
})
