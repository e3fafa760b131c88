import {defineCheck} from '../../engine/check.js'

const MAX_SAMPLE = 80

/**
 * A header and nothing below it: an export that ran before the data was there, or a filter
 * that matched nothing. Also what a file of one enormous line reads as.
 */
export const noDataRows = defineCheck({
  name: 'no-data-rows',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'The table has a header ({{header}}) but no data rows: publish it once it holds data, or say in its description why it is empty'},
  create: () => ({
    end(_state, head, stats, report) {
      if (stats.rowCount > 0 || !head.dialect.header || head.labels.length === 0) return
      // A workbook's sheet of one line of text is a note beside the data ("Source: ..."), not an empty table.
      if (head.format === 'xlsx' && head.labels.length === 1) return
      const header = head.labels.join(', ')
      report({
        rowNumber: head.dialect.skipRows + 1,
        line: head.headerLine,
        details: {header: header.length > MAX_SAMPLE ? `${header.slice(0, MAX_SAMPLE)}…` : header, fieldCount: head.labels.length},
      })
    },
  }),
})
