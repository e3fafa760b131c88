/**
 * Streams the records of one byte range of a table (the whole file, or one chunk of it)
 * through decode → parse, handing each data row to `onRow` exactly once.
 */
import {createReadStream} from 'node:fs'
import {once} from 'node:events'
import {isUtf8} from 'node:buffer'
import {parse, type CsvError, type Options} from 'csv-parse'
import iconv from 'iconv-lite'
import {LineEndingCounter} from './line-endings.js'
import {invalidUtf8Offsets, partialTail} from './utf8.js'
import type {LineEndingCounts, Row, SourceProblem, TableHead} from './types.js'

export interface RowRange {
  /** First byte (after any BOM). */
  start: number
  /** Byte after the last one; undefined for end of file. */
  end?: number
  /** Record number of the first record in the range. */
  firstRowNumber: number
  /** Physical line of the first byte in the range. */
  firstLine: number
  /** Records at the start of the range that are title rows or the header, not data. */
  skipRecords: number
}

export interface RangeResult {
  /** Data rows handed to onRow. */
  rowCount: number
  /** All records in the range, including skipped ones. */
  records: number
  lineEndings: LineEndingCounts
  problems: SourceProblem[]
  problemCount: number
  bytes: number
}

interface ParsedRecord {
  cells: string[]
  endLine: number
  raw?: string
}

const READ_CHUNK = 1 << 20

export async function readRows(
  head: TableHead,
  range: RowRange,
  onRow: (row: Row) => void,
  maxProblems = 100,
): Promise<RangeResult> {
  const {encoding, dialect} = head
  const utf8 = encoding.encoding === 'utf-8'
  const problems: SourceProblem[] = []
  let problemCount = 0
  const addProblem = (problem: SourceProblem) => {
    problemCount++
    if (problems.length < maxProblems) problems.push(problem)
  }

  const lineOffset = range.firstLine - 1
  // csv-parse's typings do not describe on_record returning a different shape.
  const parser = parse({
    delimiter: dialect.delimiter,
    quote: dialect.quoteChar,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    raw: true,
    // With `raw`, csv-parse hands on_record {record, raw} rather than the bare array.
    on_record: ({record, raw}: {record: string[]; raw: string}, context: {lines: number}): ParsedRecord => {
      const parsed: ParsedRecord = {cells: record, endLine: context.lines + lineOffset}
      for (const cell of record) {
        if (cell.includes(dialect.quoteChar)) {
          parsed.raw = raw.replace(/\r?\n$|\r$/, '')
          break
        }
      }
      return parsed
    },
  } as unknown as Options)

  let recordNumber = range.firstRowNumber - 1
  let lastEndLine = range.firstLine - 1
  let records = 0
  let rowCount = 0
  parser.on('skip', (error: CsvError) => {
    const startLine = lastEndLine + 1
    recordNumber++
    records++
    const endLine = Number(error.lines ?? 0) + lineOffset
    lastEndLine = Math.max(endLine, startLine)
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      addProblem({kind: 'unclosed-quote', line: startLine, rowNumber: recordNumber, message: 'a quoted field is never closed'})
    } else {
      addProblem({kind: 'parse', line: startLine, rowNumber: recordNumber, message: error.message})
    }
  })

  const counter = new LineEndingCounter()
  let bytes = 0
  const input = createReadStream(head.path, {
    start: range.start,
    end: range.end === undefined ? undefined : range.end - 1,
    highWaterMark: READ_CHUNK,
  })
  const decoder = utf8 ? undefined : iconv.getDecoder(encoding.encoding)

  const produce = async () => {
    let carry: Buffer | undefined
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        bytes += chunk.length
        if (utf8) {
          const data = carry ? Buffer.concat([carry, chunk]) : chunk
          const tail = partialTail(data)
          const whole = tail ? data.subarray(0, data.length - tail) : data
          carry = tail ? Buffer.from(data.subarray(data.length - tail)) : undefined
          if (!isUtf8(whole)) reportBadBytes(whole)
          counter.add(whole)
          if (!parser.write(whole)) await once(parser, 'drain')
        } else {
          const text = decoder!.write(chunk)
          counter.add(text)
          if (text && !parser.write(text)) await once(parser, 'drain')
        }
      }
      if (carry) {
        reportBadBytes(carry)
        counter.add(carry)
        parser.write(carry)
      }
      if (decoder) {
        const rest = decoder.end()
        if (rest) {
          counter.add(rest)
          parser.write(rest)
        }
      }
      parser.end()
    } catch (error) {
      parser.destroy(error as Error)
    }
  }

  const reportBadBytes = (data: Buffer) => {
    const lineBase = range.firstLine + counter.breaks
    for (const offset of invalidUtf8Offsets(data, Math.max(1, maxProblems - problems.length))) {
      let line = lineBase
      for (let i = 0; i < offset; i++) if (data[i] === 10 || (data[i] === 13 && data[i + 1] !== 10)) line++
      addProblem({kind: 'encoding', line, message: `byte 0x${data[offset].toString(16).padStart(2, '0').toUpperCase()} is not valid UTF-8`})
    }
  }

  const producing = produce()
  for await (const record of parser as AsyncIterable<ParsedRecord>) {
    const startLine = lastEndLine + 1
    lastEndLine = record.endLine
    recordNumber++
    records++
    if (records <= range.skipRecords) continue
    rowCount++
    const row: Row = {cells: record.cells, rowNumber: recordNumber, line: startLine}
    if (record.raw !== undefined) row.raw = record.raw
    onRow(row)
  }
  await producing
  return {rowCount, records, lineEndings: counter.finish(), problems, problemCount, bytes}
}
