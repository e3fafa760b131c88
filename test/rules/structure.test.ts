import {ruleTester} from '../helpers/rule-tester.js'

ruleTester('blank-row', {
  valid: ['valid.csv'],
  invalid: [{file: 'invalid.csv', findings: [{rowNumber: 3, line: 3}, {rowNumber: 5, line: 5}]}],
})

ruleTester('extra-cell', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 3, details: {value: 'x'}},
        {rowNumber: 4, fieldNumber: 3},
        {rowNumber: 4, fieldNumber: 4},
      ],
    },
  ],
})

ruleTester('missing-cell', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 3, fieldName: 'ward'},
        {rowNumber: 4, fieldNumber: 2, fieldName: 'name'},
        {rowNumber: 4, fieldNumber: 3, fieldName: 'ward'},
      ],
    },
  ],
})

ruleTester('blank-label', {
  valid: ['valid.csv'],
  invalid: [{file: 'invalid.csv', findings: [{rowNumber: 1, fieldNumber: 2}, {rowNumber: 1, fieldNumber: 4}]}],
})

ruleTester('duplicate-label', {
  valid: ['valid.csv'],
  invalid: [{file: 'invalid.csv', findings: [{rowNumber: 1, fieldNumber: 3, fieldName: 'id', details: {firstFieldNumber: 1}}, {rowNumber: 1, fieldNumber: 4, details: {firstFieldNumber: 2}}]}],
})

ruleTester('source-error', {
  valid: ['valid.csv'],
  invalid: [
    {file: 'empty.csv', findings: [{details: {reason: 'empty'}}]},
    {file: 'binary.csv', findings: [{details: {reason: 'binary'}}]},
  ],
})
