/**
 * Cell rules of CSV on the Web: values that are not of their column's datatype or format
 * (csvw-datatype), that break length or value constraints (csvw-length, csvw-range), and
 * required cells that are empty or null (csvw-required). No state: rows in any order.
 */
import {defineCheck} from '../../engine/check.js'
import type {TableHead} from '../../table/types.js'
import {columnLabel, rowValues, shown} from './row-values.js'

const noOptions = {type: 'object', additionalProperties: false}

function problemCheck(name: string, kind: 'datatype' | 'length' | 'range', message: string) {
  return defineCheck<Record<string, never>, undefined>({
    name,
    optionsSchema: noOptions,
    messages: {default: message},
    create: () => {
      // Row hooks are not given the head: init, called before the rows of each chunk, keeps it.
      let head: TableHead | undefined
      return {
        appliesTo: (h) => Boolean(h.csvw?.table?.schema),
        init(h) {
          head = h
          return undefined
        },
        row(_state, row, report) {
          const values = head && rowValues(row, head)
          if (!values) return
          for (const {column, fieldNumber, result} of values.cells) {
            for (const problem of result.problems) {
              if (problem.kind !== kind) continue
              const details: Record<string, unknown> = {value: shown(problem.value), reason: problem.reason, column: columnLabel(column), datatype: column.datatype.base}
              if (problem.constraint !== undefined) details.constraint = problem.constraint
              if (problem.limit !== undefined) details.limit = problem.limit
              const format = column.datatype.numberFormat?.pattern ?? column.datatype.format
              if (format !== undefined) details.format = format
              report({rowNumber: row.rowNumber, fieldNumber, line: row.line, details})
            }
          }
        },
      }
    },
  })
}

export const csvwDatatype = problemCheck('csvw-datatype', 'datatype', 'Value "{{value}}" in column {{column}} {{reason}} (datatype {{datatype}}).')
export const csvwLength = problemCheck('csvw-length', 'length', 'Value "{{value}}" in column {{column}} {{reason}} ({{constraint}}).')
export const csvwRange = problemCheck('csvw-range', 'range', 'Value "{{value}}" in column {{column}} {{reason}} ({{constraint}}).')

export const csvwRequired = defineCheck<Record<string, never>, undefined>({
  name: 'csvw-required',
  optionsSchema: noOptions,
  messages: {
    default: 'Column {{column}} is required, but this cell is empty.',
    null: 'Column {{column}} is required, but "{{value}}" is one of its null values.',
  },
  create: () => {
    let head: TableHead | undefined
    return {
      appliesTo: (h) => Boolean(h.csvw?.table?.schema),
      init(h) {
        head = h
        return undefined
      },
      row(_state, row, report) {
        const values = head && rowValues(row, head)
        if (!values) return
        for (const {column, fieldNumber, text, result} of values.cells) {
          if (!result.missing) continue
          const messageId = text.trim() !== '' ? 'null' : 'default'
          report({rowNumber: row.rowNumber, fieldNumber, line: row.line, messageId, details: {column: columnLabel(column), value: shown(text)}})
        }
      },
    }
  },
})
