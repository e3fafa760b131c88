/**
 * Streams the records of one byte range of a table (the whole file, or one chunk of it)
 * through decode → parse, handing each data row to `onRow` exactly once.
 */
import {open} from 'node:fs/promises'
import {isAscii, isUtf8} from 'node:buffer'
import iconv from 'iconv-lite'
import {RecordParser} from './record-parser.js'
import {decideAtFirstNonAscii, firstNonAscii} from './late-encoding.js'
import {invalidUtf8Offsets, partialTail} from './utf8.js'
import type {EncodingInfo, LineEndingCounts, RecordPlace, Row, SourceProblem, TableHead} from './types.js'

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
  /** Sees every byte of the range, in order, as it is read (hashing, progress). In-process only: never sent to a worker. */
  onBytes?: (bytes: Buffer) => void
}

/** Where a provisionally UTF-8 table turned out to be in a legacy encoding, and which. */
export interface EncodingSwitch {
  /** File offset of the first non-ASCII byte, where the decision was made. */
  offset: number
  encoding: EncodingInfo
}

export interface RangeResult {
  /** Data rows handed to onRow. */
  rowCount: number
  /** All records in the range, including skipped ones. */
  records: number
  lineEndings: LineEndingCounts
  /** Of each kind of line break that ends records, the first record in the range it ends. */
  firstRecordEndings?: Partial<Record<keyof LineEndingCounts, RecordPlace>>
  problems: SourceProblem[]
  problemCount: number
  bytes: number
  /** Set when the range decided the table's encoding at its first non-ASCII byte and it is not UTF-8. */
  encodingSwitch?: EncodingSwitch
}

const READ_CHUNK = 1 << 20
const DECODE_PIECE = 1 << 16

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

  let recordNumber = range.firstRowNumber - 1
  let records = 0
  let rowCount = 0
  const skipRecords = range.skipRecords
  // csv-parse's rules, several times faster and with physical line numbers (see record-parser.ts).
  const parser = new RecordParser(
    dialect.delimiter,
    dialect.quoteChar,
    {
      record(cells, line, raw, text, dropped) {
        recordNumber++
        if (++records <= skipRecords) return
        rowCount++
        // Every row has the same shape, raw or not, so the checks' property reads stay monomorphic.
        onRow({cells, rowNumber: recordNumber, line, raw, text, dropped})
      },
      unclosedQuote(line) {
        recordNumber++
        records++
        addProblem({kind: 'unclosed-quote', line, rowNumber: recordNumber, message: 'a quoted field is never closed'})
      },
      fieldTooLong(line) {
        addProblem({kind: 'parse', line, rowNumber: recordNumber + 1, message: 'a field is longer than 16 million characters; the rest of it is not read'})
      },
    },
    range.firstLine,
    dialect.escapeChar,
  )

  let bytes = 0
  let lastWasCR = false
  const reportBadBytes = (data: Buffer) => {
    // The parser has read everything before `data` but a quote or delimiter it keeps back, never a line break.
    let line = parser.line
    let i = lastWasCR && data[0] === 10 ? 1 : 0
    for (const offset of invalidUtf8Offsets(data, Math.max(1, maxProblems - problems.length))) {
      for (; i < offset; i++) if (data[i] === 10 || (data[i] === 13 && data[i + 1] !== 10)) line++
      addProblem({kind: 'encoding', line, message: `byte 0x${data[offset].toString(16).padStart(2, '0').toUpperCase()} is not valid UTF-8`})
    }
  }

  const handle = await open(head.path, 'r')
  let switched: EncodingSwitch | undefined
  try {
    let decoder = utf8 ? undefined : iconv.getDecoder(encoding.encoding)
    const pushDecoded = (data: Buffer) => {
      for (let offset = 0; offset < data.length; offset += DECODE_PIECE) parser.push(decoder!.write(data.subarray(offset, offset + DECODE_PIECE)))
    }
    // Provisional UTF-8 (an ASCII start): decided at the first non-ASCII byte, maybe for a legacy decoder.
    let provisional = utf8 && Boolean(encoding.provisional)
    /** Decides at the first non-ASCII byte of `bytes` (at `fileOffset`); true when the rest of them went to a legacy decoder. */
    const decide = async (bytes: Buffer, fileOffset: number): Promise<boolean> => {
      provisional = false
      const at = firstNonAscii(bytes)
      const legacy = await decideAtFirstNonAscii(handle, fileOffset + at)
      if (!legacy) return false
      switched = {offset: fileOffset + at, encoding: legacy}
      if (at > 0) parser.push(bytes.subarray(0, at).toString('latin1'))
      decoder = iconv.getDecoder(legacy.encoding)
      pushDecoded(bytes.subarray(at))
      return true
    }
    const buffer = Buffer.allocUnsafe(READ_CHUNK + 4)
    const end = range.end ?? Number.MAX_SAFE_INTEGER
    let position = range.start
    let carried = 0
    while (position < end) {
      const {bytesRead} = await handle.read(buffer, carried, Math.min(READ_CHUNK, end - position), position)
      if (bytesRead === 0) break
      const dataOffset = position - carried
      position += bytesRead
      bytes += bytesRead
      range.onBytes?.(buffer.subarray(carried, carried + bytesRead))
      const data = buffer.subarray(0, carried + bytesRead)
      if (decoder) {
        pushDecoded(data)
        continue
      }
      // A multi-byte character cut at the end of the read waits for the next read.
      const limit = data.length - partialTail(data)
      let handedOver = false
      // Strings of 256 KB and more are slow for V8 to allocate: decode in small pieces, whole characters each.
      for (let offset = 0; offset < limit; ) {
        let stop = Math.min(offset + DECODE_PIECE, limit)
        if (stop < limit) stop -= partialTail(data.subarray(offset, stop))
        const piece = data.subarray(offset, stop)
        if (isAscii(piece)) parser.push(piece.toString('latin1'))
        else if (provisional && (await decide(data.subarray(offset), dataOffset + offset))) {
          handedOver = true
          break
        } else {
          if (!isUtf8(piece)) reportBadBytes(piece)
          parser.push(piece.toString('utf8'))
        }
        lastWasCR = piece[piece.length - 1] === 13
        offset = stop
      }
      carried = handedOver ? 0 : data.length - limit
      if (carried) buffer.copyWithin(0, limit, data.length)
    }
    if (carried) {
      const rest = buffer.subarray(0, carried)
      if (!(provisional && (await decide(rest, position - carried)))) {
        reportBadBytes(rest)
        parser.push(rest.toString('utf8'))
      }
    }
    if (decoder) {
      const rest = decoder.end()
      if (rest) parser.push(rest)
    }
    parser.end()
  } finally {
    await handle.close()
  }
  const firstRecordEndings: Partial<Record<keyof LineEndingCounts, RecordPlace>> = {}
  for (const [kind, first] of Object.entries(parser.firstEndings) as Array<[keyof LineEndingCounts, (typeof parser.firstEndings)[keyof LineEndingCounts]]>) {
    if (first) firstRecordEndings[kind] = {rowNumber: range.firstRowNumber - 1 + first.record, line: first.line}
  }
  return {rowCount, records, lineEndings: parser.lineEndings, firstRecordEndings, problems, problemCount, bytes, ...(switched ? {encodingSwitch: switched} : {})}
}
