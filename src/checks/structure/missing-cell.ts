import {defineCheck} from '../../engine/check.js'

export const missingCell = defineCheck({
  name: 'missing-cell',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'Row {{rowNumber}} has {{cellCount|cell}} but the header has {{fieldCount|#}}: column "{{fieldName}}" is missing'},
  create: () => ({
    init: (head) => ({fieldCount: head.labels.length}),
    row(state: {fieldCount: number}, row, report) {
      const {cells} = row
      if (cells.length >= state.fieldCount) return
      // A blank line is a blank row, not a row of missing cells.
      if (cells.length === 1 && cells[0] === '') return
      for (let i = cells.length; i < state.fieldCount; i++) {
        report({rowNumber: row.rowNumber, line: row.line, fieldNumber: i + 1, details: {cellCount: cells.length, fieldCount: state.fieldCount}})
      }
    },
  }),
})
