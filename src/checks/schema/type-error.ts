/**
 * type-error: a cell that is not a value of its field's type and format (Frictionless'
 * `type-error`): `12/31/2024` in a `%d/%m/%Y` date field, `1,250` in a plain number field.
 */
import {defineCheck} from '../../engine/check.js'
import {shownCell} from './cells.js'
import {castRow, compiledSchema, INVALID, type CompiledSchema} from './compile.js'

export const typeError = defineCheck<Record<string, never>, null>({
  name: 'type-error',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'Row {{rowNumber}}: "{{cell}}" in "{{field}}" is not of type {{fieldType}}',
    format: 'Row {{rowNumber}}: "{{cell}}" in "{{field}}" is not of type {{fieldType}} in the format {{fieldFormat}}',
  },
  create: () => {
    // Compiled per head in init (on the main thread, and in each worker for its chunk); never part of the state.
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
          if (values[i] !== INVALID) continue
          const {field, column} = schema.fields[i]
          report({
            rowNumber: row.rowNumber,
            line: row.line,
            fieldNumber: column + 1,
            messageId: field.format === 'default' ? 'default' : 'format',
            details: {field: field.name, fieldType: field.type, fieldFormat: field.format, cell: shownCell(row.cells[column])},
          })
        }
      },
    }
  },
})
