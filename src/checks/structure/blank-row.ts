import {defineCheck} from '../../engine/check.js'
import {isBlankRecord} from '../../table/blank.js'

export const blankRow = defineCheck({
  name: 'blank-row',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'Row {{rowNumber}} is blank'},
  create: () => ({
    row(_state, row, report) {
      if (isBlankRecord(row.cells)) report({rowNumber: row.rowNumber, line: row.line})
    },
  }),
})
