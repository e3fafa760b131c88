/**
 * Finds where records end in a table's raw bytes, quote-aware, without decoding or splitting
 * cells, so that a large table can be cut into chunks of about N bytes that each start exactly
 * where a record starts. It follows the same rules as the reader (record-parser.ts, and
 * csv-parse with relax_quotes): a quote opens a quoted field only at the start of a field; `""`
 * inside quotes is an escaped quote; a quote inside quotes closes the field only before a
 * delimiter, a line break, NUL or the end; \r\n, \n and \r end records outside quotes; a quote
 * never closed swallows the rest of the file. It also counts records and physical line breaks,
 * so each chunk knows its first record number and first line.
 *
 * Works on UTF-8 and on single-byte encodings whose delimiter, quote, CR and LF are the ASCII
 * bytes (every multi-byte UTF-8 sequence and every byte above 0x7F is then plain content).
 */
import {open} from 'node:fs/promises'
import iconv from 'iconv-lite'
import {isSingleByte} from './encoding.js'
import type {Dialect, EncodingInfo} from './types.js'

const CR = 13
const LF = 10

export interface ChunkRange {
  /** First byte of the chunk: the first byte of a record. */
  start: number
  /** Byte after the chunk's last record (and its line break). */
  end: number
  /** Record number of the chunk's first record (the first record of the range is 1). */
  firstRowNumber: number
  /** Physical line of the chunk's first byte. */
  firstLine: number
  /** Records that end in the chunk (its last one may end at the end of the file without a line break). */
  records: number
  /** Line breaks in the chunk. */
  lineBreaks: number
}

/** Whether bytes of this encoding can be scanned for the dialect's structure without decoding. */
export function isScannable(encoding: EncodingInfo, dialect: Pick<Dialect, 'delimiter' | 'quoteChar' | 'escapeChar'>): boolean {
  // The scan knows doubled quotes only: a table with another escape (CSVW doubleQuote: false) is read in one piece.
  if (dialect.delimiter.length !== 1 || dialect.quoteChar !== '"' || (dialect.escapeChar ?? '"') !== '"') return false
  const delimiter = dialect.delimiter.charCodeAt(0)
  if (delimiter >= 0x80 || delimiter === CR || delimiter === LF || delimiter === 0x22) return false
  const name = encoding.encoding
  if (name === 'utf-8') return true
  if (!iconv.encodingExists(name)) return false
  // Single-byte codecs only (iconv-lite's SBCS), and only when the structural bytes mean the same.
  if (!isSingleByte(name)) return false
  const all = iconv.decode(Buffer.from(Array.from({length: 256}, (_, i) => i)), name)
  if (all.length !== 256) return false
  for (const code of [delimiter, 0x22, CR, LF]) {
    for (let byte = 0; byte < 256; byte++) {
      if ((all.charCodeAt(byte) === code) !== (byte === code)) return false
    }
  }
  return true
}

export interface ScanOptions {
  delimiter: string
  /** Cut a chunk at the first record end at least this many bytes after the chunk's start. */
  chunkBytes: number
  /**
   * With the input's end and the number of workers sharing the chunks: chunks shrink towards
   * the end (to the bytes left over `ways`, at least TAPER_MIN_BYTES) so the workers finish
   * together rather than one checking a last whole chunk while the others wait.
   */
  size?: number
  ways?: number
  /** File offset of the first byte given. */
  start: number
  firstRowNumber?: number
  firstLine?: number
}

/**
 * The scanner's state machine. Feed it consecutive pieces of the bytes with `push`, then call
 * `end`; each returns the chunks completed so far.
 */
/** The smallest chunk tapering makes: below this, a chunk's fixed costs (a worker's hooks, its first groups) outweigh the balance. */
export const TAPER_MIN_BYTES = 4 << 20

export class BoundaryScanner {
  /** Records ended so far (after `end`, including a last one without a line break). */
  records = 0
  lineBreaks = 0

