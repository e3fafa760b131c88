/**
 * Sniffs a CSV dialect from the first part of a file: delimiter, quote, line terminator,
 * title rows above the header, and whether the first real row is a header at all.
 */
import {filledCells, isBlankRecord} from './blank.js'
import {RecordParser} from './record-parser.js'
import {sniffQuoteChar} from './quote-sniff.js'
import type {Dialect, LineTerminator} from './types.js'

export const DELIMITERS = [',', ';', '\t', '|'] as const
const SNIFF_RECORDS = 60
/** Records parsed to learn the table's width and find its header: enough to see past a long preamble. */
const HEADER_SEARCH_RECORDS = 500
const PREAMBLE_SEARCH = 100

export interface SampleRecord {
  cells: string[]
  /** Physical line where the record starts. */
  line: number
}

export interface SniffResult {
  dialect: Dialect
  /** The first records of the sample, parsed with the chosen dialect. */
  records: SampleRecord[]
}

export interface DialectOverrides {
  delimiter?: string
  header?: boolean
  /** Quote character ('' for none) instead of `"`: a data package dialect's quoteChar. */
  quoteChar?: string
  /** Escape of a quote inside quotes instead of doubling `"` (csv-parse's `escape`). */
  escapeChar?: string
}

export function detectLineTerminator(text: string): LineTerminator {
  const i = text.search(/[\r\n]/)
  if (i < 0 || text[i] === '\n') return '\n'
  return text[i + 1] === '\n' ? '\r\n' : '\r'
}

/** Thrown by the sample's record sink once it has enough records: the rest of the sample is not read. */
class Enough extends Error {}

/**
 * The first records of a sample, read by the same parser as the table (table/record-parser.ts),
 * so the sniffer sees exactly the records the checks will. A quote left open ends the sample
 * before that record.
 */
export function parseSample(text: string, delimiter: string, quoteChar: string, complete: boolean, limit = SNIFF_RECORDS, escapeChar = '"'): SampleRecord[] {
  const records: SampleRecord[] = []
  // Read a little more than needed: the last record of an incomplete sample may be cut.
  const wanted = limit + 1
  const parser = new RecordParser(
    delimiter,
    quoteChar,
    {
      record(cells, line) {
        records.push({cells, line})
        if (records.length >= wanted) throw new Enough()
      },
      unclosedQuote() {},
    },
    1,
    escapeChar,
  )
  try {
    parser.push(text)
    parser.end()
  } catch (error) {
    if (!(error instanceof Enough)) throw error
  }
  if (!complete && records.length > limit) records.length = limit
  if (!complete && records.length > 1 && records.length <= limit && !/[\r\n]$/.test(text)) records.pop()
  return records
}

/** Width that most non-blank records share, and how many share it. */
function dominantWidth(records: SampleRecord[]): {width: number; share: number} {
  const counts = new Map<number, number>()
  let total = 0
  for (const r of records) {
    if (isBlankRecord(r.cells)) continue
    counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1)
    total++
  }
  let width = 1
  let best = 0
  for (const [w, n] of counts) if (n > best || (n === best && w > width)) [width, best] = [w, n]
  return {width, share: total ? best / total : 0}
}

/**
 * How well a delimiter splits the sample: the share of records at the modal width, counted
 * three times over, times the share of a record's characters a split of that width sets apart
 * (1 - 1/width). Consistency still rules, but a wide split with a few ragged rows (an unquoted
 * "Smith, J" in 2 of 40) beats a narrow regular one (a "; " inside one text column of every row).
 */
export function delimiterScore(width: number, share: number): number {
  return width < 2 ? 0 : share ** 3 * (1 - 1 / width)
}

export function sniffDelimiter(text: string, quoteChar: string, complete: boolean, escapeChar?: string): string {
  let best: {delimiter: string; score: number} = {delimiter: ',', score: 0}
  for (const delimiter of DELIMITERS) {
    if (!text.includes(delimiter)) continue
    const {width, share} = dominantWidth(parseSample(text, delimiter, quoteChar, complete, undefined, escapeChar))
    const score = delimiterScore(width, share)
    if (score > best.score) best = {delimiter, score}
  }
  return best.delimiter
}

/**
 * Columns of the dominant width that hold values in at least a tenth of those records: an
 * export padded with 24 empty columns is 8 columns wide for the purpose of finding its header.
 */
function usedWidth(records: SampleRecord[], width: number): number {
  const filled = new Array<number>(width).fill(0)
  let rows = 0
  for (const r of records) {
    if (r.cells.length !== width || isBlankRecord(r.cells)) continue
    rows++
    r.cells.forEach((c, i) => {
      if (c.trim() !== '') filled[i]++
    })
  }
  return filled.filter((n) => n > 0 && n >= rows / 10).length
}

/**
 * Rows above the header: blank rows and rows filling well under half the table's used width
 * (titles, notes, a small table pasted above the real one).
 */
