import {defineCheck} from '../../engine/check.js'

export const blankLabel = defineCheck({
  name: 'blank-label',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'Column {{fieldNumber}} has no name in the header'},
  create: () => ({
    header(head, report) {
      if (!head.dialect.header) return
      const rowNumber = head.dialect.skipRows + 1
      head.labels.forEach((label, i) => {
        if (label.trim() === '') report({rowNumber, fieldNumber: i + 1, line: head.headerLine, fieldName: ''})
      })
    },
  }),
})
