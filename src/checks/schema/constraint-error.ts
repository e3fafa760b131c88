/**
 * constraint-error: a value of the right type that breaks one of its field's constraints
 * (required, minLength, maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum,
 * pattern, enum). `unique` has its own rule, unique-error, as in Frictionless.
 */
import {defineCheck} from '../../engine/check.js'
import {shownCell} from './cells.js'
import {ABSENT, castRow, compiledSchema, INVALID, MISSING, type CompiledSchema} from './compile.js'

export const constraintError = defineCheck<Record<string, never>, null>({
  name: 'constraint-error',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'Row {{rowNumber}}: "{{cell}}" in "{{field}}" breaks the {{constraint}} constraint ({{expected}})',
    required: 'Row {{rowNumber}}: "{{field}}" is required but has no value',
    minLength: 'Row {{rowNumber}}: "{{cell}}" in "{{field}}" is shorter than {{expected}}',
    maxLength: 'Row {{rowNumber}}: "{{cell}}" in "{{field}}" is longer than {{expected}}',
    minimum: 'Row {{rowNumber}}: {{cell}} in "{{field}}" is below the minimum {{expected}}',
    maximum: 'Row {{rowNumber}}: {{cell}} in "{{field}}" is above the maximum {{expected}}',
    exclusiveMinimum: 'Row {{rowNumber}}: {{cell}} in "{{field}}" is not above {{expected}}',
    exclusiveMaximum: 'Row {{rowNumber}}: {{cell}} in "{{field}}" is not below {{expected}}',
    pattern: 'Row {{rowNumber}}: "{{cell}}" in "{{field}}" does not match the pattern {{expected}}',
    enum: 'Row {{rowNumber}}: "{{cell}}" in "{{field}}" is not one of the allowed values ({{expected}})',
  },
  create: () => {
    let schema: CompiledSchema | undefined
    return {
      appliesTo: (head) => compiledSchema(head) !== undefined,
      init(head) {
        schema = compiledSchema(head)
        return null
      },
      row(_state, row, report) {
        if (!schema) return
        const values = castRow(schema, row)
        for (let i = 0; i < values.length; i++) {
          const value = values[i]
          if (value === INVALID || value === ABSENT) continue
          const f = schema.fields[i]
          const cell = row.cells[f.column]
          if (value === MISSING) {
            if (f.required) report({rowNumber: row.rowNumber, line: row.line, fieldNumber: f.column + 1, messageId: 'required', details: {field: f.field.name, constraint: 'required', expected: true, cell}})
            continue
          }
          const tests = f.tests
          for (let t = 0; t < tests.length; t++) {
            const broken = tests[t](value, cell)
            if (broken) report({rowNumber: row.rowNumber, line: row.line, fieldNumber: f.column + 1, messageId: broken.constraint, details: {field: f.field.name, constraint: broken.constraint, expected: broken.expected, cell: shownCell(cell)}})
          }
        }
      },
    }
  },
})
