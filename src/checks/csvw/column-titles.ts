/**
 * csvw-column-titles: the CSV's header must be compatible with the columns the metadata
 * describes (tabular-metadata 5.5.1): as many columns, and each column's titles matching
 * the header cell (case-sensitively, in a matching language). A column with a name but no
 * titles never matches a header when validating.
 */
import {defineCheck} from '../../engine/check.js'
import {languagesMatch} from '../../metadata/csvw/language.js'
import type {CsvwColumn} from '../../metadata/csvw/types.js'
import {trimCell} from '../../metadata/csvw/values/cell.js'
import type {TableHead} from '../../table/types.js'
import {columnLabel, realColumns, shown} from './row-values.js'

/** Titles read from the header rows, per column (skipped columns left out). */
export function headerTitles(head: TableHead): string[][] {
  const table = head.csvw!.table
  const {headerRowCount, skipColumns} = table.dialect
  if (headerRowCount === 0 || !head.dialect.header) return []
  const rows = [...head.preamble.slice(head.preamble.length - (headerRowCount - 1)).map((r) => r.cells), head.labels]
  const width = Math.max(...rows.map((r) => r.length)) - skipColumns
  return Array.from({length: Math.max(0, width)}, (_, i) => rows.map((r) => trimCell(r[skipColumns + i] ?? '', table.dialect)))
}

function titlesMatch(column: CsvwColumn, found: string[], language: string): boolean {
  for (const [lang, titles] of Object.entries(column.titles)) {
    if (!languagesMatch(lang, language)) continue
    if (titles.some((t) => found.includes(t))) return true
  }
  return false
}

function expected(column: CsvwColumn): string {
  const titles = Object.values(column.titles).flat()
  return titles.length ? titles.map((t) => `"${t}"`).join(' or ') : `a column named "${column.name}" but no titles to match the header against`
}

export const csvwColumnTitles = defineCheck<Record<string, never>, undefined>({
  name: 'csvw-column-titles',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'Header "{{found}}" does not match column {{column}} of the metadata, which expects {{expected}}.',
    count: 'The header has {{found|column}} but the metadata describes {{expected|#}} (not counting virtual columns).',
  },
  create: () => ({
    header(head, report) {
      const table = head.csvw?.table
      if (!table?.schema) return
      const found = headerTitles(head)
      if (found.length === 0) return
      const columns = realColumns(table)
      const rowNumber = head.dialect.skipRows + 1
      const line = head.headerLine
      if (found.length !== columns.length) {
        report({rowNumber, line, messageId: 'count', details: {found: found.length, expected: columns.length, metadata: head.csvw!.metadata}})
      }
      columns.slice(0, found.length).forEach((column, i) => {
        const hasTitles = Object.values(column.titles).some((t) => t.length > 0)
        if (!column.nameGiven && !hasTitles) return
        if (hasTitles && titlesMatch(column, found[i], table.lang)) return
        report({
          rowNumber,
          line,
          fieldNumber: table.dialect.skipColumns + i + 1,
          details: {found: shown(found[i].join(' / ')), column: columnLabel(column), expected: expected(column), metadata: head.csvw!.metadata},
        })
      })
    },
  }),
})