  private readonly delimiter: number
  private readonly maxChunkBytes: number
  private readonly size: number | undefined
  private readonly ways: number
  /** Bytes the current chunk should have (see targetFrom). */
  private chunkBytes: number
  private quoted = false
  /** Whether the next byte to read starts a field (a quote there opens a quoted field). */
  private fieldStart = true
  /** Whether anything was read since the last record ended. */
  private inRecord = false
  /** Bytes at the end of the last piece that need the next byte to be understood. */
  private pending: Buffer | undefined
  private offset: number
  private chunkStart: number
  private chunkRecords = 0
  private chunkLineBreaks = 0
  private chunkFirstRow: number
  private chunkFirstLine: number
  private out: ChunkRange[] = []
  private chunks = 0

  constructor(options: ScanOptions) {
    this.delimiter = options.delimiter.charCodeAt(0)
    this.maxChunkBytes = Math.max(1, options.chunkBytes)
    this.size = options.size
    this.ways = options.ways ?? 0
    this.offset = options.start
    this.chunkStart = options.start
    this.chunkFirstRow = options.firstRowNumber ?? 1
    this.chunkFirstLine = options.firstLine ?? 1
    this.chunkBytes = this.targetFrom(this.chunkStart)
  }

  /** Bytes the chunk starting at `start` should have. */
  private targetFrom(start: number): number {
    if (this.size === undefined || this.ways < 2) return this.maxChunkBytes
    const share = Math.floor((this.size - start) / this.ways)
    return Math.min(this.maxChunkBytes, Math.max(share, Math.min(TAPER_MIN_BYTES, this.maxChunkBytes)))
  }

  push(piece: Buffer): ChunkRange[] {
    let buf = piece
    let base = this.offset
    if (this.pending) {
      buf = Buffer.concat([this.pending, piece])
      base -= this.pending.length
      this.pending = undefined
    }
    this.offset = base + buf.length
    this.scan(buf, base, false)
    return this.take()
  }

  end(): ChunkRange[] {
    if (this.pending) {
      const buf = this.pending
      this.pending = undefined
      this.scan(buf, this.offset - buf.length, true)
    }
    // A last record without a line break (or a quote never closed) still ends at the end.
    if (this.inRecord) {
      this.records++
      this.chunkRecords++
      this.inRecord = false
    }
    if (this.offset > this.chunkStart || this.chunks === 0) this.cut(this.offset)
    return this.take()
  }

  private take(): ChunkRange[] {
    const out = this.out
    this.out = []
    return out
  }

  private cut(end: number): void {
    this.chunks++
    this.out.push({
      start: this.chunkStart,
      end,
      firstRowNumber: this.chunkFirstRow,
      firstLine: this.chunkFirstLine,
      records: this.chunkRecords,
      lineBreaks: this.chunkLineBreaks,
    })
    this.chunkStart = end
    this.chunkBytes = this.targetFrom(end)
    this.chunkFirstRow += this.chunkRecords
    this.chunkFirstLine += this.chunkLineBreaks
    this.chunkRecords = 0
    this.chunkLineBreaks = 0
  }

  /** Keeps buf[from..] for the next piece, since its meaning depends on what follows. */
  private hold(buf: Buffer, from: number): void {
    this.pending = Buffer.from(buf.subarray(from))
  }

  // Next CR, LF and quote at or after the scan position in the current piece (-2: not looked for, -1: none).
  private nextCR = -2
  private nextLF = -2
  private nextQuote = -2

  private findCR(buf: Buffer, p: number): number {
    if (this.nextCR !== -1 && this.nextCR < p) this.nextCR = buf.indexOf(CR, p)
    return this.nextCR
  }

  private findLF(buf: Buffer, p: number): number {
    if (this.nextLF !== -1 && this.nextLF < p) this.nextLF = buf.indexOf(LF, p)
    return this.nextLF
  }

  private findQuote(buf: Buffer, p: number): number {
    if (this.nextQuote !== -1 && this.nextQuote < p) this.nextQuote = buf.indexOf(0x22, p)
    return this.nextQuote
  }

