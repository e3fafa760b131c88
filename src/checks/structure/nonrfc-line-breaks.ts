import {defineCheck} from '../../engine/check.js'
import {kindsPresent} from '../shared/line-breaks.js'
import {cellBreakHooks, recordTerminators, type CellBreaksState} from './cell-line-breaks.js'

/**
 * Rows end with LF or CR rather than the CRLF RFC 4180 asks for. A file mixing kinds is
 * left to mixed-line-endings, so one problem gives one finding.
 */
export const nonrfcLineBreaks = defineCheck({
  name: 'nonrfc-line-breaks',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'Rows end with {{kind}} line breaks ({{count|#}}), not CRLF as RFC 4180 specifies',
    cr: 'Rows end with bare CR line breaks ({{count|#}}), an old Mac convention many tools read as one long line',
  },
  create: () => ({
    ...cellBreakHooks,
    end(state: CellBreaksState, head, stats, report) {
      const {records} = recordTerminators(state, head, stats)
      const kinds = kindsPresent(records)
      if (kinds.length !== 1 || kinds[0] === 'crlf') return
      const kind = kinds[0]
      report({messageId: kind === 'cr' ? 'cr' : 'default', details: {kind: kind.toUpperCase(), count: records[kind], ...records}})
    },
  }),
})
