import {defineCheck} from '../../engine/check.js'

export const extraCell = defineCheck({
  name: 'extra-cell',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'Row {{rowNumber}} has {{cellCount}} cells but the header has {{fieldCount}}: cell {{fieldNumber}} is extra'},
  create: () => ({
    init: (head) => ({fieldCount: head.labels.length}),
    row(state: {fieldCount: number}, row, report) {
      const {cells} = row
      if (cells.length <= state.fieldCount) return
      // Trailing empty cells (a comma too many at the end of each line) are still extra cells.
      for (let i = state.fieldCount; i < cells.length; i++) {
        report({rowNumber: row.rowNumber, line: row.line, fieldNumber: i + 1, details: {cellCount: cells.length, fieldCount: state.fieldCount, value: cells[i]}})
      }
    },
  }),
})
