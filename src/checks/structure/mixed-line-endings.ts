import {defineCheck} from '../../engine/check.js'
import {kindsPresent} from '../shared/line-breaks.js'
import {cellBreakHooks, recordTerminators, type CellBreaksState} from './cell-line-breaks.js'

/**
 * More than one kind of line break between records; or, when records agree, line breaks
 * inside quoted values of another kind.
 */
export const mixedLineEndings = defineCheck({
  name: 'mixed-line-endings',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    'default': 'Rows end with different line breaks: {{crlf}} CRLF (Windows), {{lf}} LF (Unix), {{cr}} CR (old Mac)',
    'in-cells': 'Line breaks inside values ({{crlf}} CRLF, {{lf}} LF, {{cr}} CR) differ from those ending the rows: tools that read the file line by line will split those values',
  },
  create: () => ({
    ...cellBreakHooks,
    end(state: CellBreaksState, head, stats, report) {
      const {records, inCells} = recordTerminators(state, head, stats)
      const kinds = kindsPresent(records)
      if (kinds.length >= 2) {
        report({details: {...records, kinds, inCells}})
        return
      }
      // Rows end alike, but line breaks inside values differ from them or from each other:
      // harmless to a CSV parser, yet anything that splits the file into lines goes wrong.
      const all = kindsPresent(stats.lineEndings)
      if (all.length >= 2) report({messageId: 'in-cells', details: {...inCells, kinds: all, records, rowEnding: kinds[0] ?? null}})
    },
  }),
})
