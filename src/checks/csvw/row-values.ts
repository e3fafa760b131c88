/**
 * A data row read the CSVW way: comment and (when asked) blank rows left out, skipped columns
 * dropped, cells trimmed per the dialect, each cell parsed against its column. Several CSVW
 * rules look at the same row; the result is computed once per row object and shared.
 */
import {isBlankRecord} from '../../table/blank.js'
import type {Row, TableHead} from '../../table/types.js'
import {processCell, trimCell, type CellResult} from '../../metadata/csvw/values/cell.js'
import type {CsvwColumn, CsvwTable} from '../../metadata/csvw/types.js'

export interface RowValues {
  /** Per non-virtual column of the schema, in order. */
  cells: Array<{column: CsvwColumn; fieldNumber: number; text: string; result: CellResult}>
}

const cache = new WeakMap<Row, RowValues | null>()

/** Columns that hold cells (virtual ones do not). */
export function realColumns(table: CsvwTable): CsvwColumn[] {
  return (table.schema?.columns ?? []).filter((c) => !c.virtual)
}

/** Whether a record is a comment row or a skipped blank row, which CSVW leaves out of the table. */
export function isSkippedRow(row: Row, head: TableHead, table: CsvwTable): boolean {
  const {commentPrefix, skipBlankRows} = table.dialect
  if (commentPrefix !== null) {
    const text = row.text ?? row.cells.join(head.dialect.delimiter)
    if (text.startsWith(commentPrefix)) return true
  }
  return skipBlankRows && isBlankRecord(row.cells)
}

/** The row's values, or null when CSVW does not count it as a row or the table has no schema. */
export function rowValues(row: Row, head: TableHead): RowValues | null {
  // Most tables have no CSVW description: answer before the cache is consulted.
  if (!head.csvw?.table?.schema) return null
  const cached = cache.get(row)
  if (cached !== undefined) return cached
  const table = head.csvw?.table
  let values: RowValues | null = null
  if (table?.schema && !isSkippedRow(row, head, table)) {
    const skip = table.dialect.skipColumns
    values = {cells: []}
    realColumns(table).forEach((column, i) => {
      const text = trimCell(row.cells[skip + i] ?? '', table.dialect)
      values!.cells.push({column, fieldNumber: skip + i + 1, text, result: processCell(text, column)})
    })
  }
  cache.set(row, values)
  return values
}

/** How findings name a column: its name when the metadata gives one, else its first title (the derived name is percent-encoded). */
export function columnLabel(column: CsvwColumn): string {
  if (column.nameGiven) return column.name
  return Object.values(column.titles).flat()[0] ?? column.name
}

/** A cell value as shown in a finding: cut short, never a whole paragraph. */
export function shown(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value
}
