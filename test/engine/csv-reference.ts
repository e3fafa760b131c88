/**
 * csv-parse run as odcheck's reader used to run it, kept as the reference the fast parser and
 * the chunk boundary scanner must agree with. Lines are physical (CRLF, LF or CR end one line).
 */
import {parse} from 'csv-parse/sync'

export interface ReferenceRecord {
  cells: string[]
  /** Physical line where the record starts. */
  line: number
  /** Record text without its terminator. */
  raw: string
  /** Offset (in characters) of the record's first character. */
  start: number
}

export interface ReferenceParse {
  records: ReferenceRecord[]
  /** Line of a record whose quote is never closed (it swallows the rest), if any. */
  unclosedLine?: number
  /** Offset where that record starts. */
  unclosedStart?: number
}

/** Physical line breaks in text: CRLF, LF and CR each count once. */
export function countBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length
}

export function referenceParse(text: string, delimiter = ',', quote = '"', escape = '"'): ReferenceParse {
  const options = {
    delimiter,
    quote,
    escape,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    raw: true,
  }
  const records: ReferenceRecord[] = []
  let unclosedLine: number | undefined
  let unclosedStart: number | undefined
  let rows: Array<{record: string[]; raw: string}>
  try {
    rows = parse(text, options) as unknown as Array<{record: string[]; raw: string}>
  } catch (error) {
    if ((error as {code?: string}).code !== 'CSV_QUOTE_NOT_CLOSED') throw error
    // Parse again without the broken record: the records before it are all there is.
    rows = []
    let consumed = 0
    const partial = parse(text, {...options, skip_records_with_error: true}) as unknown as Array<{record: string[]; raw: string}>
    for (const row of partial) {
      rows.push(row)
      consumed += row.raw.length + (row.raw.endsWith('\r') && text[consumed + row.raw.length] === '\n' ? 1 : 0)
    }
    unclosedLine = 1 + countBreaks(text.slice(0, consumed))
    unclosedStart = consumed
  }
  let offset = 0
  for (const row of rows) {
    // csv-parse's raw keeps the CR of a CRLF but not the LF.
    let rawText = row.raw
    let length = rawText.length
    if (rawText.endsWith('\r') && text[offset + length] === '\n') length++
    rawText = rawText.replace(/\r?\n$|\r$/, '')
    records.push({cells: row.record, line: 1 + countBreaks(text.slice(0, offset)), raw: rawText, start: offset})
    offset += length
  }
  return {records, unclosedLine, unclosedStart}
}
