import {defineCheck} from '../../engine/check.js'

/** Spreadsheets are structured (★★) but need proprietary software to read fully; CSV is the open (★★★) equivalent. */
export const proprietaryFormat = defineCheck({
  name: 'proprietary-format',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {formats: {type: 'array', items: {type: 'string'}, default: ['xlsx']}},
  },
  messages: {default: 'Sheet "{{sheet}}" is published as {{format}}, a spreadsheet format: also publish it as CSV to reach 3 stars'},
  create: (options: {formats: string[]}) => ({
    header(head, report) {
      if (options.formats.includes(head.format)) report({details: {format: head.format, sheet: head.sheet ?? head.resource}})
    },
  }),
})
