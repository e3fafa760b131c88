/**
 * type-error, one fixture pair per family of types: every type and format of Table Schema, each
 * invalid cell at its exact row (header = 1) and column, valid files with nothing to report.
 */
import {ruleTester} from '../helpers/rule-tester.js'

const withSchema = (schema: string) => ({schemaFile: `type-error/${schema}`})
const cell = (rowNumber: number, fieldNumber: number, fieldType: string, fieldFormat: string, value: string) => ({rowNumber, fieldNumber, details: {fieldType, fieldFormat, cell: value}})

ruleTester('type-error', {
  valid: [
    {file: 'strings-valid.csv', run: withSchema('strings.schema.json')},
    {file: 'numbers-valid.csv', run: withSchema('numbers.schema.json')},
    {file: 'booleans-valid.csv', run: withSchema('booleans.schema.yaml')},
    {file: 'dates-valid.csv', run: withSchema('dates.schema.json')},
    {file: 'structured-valid.csv', run: withSchema('structured.schema.json')},
    {file: 'missing-valid.csv', run: withSchema('missing.schema.json')},
    // Without a schema there is nothing to check against.
    'numbers-invalid.csv',
  ],
  invalid: [
    {
      file: 'strings-invalid.csv',
      run: withSchema('strings.schema.json'),
      findings: [
        // The email is shown masked, as every report masks personal data.
        {rowNumber: 2, fieldNumber: 2, details: {fieldType: 'string', fieldFormat: 'email'}},
        cell(3, 3, 'string', 'uri', 'www.trafford.gov.uk/data'),
        cell(3, 4, 'string', 'uuid', '3f2504e0-4f89-11d3-9a0c'),
        cell(3, 5, 'string', 'binary', 'aGVsbG8'),
        cell(4, 3, 'string', 'uri', 'https://www.trafford.gov.uk/my data'),
        cell(4, 5, 'string', 'binary', 'not base64!'),
      ],
    },
    {
      file: 'numbers-invalid.csv',
      run: withSchema('numbers.schema.json'),
      findings: [
        cell(2, 1, 'number', 'default', '1,250.50'),
        cell(3, 1, 'number', 'default', '£12'),
        cell(3, 3, 'number', 'default', 'twelve'),
        cell(3, 4, 'integer', 'default', '4.0'),
        cell(4, 1, 'number', 'default', '1.2.3'),
        cell(4, 2, 'number', 'default', '1,2,3'),
        cell(4, 4, 'integer', 'default', '1e3'),
        cell(4, 5, 'integer', 'default', '1.5'),
      ],
    },
    {
      file: 'booleans-invalid.csv',
      run: withSchema('booleans.schema.yaml'),
      findings: [cell(2, 1, 'boolean', 'default', 'yes'), cell(3, 2, 'boolean', 'default', 'true'), cell(4, 1, 'boolean', 'default', 'T'), cell(4, 2, 'boolean', 'default', 'no')],
    },
    {
      file: 'dates-invalid.csv',
      run: withSchema('dates.schema.json'),
      findings: [
        cell(2, 1, 'date', 'default', '31/03/2024'),
        cell(2, 2, 'date', '%d/%m/%Y', '03/31/2024'),
        cell(3, 1, 'date', 'default', '2023-02-29'),
        cell(3, 2, 'date', '%d/%m/%Y', '31/02/2024'),
        cell(3, 3, 'date', 'any', 'not a date'),
        cell(3, 4, 'time', 'default', '24:00:00'),
        cell(3, 5, 'time', '%H:%M', '9.05'),
        cell(3, 6, 'datetime', 'default', '2024-03-31T14:30'),
        cell(3, 7, 'datetime', '%d/%m/%Y %H:%M', '31/03/2024'),
        cell(3, 8, 'year', 'default', '24'),
        cell(3, 9, 'yearmonth', 'default', '2024-13'),
        cell(3, 10, 'duration', 'default', '1 year'),
        cell(4, 1, 'date', 'default', '2024-3-5'),
        cell(4, 2, 'date', '%d/%m/%Y', '2024-03-31'),
        cell(4, 4, 'time', 'default', '14:30'),
        cell(4, 5, 'time', '%H:%M', '09:05:00'),
        cell(4, 6, 'datetime', 'default', '2024-03-31'),
        cell(4, 7, 'datetime', '%d/%m/%Y %H:%M', '31/03/2024 25:00'),
        cell(4, 10, 'duration', 'default', 'P'),
      ],
    },
    {
      file: 'structured-invalid.csv',
      run: withSchema('structured.schema.json'),
      findings: [
        cell(2, 1, 'object', 'default', '[1]'),
        cell(2, 2, 'array', 'default', '{"a": 1}'),
        cell(2, 3, 'list', 'default', '1;two;3'),
        cell(2, 4, 'geopoint', 'default', '53.48, -200'),
        cell(2, 5, 'geopoint', 'array', '[1, 2, 3]'),
        cell(2, 6, 'geopoint', 'object', '{"lon": 1}'),
        cell(2, 7, 'geojson', 'default', '{"type": "Circle", "coordinates": [0, 0]}'),
        cell(3, 4, 'geopoint', 'default', '-2.24 53.48'),
        cell(3, 7, 'geojson', 'default', '{"type": "Point", "coordinates": [-2.24]}'),
        cell(4, 1, 'object', 'default', 'not json'),
        cell(4, 2, 'array', 'default', '[1'),
        cell(4, 3, 'list', 'default', '1, 2'),
        cell(4, 6, 'geopoint', 'object', '{"lon": -2.24, "lat": 91}'),
      ],
    },
    {
      // Schema-level missingValues (v2 objects too), a field's own list, and v2 categories.
      file: 'missing-invalid.csv',
      run: withSchema('missing.schema.json'),
      findings: [cell(2, 2, 'integer', 'default', 'NA'), cell(3, 1, 'string', 'default', 'Timperley'), cell(3, 3, 'number', 'default', 'x'), cell(4, 2, 'integer', 'default', '')],
    },
  ],
})
