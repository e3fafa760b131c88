/**
 * Every CSVW rule with only that rule enabled, on written council-style fixtures: the rule
 * id, row, column and details of each finding, never its wording.
 */
import {ruleTester} from '../helpers/rule-tester.js'

ruleTester('csvw-datatype', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'payments.csv',
      findings: [
        {rowNumber: 4, fieldNumber: 1, fieldName: 'Payment Date', details: {value: '31/04/2024', column: 'payment_date', datatype: 'date', constraint: 'datatype', format: 'dd/MM/yyyy'}},
        {rowNumber: 5, fieldNumber: 2, details: {value: '12.5.0', datatype: 'decimal', constraint: 'datatype'}},
        {rowNumber: 6, fieldNumber: 3, details: {value: 'Maybe', datatype: 'boolean', constraint: 'format', format: 'Y|N'}},
      ],
    },
  ],
})

ruleTester('csvw-length', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'wards.csv',
      findings: [
        {rowNumber: 4, fieldNumber: 1, details: {value: 'E0500082', constraint: 'length', limit: 9}},
        {rowNumber: 4, fieldNumber: 3, details: {value: 'WA14 2', constraint: 'maxLength', limit: 4}},
      ],
    },
  ],
})

ruleTester('csvw-range', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'allotments.csv',
      findings: [
        {rowNumber: 3, fieldNumber: 2, details: {value: '0', constraint: 'minExclusive', limit: 0}},
        {rowNumber: 4, fieldNumber: 3, details: {value: '-5.00', constraint: 'minInclusive', limit: 0}},
        {rowNumber: 5, fieldNumber: 4, details: {value: '2031-01-01', constraint: 'maxInclusive', limit: '2025-12-31'}},
      ],
    },
  ],
})

ruleTester('csvw-required', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'funerals.csv',
      findings: [
        {rowNumber: 3, fieldNumber: 2, details: {column: 'date_of_death', value: ''}},
        {rowNumber: 4, fieldNumber: 3, details: {column: 'ward', value: 'N/A'}},
        {rowNumber: 5, fieldNumber: 1, details: {column: 'reference', value: ''}},
      ],
    },
  ],
})

ruleTester('csvw-primary-key', {
  valid: ['valid.csv'],
  invalid: [
    {file: 'licences.csv', findings: [{rowNumber: 5, details: {columns: 'licence_number', firstRowNumber: 3}}]},
    // Keys compare as values: ward 01 is the integer 1.
    {file: 'counts.csv', findings: [{rowNumber: 3, details: {columns: 'year, ward', firstRowNumber: 2}}]},
  ],
})

ruleTester('csvw-foreign-key', {
  valid: ['valid'],
  invalid: [
    {
      file: 'invalid',
      findings: [
        {resource: 'csvw-foreign-key/invalid/councillors.csv', rowNumber: 3, details: {columns: 'ward_code', value: 'E05000899', table: 'csvw-foreign-key/invalid/wards.csv'}},
        {resource: 'csvw-foreign-key/invalid/councillors.csv', rowNumber: 4, details: {value: 'E05000821'}},
        // An empty key is a value to match too (the W3C suite's test034 is invalid for this).
        {resource: 'csvw-foreign-key/invalid/councillors.csv', rowNumber: 5, details: {value: ''}},
      ],
    },
  ],
})

ruleTester('csvw-column-titles', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'cameras.csv',
      findings: [
        {rowNumber: 1, details: {found: 4, expected: 3}},
        {rowNumber: 1, fieldNumber: 2, fieldName: 'Location', details: {found: 'Location', column: 'location', expected: '"Site"'}},
      ],
    },
    {file: 'names-only.csv', findings: [{rowNumber: 1, fieldNumber: 2, details: {found: 'Location', column: 'location'}}]},
  ],
})

ruleTester('csvw-metadata-error', {
  valid: ['valid-metadata.json'],
  invalid: [
    {file: 'trailing-comma-metadata.json', findings: [{resource: 'csvw-metadata-error/trailing-comma-metadata.json', line: 4, details: {code: 'json-syntax', line: 4, column: 29, readOn: true}}]},
    {
      file: 'spec-errors-metadata.json',
      findings: [
        {line: 3, details: {code: 'blank-node', pointer: '/@id'}},
        {line: 5, details: {code: 'json-ld', pointer: '/dc:source/@list'}},
        {line: 9, details: {code: 'datatype', pointer: '/tableSchema/columns/1/datatype/minimum'}},
        {line: 9, details: {code: 'duplicate-name', pointer: '/tableSchema/columns/1/name'}},
      ],
    },
    {file: 'no-tables-metadata.json', findings: [{line: 1, details: {code: 'required-property', pointer: '/'}}]},
  ],
})

ruleTester('csvw-metadata-warning', {
  valid: ['valid-metadata.json'],
  invalid: [
    {
      file: 'typos-metadata.json',
      findings: [
        {line: 4, details: {code: 'unknown-property', pointer: '/titel'}},
        {line: 7, details: {code: 'property-value', pointer: '/tableSchema/columns/0/required'}},
        {line: 8, details: {code: 'property-value', pointer: '/tableSchema/columns/1/datatype'}},
        {line: 11, details: {code: 'property-value', pointer: '/dialect/header'}},
      ],
    },
  ],
})

ruleTester('csvw-table-missing', {
  valid: ['complete'],
  invalid: [
    {
      file: 'group',
      findings: [
        {resource: 'csvw-table-missing/group/csv-metadata.json', line: 5, details: {code: 'table-missing', table: 'csvw-table-missing/group/card-transactions-2024-25.csv'}},
        {resource: 'csvw-table-missing/group/csv-metadata.json', line: 6, details: {table: 'csvw-table-missing/group/card-transactions-2025-26.csv'}},
      ],
    },
  ],
})

ruleTester('csvw-table-not-described', {
  valid: ['described/allotments.csv'],
  invalid: [{file: 'other/allotments.csv', findings: [{resource: 'csvw-table-not-described/other/csv-metadata.json', details: {code: 'not-describing', table: 'csvw-table-not-described/other/allotments.csv'}}]}],
})
