/**
 * Reads the sheets of an .xlsx workbook as tables of text cells, streaming with exceljs,
 * so a council's Excel export is judged like its CSV. Cells are rendered as a CSV export
 * would show them: dates as ISO 8601, formulas by their result, errors as `#REF!` etc.
 * exceljs is imported on first use: it is large, and most runs read no workbook.
 */
import {statSync} from 'node:fs'
import {SourceError} from './errors.js'

export interface SheetRow {
  cells: string[]
  rowNumber: number
}

export interface Sheet {
  name: string
  /** 1-based position in the workbook's tab order (as Excel shows the sheets). */
  number: number
  /** Every sheet of the workbook in tab order, as its workbook.xml lists them; empty when it does not. */
  names: string[]
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

type ExcelJs = typeof import('exceljs')

type StreamedSheet = AsyncIterable<{number: number; values: unknown}> & {name: string}
/** exceljs's streaming reader: its sheets, and once workbook.xml is read, `model.sheets` in tab order. */
type StreamingReader = AsyncIterable<StreamedSheet> & {model?: {sheets?: Array<{name?: unknown}>}}

function streamingReader(ExcelJS: ExcelJs, path: string): StreamingReader {
  return new ExcelJS.stream.xlsx.WorkbookReader(path, {sharedStrings: 'cache', worksheets: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore'}) as unknown as StreamingReader
}

/**
 * Workbooks smaller than this are read whole (readWholeWorkbook), without the streaming reader:
 * its races (below) and the temporary files it keeps sheets in when they come before the shared
 * strings, which it sometimes opens after they are gone and then fails outside any handler. A
 * council's export is well under it; the memory a whole read takes grows with the workbook.
 */
export const WHOLE_WORKBOOK_BYTES = 8 << 20

/**
 * @param name how to call the file in messages (its path relative to where odcheck runs)
 * @param open the streaming reader (tests give one that fails as exceljs's sometimes does)
 * @param wholeBelow workbooks smaller than this many bytes are read whole (0: always stream)
 */
export async function* readSheets(path: string, name = path, open = streamingReader, wholeBelow = WHOLE_WORKBOOK_BYTES): AsyncIterable<Sheet> {
  const {default: ExcelJS} = await import('exceljs')
  if (wholeBelow > 0 && fileSize(path) < wholeBelow) {
    yield* readWholeWorkbook(ExcelJS, path, name)
    return
  }
  const reader = open(ExcelJS, path)
  let emitted = 0
  try {
    for await (const worksheet of reader) {
      emitted++
      // Sheets are read in the order of their files (sheet1.xml, ...), which a moved tab does not change; the tab order is workbook.xml's.
      const names = (reader.model?.sheets ?? []).map((s) => String(s.name ?? ''))
      const position = names.indexOf(worksheet.name)
      yield {name: worksheet.name, number: position >= 0 ? position + 1 : emitted, names, rows: sheetRows(worksheet)}
    }
  } catch (error) {
    if (error instanceof SourceError) throw error
    if (emitted === 0 && lostWorkbookEntry(error)) {
      yield* readWholeWorkbook(ExcelJS, path, name)
      return
    }
    throw unreadable(name, error)
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    // Unreadable: the reader says so, in its own words.
    return Number.POSITIVE_INFINITY
  }
}

function unreadable(name: string, error: unknown): SourceError {
  return new SourceError('unreadable', `${name} cannot be read as an Excel workbook (${(error as Error).message}). Open it in a spreadsheet program and save it again as .xlsx, or export each sheet as CSV.`)
}

/**
 * exceljs's streaming reader now and then loses a workbook's last zip entry, xl/workbook.xml
 * (exceljs, among other writers, stores it last), and then fails on the first sheet with
 * "Cannot read properties of undefined (reading 'sheets')": a race in reading the zip as one
 * stream (exceljs issue #3064), a few reads in a hundred here. Such a workbook is read again.
 */
export function lostWorkbookEntry(error: unknown): boolean {
  return error instanceof TypeError && error.message.includes("reading 'sheets'")
}

/**
 * The whole workbook read at once, through the zip's central directory, which has no such race:
 * the same sheets as the streaming reader gives, in tab order (the streaming reader's is that of
 * the sheets' files, which exceljs does not tell once the workbook is read). It holds every cell
 * in memory: for small workbooks, and for those the streaming reader failed on.
 */
export async function* readWholeWorkbook(ExcelJS: ExcelJs, path: string, name = path): AsyncIterable<Sheet> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.readFile(path)
  } catch (error) {
    throw unreadable(name, error)
  }
  // `worksheets` is in tab order.
  const names = workbook.worksheets.map((sheet) => sheet.name)
  for (const sheet of workbook.worksheets) {
    const rows: Array<{number: number; values: unknown}> = []
    sheet.eachRow((row, number) => rows.push({number, values: row.values}))
    yield {name: sheet.name, number: names.indexOf(sheet.name) + 1, names, rows: sheetRows(inOrder(rows))}
  }
}

async function* inOrder<T>(items: T[]): AsyncIterable<T> {
  yield* items
}

/**
 * The sheets `--sheet` values choose, resolved against the workbook's sheet names: a value that
 * names a sheet (case aside, as Excel compares them) is that sheet, even when it holds a comma or
 * is made of digits ("2023"); otherwise it is split at commas, and each part is a name or a
 * 1-based number in tab order. Returns the chosen sheet numbers and the parts that match none.
 */
export function chooseSheets(values: string[], names: string[]): {numbers: Set<number>; unknown: string[]} {
  const numbers = new Set<number>()
  const unknown: string[] = []
  const byName = (text: string) => {
    const exact = names.indexOf(text)
    if (exact >= 0) return exact + 1
    const folded = names.findIndex((n) => n.toLowerCase() === text.toLowerCase())
    return folded >= 0 ? folded + 1 : undefined
  }
  for (const value of values) {
    const whole = byName(value.trim())
    const parts = whole === undefined ? value.split(',').map((p) => p.trim()).filter((p) => p !== '') : []
    if (whole !== undefined) numbers.add(whole)
    else if (parts.length === 0) unknown.push(value)
    for (const part of parts) {
      const number = byName(part) ?? (/^\d+$/.test(part) && Number(part) >= 1 && Number(part) <= names.length ? Number(part) : undefined)
      if (number === undefined) unknown.push(part)
      else numbers.add(number)
    }
  }
  return {numbers, unknown}
}
