/**
 * Reads the sheets of an .xlsx workbook as tables of text cells, streaming with exceljs,
 * so a council's Excel export is judged like its CSV. Cells are rendered as a CSV export
 * would show them: dates as ISO 8601, formulas by their result, errors as `#REF!` etc.
 * exceljs is imported on first use: it is large, and most runs read no workbook.
 */
import {SourceError} from './errors.js'

export interface SheetRow {
  cells: string[]
  rowNumber: number
}

export interface Sheet {
  name: string
  rows: AsyncIterable<SheetRow>
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  const time = date.getUTCHours() || date.getUTCMinutes() || date.getUTCSeconds() ? `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` : ''
  return day + time
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return dateText(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (typeof value !== 'object') return String(value)
  const v = value as Record<string, unknown>
  if ('error' in v) return String(v.error)
  if ('result' in v) return cellText(v.result)
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((part: {text?: string}) => part.text ?? '').join('')
  if ('text' in v) return cellText(v.text)
  if ('sharedFormula' in v || 'formula' in v) return ''
  return JSON.stringify(value)
}

/** Rows of one sheet, with the blank rows exceljs skips put back so row numbers match the sheet. */
async function* sheetRows(worksheet: AsyncIterable<{number: number; values: unknown}>): AsyncIterable<SheetRow> {
  let next = 1
  for await (const row of worksheet) {
    for (; next < row.number; next++) yield {cells: [''], rowNumber: next}
    const values = Array.isArray(row.values) ? row.values.slice(1) : []
    const cells = Array.from({length: values.length}, (_, i) => cellText(values[i]))
    yield {cells, rowNumber: row.number}
    next = row.number + 1
  }
}

/** @param name how to call the file in messages (its path relative to where odcheck runs) */
export async function* readSheets(path: string, name = path): AsyncIterable<Sheet> {
  const {default: ExcelJS} = await import('exceljs')
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {sharedStrings: 'cache', worksheets: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore'})
  try {
    for await (const worksheet of reader as unknown as AsyncIterable<AsyncIterable<{number: number; values: unknown}> & {name: string}>) {
      yield {name: worksheet.name, rows: sheetRows(worksheet)}
    }
  } catch (error) {
    if (error instanceof SourceError) throw error
    throw new SourceError('unreadable', `${name} cannot be read as an Excel workbook (${(error as Error).message}). Open it in a spreadsheet program and save it again as .xlsx, or export each sheet as CSV.`)
  }
}
