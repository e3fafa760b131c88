/**
 * json-schema-error: Trafford-like EV charger records (one record per line, from line 2) checked
 * against the same rules written in each JSON Schema draft, a GeoJSON file against a schema of
 * its properties, and a data package whose JSON resource declares its schema.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {findingsOf, fixturesDir, ruleTester} from '../helpers/rule-tester.js'

const dir = join(fixturesDir, 'json-schema-error')
const schema = (file: string) => ({schemaFile: join(dir, file)})

/** The same four faults, found whichever draft the schema is written in. */
const faults = [
  {rowNumber: 2, fieldName: 'kW', line: 3, details: {pointer: '/1/kW', keyword: 'type', type: 'number', actual: 'string', value: '50kW'}},
  {rowNumber: 3, line: 4, details: {pointer: '/2', keyword: 'required', missingProperty: 'postcode'}},
  {rowNumber: 3, fieldName: 'connection_type', line: 4, details: {pointer: '/2/connection_type', keyword: 'enum', value: 'Type 3', allowedValues: ['Type 2 (Socket Only)', 'Type 2 (Tethered)', 'CCS (Type 2)', 'CHAdeMO']}},
  {rowNumber: 3, fieldName: 'updated', line: 4, details: {pointer: '/2/updated', keyword: 'format', format: 'date-time', value: '20/11/2023 09:15'}},
]

ruleTester('json-schema-error', {
  valid: [
    // No schema: nothing to check against.
    'ev-chargers.json',
    {file: 'valid.json', run: schema('draft-07.schema.json')},
    {file: 'valid.json', run: schema('2019-09.schema.json')},
    {file: 'valid.json', run: schema('2020-12.schema.json')},
  ],
  invalid: [
    {file: 'ev-chargers.json', run: schema('draft-07.schema.json'), findings: [...faults, {rowNumber: 4, line: 5, details: {pointer: '/3', keyword: 'additionalProperties', additionalProperty: 'operator_email'}}]},
    // 2019-09: unevaluatedProperties is a keyword of this draft, unknown to draft-07.
    {file: 'ev-chargers.json', run: schema('2019-09.schema.json'), findings: [...faults, {rowNumber: 4, details: {pointer: '/3', keyword: 'unevaluatedProperties', additionalProperty: 'operator_email'}}]},
    {file: 'ev-chargers.json', run: schema('2020-12.schema.json'), findings: [...faults, {rowNumber: 4, details: {pointer: '/3', keyword: 'additionalProperties'}}]},
    // GeoJSON: the feature is the row, the property under `properties` the field.
    {file: 'aqma.geojson', run: schema('aqma.schema.json'), findings: [{rowNumber: 2, fieldName: 'area_code', line: 5, details: {pointer: '/features/1/properties/area_code', keyword: 'pattern', value: 'Trafford'}}]},
    // Schemas odcheck cannot use: one finding saying why, and no check against them.
    {file: 'ev-chargers.json', run: schema('draft-04.schema.json'), findings: [{details: {reason: 'draft-04', schemaSource: 'json-schema-error/draft-04.schema.json'}}]},
    {file: 'ev-chargers.json', run: schema('remote-ref.schema.json'), findings: [{details: {reason: 'missing-ref', draft: 'draft-07'}}]},
    // A schema split into files: a $ref to a file beside it is followed (against its $id, or as a path without one) ...
    {file: 'ev-chargers.json', run: schema('split/chargers.schema.json'), findings: [...faults, {rowNumber: 4, details: {keyword: 'additionalProperties'}}]},
    {file: 'ev-chargers.json', run: schema('split/no-id.schema.json'), findings: [faults[2]]},
    // ... but never one outside the schema's folder.
    {file: 'ev-chargers.json', run: schema('split/outside.schema.json'), findings: [{details: {reason: 'missing-ref', schemaSource: 'json-schema-error/split/outside.schema.json'}}]},
    // The data package resource's inline schema, found from the folder.
    {
      file: 'package',
      findings: [
        {resource: 'json-schema-error/package/chargers.json', rowNumber: 2, details: {pointer: '/1/kW', keyword: 'type'}},
        {rowNumber: 3, details: {keyword: 'required'}},
        {rowNumber: 3, details: {keyword: 'enum'}},
        {rowNumber: 3, details: {keyword: 'format'}},
      ],
    },
  ],
})

describe('json-schema-error', () => {
  it('validates with the draft the schema declares: 2020-12 reads prefixItems and items: false as a closed tuple', async () => {
    const tuple = await findingsOf('json-schema-error', 'location-with-altitude.json', undefined, schema('2020-12.schema.json'))
    expect(tuple.findings.map((f) => [f.rowNumber, f.fieldName, f.details?.pointer, f.details?.keyword, f.details?.limit])).toEqual([[1, 'location', '/0/location', 'items', 2]])
    // The draft-07 schema says the same with maxItems.
    const draft07 = await findingsOf('json-schema-error', 'location-with-altitude.json', undefined, schema('draft-07.schema.json'))
    expect(draft07.findings.map((f) => f.details?.keyword)).toEqual(['maxItems'])
  })

  it('names allowed values as JSON in the message, so values with commas stay apart', async () => {
    const {findings} = await findingsOf('json-schema-error', 'ev-chargers.json', undefined, schema('draft-07.schema.json'))
    const enumFinding = findings.find((f) => f.details?.keyword === 'enum')!
    expect(enumFinding.message).toContain('"Type 3"')
    expect(enumFinding.message).toContain('"CCS (Type 2)", "CHAdeMO"')
  })
})
