import {defineCheck} from '../../engine/check.js'
import {SPREADSHEET_ERRORS, isDisplayHashes} from './markers.js'

interface Options {
  values: string[]
  additionalValues: string[]
}

/**
 * Cells holding a spreadsheet error such as #REF! or #DIV/0!: a formula failed before the export.
 * Also cells of only `#`s ("########"): a number too wide for its column, saved as displayed.
 */
export const spreadsheetErrorValue = defineCheck({
  name: 'spreadsheet-error-value',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      values: {type: 'array', items: {type: 'string', minLength: 1}, default: SPREADSHEET_ERRORS, description: 'Error values to look for (compared ignoring case and surrounding spaces).'},
      additionalValues: {type: 'array', items: {type: 'string', minLength: 1}, default: [], description: 'More values to look for, on top of `values`.'},
    },
  },
  messages: {
    default: 'Column "{{fieldName}}" in row {{rowNumber}} holds the spreadsheet error {{value}}: a formula failed before the file was saved',
    hashes: 'Column "{{fieldName}}" in row {{rowNumber}} holds "{{value}}", a spreadsheet\'s display of a value too wide for its column: the file was saved as displayed; save the values instead',
  },
  create: (options: Options) => {
    const errors = new Set([...options.values, ...options.additionalValues].map((v) => v.trim().toUpperCase()))
    const longest = Math.max(0, ...[...errors].map((v) => v.length))
    // First characters the values can start with (# for all the defaults): most cells fail this at once.
    // A table, not a set: this runs on every cell, and a set lookup hashes its key each time.
    // A value of spaces alone trims to nothing: no cell is compared with it.
    // '#' always: a cell of only #s is looked for whatever the values.
    const initials = [...new Set(['#', ...[...errors].filter((v) => v !== '').flatMap((v) => [v[0], v[0].toLowerCase()])])]
    const starts = new Uint8Array(0x10000)
    for (const c of initials) starts[c.charCodeAt(0)] = 1
    /** Whether the record's text holds none of the first characters: one search rules out every cell (no `#`, no error). */
    const noneIn = (text: string | undefined) => {
      if (text === undefined || initials.length > 4) return false
      for (const c of initials) if (text.indexOf(c) !== -1) return false
      return true
    }
    const startsWith = (cell: string) => {
      let i = 0
      while (i < cell.length && cell.charCodeAt(i) <= 32) i++
      return i < cell.length && starts[cell.charCodeAt(i)] === 1
    }
    return {
      row(_state, row, report) {
        if (noneIn(row.text)) return
        const {cells} = row
        for (let i = 0; i < cells.length; i++) {
          const cell = cells[i]
          // Cheap filter first: every spreadsheet error is short and (by default) starts with #.
          if (cell === '' || !startsWith(cell)) continue
          const value = cell.trim()
          if (cell.length <= longest + 8 && errors.has(value.toUpperCase())) report({rowNumber: row.rowNumber, line: row.line, fieldNumber: i + 1, details: {value}})
          else if (isDisplayHashes(value)) report({rowNumber: row.rowNumber, line: row.line, fieldNumber: i + 1, messageId: 'hashes', details: {value, tooNarrow: true}})
        }
      },
    }
  },
})
