import {ruleTester} from '../helpers/rule-tester.js'

ruleTester('proprietary-format', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'car-parks.xlsx',
      findings: [{details: {format: 'xlsx', sheet: 'Car parks'}}],
    },
  ],
})
