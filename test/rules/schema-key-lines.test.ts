/**
 * Key findings point at the repeat like other row findings: its rowNumber and the physical
 * line where its record starts (not the same when cells hold line breaks), with the first row
 * that had the key in details.firstRowNumber. Table Schema primary-key and unique-error, CSVW
 * csvw-primary-key, foreign-key, and repeats across the parts of a multipart resource.
 */
import {describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {odcheck} from '../helpers/cli.js'
import {findingsOf, fixturesDir, ruleTester} from '../helpers/rule-tester.js'

ruleTester('primary-key', {
  valid: [],
  invalid: [
    {
      file: 'multiline-invalid.csv',
      run: {schemaFile: 'primary-key/multiline.schema.json'},
      findings: [
        // Row 2 spans lines 2-3 and row 4 lines 5-7: row 5 starts on line 8.
        {rowNumber: 5, line: 8, fieldNumber: 1, details: {fields: ['batch', 'line'], firstRowNumber: 2}},
        {rowNumber: 6, line: 9, fieldNumber: 1, details: {fields: ['batch', 'line'], firstRowNumber: 3}},
      ],
    },
  ],
})

ruleTester('unique-error', {
  valid: [],
  invalid: [
    {
      file: 'multiline-invalid.csv',
      run: {schemaFile: 'unique-error/multiline.schema.json'},
      findings: [
        {rowNumber: 4, line: 5, fieldNumber: 1, details: {fields: ['reference'], firstRowNumber: 2}},
        {rowNumber: 6, line: 8, fieldNumber: 1, details: {fields: ['reference'], firstRowNumber: 3}},
      ],
    },
  ],
})

ruleTester('csvw-primary-key', {
  valid: [],
  invalid: [
    {
      file: 'multiline/licences.csv',
      findings: [
        {rowNumber: 4, line: 5, details: {columns: 'licence_number', firstRowNumber: 2}},
        {rowNumber: 5, line: 8, details: {columns: 'licence_number', firstRowNumber: 3}},
      ],
    },
  ],
})

ruleTester('foreign-key', {
  valid: [],
  invalid: [
    {
      file: 'bodies-invalid.csv',
      run: {schemaFile: 'foreign-key/bodies.schema.json'},
      findings: [
        {rowNumber: 4, line: 4, fieldNumber: 3},
        {rowNumber: 5, line: 5, fieldNumber: 3},
        {rowNumber: 6, line: 6, fieldNumber: 3},
      ],
    },
  ],
})

describe('key findings with lines', {timeout: 60_000}, () => {
  it('carry the line in the JSON report of odcheck check', async () => {
    const {code, stdout} = await odcheck(['check', 'primary-key/multiline-invalid.csv', '--schema', 'primary-key/multiline.schema.json', '--only', 'primary-key', '--json'], {cwd: fixturesDir})
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as JsonReport
    expect(report.findings.map((f) => [f.rule, f.rowNumber, f.line, f.details?.firstRowNumber])).toEqual([
      ['primary-key', 5, 8, 2],
      ['primary-key', 6, 9, 3],
    ])
  })

  it('carry the line of the later part for a repeat across the parts of a multipart resource', async () => {
    const {result} = await findingsOf('primary-key', '../packages/multipart-keys')
    const part = result.tables[1].findings.find((f) => f.details?.firstResource !== undefined)
    expect(part).toMatchObject({rowNumber: 2, line: 2, details: {firstRowNumber: 3}})
  })
})
