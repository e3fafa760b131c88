import {defineCheck} from '../../engine/check.js'

export const duplicateLabel = defineCheck({
  name: 'duplicate-label',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'Column {{fieldNumber}} is named "{{fieldName}}", like column {{firstFieldNumber}}'},
  create: () => ({
    header(head, report) {
      if (!head.dialect.header) return
      const rowNumber = head.dialect.skipRows + 1
      const seen = new Map<string, number>()
      head.labels.forEach((label, i) => {
        const key = label.trim()
        if (key === '') return
        const first = seen.get(key)
        if (first === undefined) seen.set(key, i + 1)
        else report({rowNumber, fieldNumber: i + 1, line: head.headerLine, details: {firstFieldNumber: first}})
      })
    },
  }),
})