function countPreambleRows(records: SampleRecord[]): number {
  const {width} = dominantWidth(records)
  if (width < 2) return 0
  const used = usedWidth(records, width)
  const limit = Math.min(records.length - 1, PREAMBLE_SEARCH)
  for (let i = 0; i < limit; i++) {
    const filled = filledCells(records[i].cells)
    if (filled >= Math.max(2, Math.ceil(used / 2))) return i
  }
  return 0
}

const NUMBER_LIKE = /^[-+(£$€]?\s*\d[\d,]*(\.\d+)?\)?%?$/
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/

function kind(value: string): 'number' | 'date' | 'empty' | 'text' {
  const v = value.trim()
  if (v === '') return 'empty'
  if (DATE_LIKE.test(v)) return 'date'
  if (NUMBER_LIKE.test(v)) return 'number'
  return 'text'
}

/**
 * Whether the first row is a header: a column whose values are numbers or dates under a
 * textual first cell votes yes; a first cell that is itself a number or date like the values
 * below it votes no. Ties go to "header", as nearly all published tables have one.
 */
function looksLikeHeader(first: string[], rest: string[][]): boolean {
  if (rest.length === 0) return first.every((c) => kind(c) === 'text')
  const {yes, no} = headerVotes(first, rest)
  return !(no > 0 && yes === 0)
}

/** Columns voting for the first row being a header (text over numbers or dates) and against it (a number or date like those below). */
function headerVotes(first: string[], rest: string[][]): {yes: number; no: number} {
  let yes = 0
  let no = 0
  for (let col = 0; col < first.length; col++) {
    const below = rest.map((r) => kind(r[col] ?? '')).filter((k) => k !== 'empty')
    if (below.length === 0) continue
    const dominant = below.filter((k) => k === below[0]).length / below.length >= 0.8 ? below[0] : 'text'
    const top = kind(first[col])
    if (dominant !== 'text' && top === 'text') yes++
    if (dominant !== 'text' && top === dominant) no++
  }
  return {yes, no}
}

export interface HeaderGuess {
  skipRows: number
  header: boolean
}

function below(records: SampleRecord[], index: number): string[][] {
  return records.slice(index + 1, index + 21).map((r) => r.cells).filter((c) => !isBlankRecord(c))
}

function headerAt(records: SampleRecord[], index: number): boolean {
  return looksLikeHeader(records[index]?.cells ?? [], below(records, index))
}

/**
 * Title rows above a two-column table. A row with one cell filled there may just as well be a
 * record with an empty value, so the row below the titles must read plainly as a header: a text
 * label over a column of numbers or dates ("Allotment sites" above "Site,Plots" above "Ashton,20").
 */
function narrowPreambleRows(records: SampleRecord[], skipRows: number): number {
  if (skipRows === 0 || dominantWidth(records).width !== 2) return skipRows
  return headerVotes(records[skipRows]?.cells ?? [], below(records, skipRows)).yes > 0 ? skipRows : 0
}

/** A row of labels only, some of them blank: every filled cell is text. */
function isLabelRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '')
  return filled.length > 0 && filled.every((c) => kind(c) === 'text')
}

/** Title rows above the header, and whether the first row after them is a header (`header` given: forced), from the first records of a table. */
export function guessHeader(records: SampleRecord[], header?: boolean): HeaderGuess {
  const skipRows = header === false ? 0 : narrowPreambleRows(records, countPreambleRows(records))
  if (header !== undefined) return {skipRows, header}
  if (headerAt(records, skipRows)) return {skipRows, header: true}
  // The first full row is data, and the row right above it holds only labels: that row is the
  // header, with some labels left blank ("Supplier,Amount,,,," over six filled columns), not a title.
  if (skipRows > 0 && isLabelRow(records[skipRows - 1].cells)) return {skipRows: skipRows - 1, header: true}
  return {skipRows, header: false}
}

export function sniffDialect(text: string, complete: boolean, overrides: DialectOverrides = {}): SniffResult {
  const quoteChar = overrides.quoteChar ?? sniffQuoteChar(text, overrides.delimiter ? [overrides.delimiter] : DELIMITERS)
  // A sniffed `'` is escaped by doubling it, as `"` is: 'O''Brien'.
  const escapeChar = overrides.escapeChar ?? (overrides.quoteChar === undefined && quoteChar === "'" ? "'" : undefined)
  const lineTerminator = detectLineTerminator(text)
  const delimiter = overrides.delimiter ?? sniffDelimiter(text, quoteChar, complete, escapeChar)
  const records = parseSample(text, delimiter, quoteChar, complete, HEADER_SEARCH_RECORDS, escapeChar)
  const {skipRows, header} = guessHeader(records, overrides.header)
  return {dialect: {delimiter, quoteChar, ...(escapeChar ? {escapeChar} : {}), header, lineTerminator, skipRows}, records}
}