  /** Counts line breaks in buf[a, b), content inside quotes; b is a quote, or the end of the bytes. */
  private countBreaks(buf: Buffer, a: number, b: number): void {
    let n = 0
    for (let i = this.findLF(buf, a); i !== -1 && i < b; i = this.findLF(buf, i + 1)) n++
    for (let i = this.findCR(buf, a); i !== -1 && i < b; i = this.findCR(buf, i + 1)) if (buf[i + 1] !== LF || i + 1 >= b) n++
    this.lineBreaks += n
    this.chunkLineBreaks += n
  }

  private scan(buf: Buffer, base: number, final: boolean): void {
    const length = buf.length
    const delimiter = this.delimiter
    this.nextCR = this.nextLF = this.nextQuote = -2
    let p = 0
    while (p < length) {
      if (this.quoted) {
        const close = this.findQuote(buf, p)
        if (close === -1) {
          // Keep a last CR back: an LF starting the next piece makes it one line break with it.
          if (!final && buf[length - 1] === CR) {
            this.countBreaks(buf, p, length - 1)
            this.hold(buf, length - 1)
          } else this.countBreaks(buf, p, length)
          return
        }
        if (close + 1 >= length && !final) {
          this.countBreaks(buf, p, close)
          this.hold(buf, close)
          return
        }
        this.countBreaks(buf, p, close)
        const next = close + 1 < length ? buf[close + 1] : -1
        if (next === 0x22) {
          p = close + 2
          continue
        }
        // Closed before a delimiter, line break, NUL or the end; otherwise the field goes on unquoted.
        this.quoted = false
        this.fieldStart = false
        p = close + 1
        continue
      }
      const nextCR = this.findCR(buf, p)
      const nextLF = this.findLF(buf, p)
      const nextQuote = this.findQuote(buf, p)
      const lineEnd = nextCR === -1 ? nextLF : nextLF === -1 ? nextCR : Math.min(nextCR, nextLF)
      if (nextQuote !== -1 && (lineEnd === -1 || nextQuote < lineEnd)) {
        const q = nextQuote
        const opens = q === p ? this.fieldStart : buf[q - 1] === delimiter
        this.inRecord = true
        this.quoted = opens
        this.fieldStart = false
        p = q + 1
        continue
      }
      if (lineEnd === -1) {
        if (p < length) {
          this.inRecord = true
          this.fieldStart = buf[length - 1] === delimiter
        }
        return
      }
      let end = lineEnd + 1
      if (buf[lineEnd] === CR) {
        if (lineEnd + 1 >= length && !final) {
          if (lineEnd > p) {
            this.inRecord = true
            this.fieldStart = buf[lineEnd - 1] === delimiter
          }
          this.hold(buf, lineEnd)
          return
        }
        if (lineEnd + 1 < length && buf[lineEnd + 1] === LF) end++
      }
      this.records++
      this.chunkRecords++
      this.lineBreaks++
      this.chunkLineBreaks++
      this.inRecord = false
      this.fieldStart = true
      p = end
      if (base + end - this.chunkStart >= this.chunkBytes) this.cut(base + end)
    }
  }
}

export interface ScanFileOptions extends ScanOptions {
  path: string
  /** Byte after the last one to scan (the file's size). */
  size: number
  readBytes?: number
  /** Sees every byte scanned, in order (hashing the file in the same pass). */
  onBytes?: (bytes: Buffer) => void
}

/** Reads the file from `start` and yields chunks as soon as their last record has been seen. */
export async function* scanChunks(options: ScanFileOptions): AsyncGenerator<ChunkRange> {
  const scanner = new BoundaryScanner(options)
  const handle = await open(options.path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(options.readBytes ?? 1 << 20)
    let position = options.start
    while (position < options.size) {
      const {bytesRead} = await handle.read(buffer, 0, Math.min(buffer.length, options.size - position), position)
      if (bytesRead === 0) break
      position += bytesRead
      options.onBytes?.(buffer.subarray(0, bytesRead))
      yield* scanner.push(buffer.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
  yield* scanner.end()
}
