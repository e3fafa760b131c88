import {defineCheck} from '../../engine/check.js'

/**
 * Extra cells of one row listed one by one; the rest are counted. A runaway row (a file read with
 * the wrong delimiter, a missing line break) can hold millions: listing them would cost an object
 * each, and only the first few of any rule are ever shown (--max-findings, 100 by default).
 */
export const LISTED_EXTRA_CELLS_PER_ROW = 1000

export const extraCell = defineCheck({
  name: 'extra-cell',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'Row {{rowNumber}} has {{cellCount|cell}} but the header has {{fieldCount|#}}: cell {{fieldNumber}} is extra'},
  create: () => ({
    init: (head) => ({fieldCount: head.labels.length}),
    row(state: {fieldCount: number}, row, report) {
      const {cells} = row
      // A runaway record's cells past the parser's limit are counted, not kept.
      const cellCount = cells.length + (row.dropped ?? 0)
      if (cellCount <= state.fieldCount) return
      // Trailing empty cells (a comma too many at the end of each line) are still extra cells.
      const listed = Math.min(cells.length, state.fieldCount + LISTED_EXTRA_CELLS_PER_ROW)
      for (let i = state.fieldCount; i < listed; i++) {
        const more = i === listed - 1 ? cellCount - listed : 0
        report({rowNumber: row.rowNumber, line: row.line, fieldNumber: i + 1, details: {cellCount, fieldCount: state.fieldCount, value: cells[i]}}, more)
      }
    },
  }),
})
