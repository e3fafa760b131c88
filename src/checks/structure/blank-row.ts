import {defineCheck} from '../../engine/check.js'

export const blankRow = defineCheck({
  name: 'blank-row',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'Row {{rowNumber}} is blank'},
  create: () => ({
    row(_state, row, report) {
      for (const cell of row.cells) if (cell.trim() !== '') return
      report({rowNumber: row.rowNumber, line: row.line})
    },
  }),
})
