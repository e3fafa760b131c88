/**
 * missing-label, extra-label and incorrect-label: the header against the schema, by position
 * (fieldsMatch exact, the default) or by name (v2 equal, subset, superset, partial).
 */
import {ruleTester} from '../helpers/rule-tester.js'

const schema = (rule: string, file = 'spend.schema.json') => ({schemaFile: `${rule}/${file}`})

ruleTester('missing-label', {
  valid: [
    {file: 'complete.csv', run: schema('missing-label')},
    {file: 'reordered.csv', run: schema('missing-label', 'subset.schema.json')},
    {file: 'renamed.csv', run: schema('missing-label', 'partial.schema.json')},
  ],
  invalid: [
    {file: 'short.csv', run: schema('missing-label'), findings: [{rowNumber: 1, fieldNumber: 4, fieldName: 'Ward', details: {field: 'Ward'}}]},
    {file: 'renamed.csv', run: schema('missing-label', 'equal.schema.json'), findings: [{rowNumber: 1, fieldNumber: 4, fieldName: 'Ward', details: {field: 'Ward'}}]},
    {
      file: 'unrelated.csv',
      run: schema('missing-label', 'partial.schema.json'),
      findings: ['Date', 'Supplier', 'Amount', 'Ward'].map((field, i) => ({fieldNumber: i + 1, details: {field}})),
    },
  ],
})

ruleTester('extra-label', {
  valid: [
    {file: 'complete.csv', run: schema('extra-label')},
    {file: 'fewer.csv', run: schema('extra-label', 'superset.schema.json')},
  ],
  invalid: [
    {file: 'long.csv', run: schema('extra-label'), findings: [{rowNumber: 1, fieldNumber: 5, details: {label: 'Notes'}}, {rowNumber: 1, fieldNumber: 6, details: {label: ''}}]},
    {file: 'unknown.csv', run: schema('extra-label', 'superset.schema.json'), findings: [{rowNumber: 1, fieldNumber: 3, details: {label: 'Cost Centre'}}]},
  ],
})

ruleTester('incorrect-label', {
  valid: [
    {file: 'complete.csv', run: schema('incorrect-label')},
    // No header row: columns are read by position, nothing to compare.
    {file: 'no-header.csv', run: {...schema('incorrect-label'), header: false}},
  ],
  invalid: [
    {
      file: 'renamed.csv',
      run: schema('incorrect-label'),
      findings: [
        {rowNumber: 1, fieldNumber: 2, details: {label: 'Supplier Name', field: 'Supplier'}},
        {rowNumber: 1, fieldNumber: 4, details: {label: 'ward', field: 'Ward'}},
      ],
    },
    {
      file: 'swapped.csv',
      run: schema('incorrect-label'),
      findings: [
        {rowNumber: 1, fieldNumber: 1, details: {label: 'Supplier', field: 'Date'}},
        {rowNumber: 1, fieldNumber: 2, details: {label: 'Date', field: 'Supplier'}},
      ],
    },
  ],
})
