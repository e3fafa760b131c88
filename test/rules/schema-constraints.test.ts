/**
 * constraint-error: each constraint broken at a known row and column, with details.constraint
 * and the limit; required through missingValues; patterns as whole-cell RE2 matches, so a
 * catastrophic pattern on a 40,000-character cell takes no time.
 */
import {expect, it} from 'vitest'
import {findingsOf, ruleTester} from '../helpers/rule-tester.js'

const run = {schemaFile: 'constraint-error/spend.schema.json'}
const broken = (rowNumber: number, fieldNumber: number, constraint: string, expected: unknown) => ({rowNumber, fieldNumber, details: {constraint, expected}})

ruleTester('constraint-error', {
  valid: [{file: 'spend-valid.csv', run}],
  invalid: [
    {
      file: 'spend-invalid.csv',
      run,
      findings: [
        broken(2, 2, 'required', true),
        broken(3, 1, 'pattern', 'TR-[0-9]{4}'),
        broken(3, 2, 'minLength', 2),
        broken(3, 3, 'minimum', 0),
        broken(3, 4, 'minimum', '01/04/2024'),
        broken(3, 5, 'exclusiveMinimum', 0),
        broken(3, 6, 'enum', ['Adult Social Care', 'Highways', 'Libraries']),
        broken(3, 7, 'enum', [0, 5, 20]),
        broken(3, 8, 'maxLength', 2),
        broken(4, 1, 'required', true),
        broken(4, 3, 'maximum', '10,000'),
        broken(4, 4, 'exclusiveMaximum', '2025-04-01'),
        broken(4, 5, 'exclusiveMaximum', 100),
        broken(5, 1, 'maxLength', 7),
        broken(5, 1, 'pattern', 'TR-[0-9]{4}'),
        broken(5, 2, 'maxLength', 20),
        broken(5, 6, 'enum', ['Adult Social Care', 'Highways', 'Libraries']),
      ],
    },
    {
      file: 'pattern.csv',
      run: {schemaFile: 'constraint-error/pattern.schema.json'},
      findings: [broken(3, 1, 'pattern', '(a+)+b'), broken(4, 2, 'pattern', '[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}')],
    },
    {
      // Lengths count characters, not UTF-16 units: an emoji is one character in two units.
      file: 'lengths.csv',
      run: {schemaFile: 'constraint-error/lengths.schema.json'},
      findings: [broken(3, 1, 'minLength', 3), broken(4, 1, 'maxLength', 3), broken(5, 1, 'maxLength', 3)],
    },
  ],
})

it('runs a catastrophic pattern on a long cell in linear time', async () => {
  const started = performance.now()
  const {count} = await findingsOf('constraint-error', 'pattern.csv', undefined, {schemaFile: 'constraint-error/pattern.schema.json'})
  expect(count).toBe(2)
  expect(performance.now() - started).toBeLessThan(5000)
})
