import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {BoundaryScanner, isScannable, TAPER_MIN_BYTES, type ChunkRange} from '../../src/table/boundaries.js'
import {referenceParse} from './csv-reference.js'
import {csvText} from './csv-arbitrary.js'

function scan(bytes: Buffer, chunkBytes: number, cuts: number[] = [], delimiter = ','): {chunks: ChunkRange[]; records: number} {
  const scanner = new BoundaryScanner({delimiter, chunkBytes, start: 0})
  const chunks: ChunkRange[] = []
  let last = 0
  for (const cut of [...cuts, bytes.length].sort((a, b) => a - b)) {
    const at = Math.min(cut, bytes.length)
    if (at > last) chunks.push(...scanner.push(bytes.subarray(last, at)))
    last = Math.max(last, at)
  }
  chunks.push(...scanner.end())
  return {chunks, records: scanner.records}
}

/** Byte offset, record number and line of every record start, from csv-parse's own records. */
function recordStarts(text: string, delimiter = ',') {
  const {records, unclosedLine, unclosedStart} = referenceParse(text, delimiter)
  const starts = records.map((r, i) => ({byte: Buffer.byteLength(text.slice(0, r.start)), rowNumber: i + 1, line: r.line}))
  if (unclosedStart !== undefined) starts.push({byte: Buffer.byteLength(text.slice(0, unclosedStart)), rowNumber: records.length + 1, line: unclosedLine!})
  return {starts, total: starts.length}
}

function expectChunksAgree(text: string, chunkBytes: number, cuts: number[], delimiter = ',') {
  const bytes = Buffer.from(text, 'utf8')
  const {chunks, records} = scan(bytes, chunkBytes, cuts, delimiter)
  const {starts, total} = recordStarts(text, delimiter)
  expect(records).toBe(total)
  // The chunks tile the bytes.
  expect(chunks[0].start).toBe(0)
  expect(chunks.at(-1)!.end).toBe(bytes.length)
  for (let i = 1; i < chunks.length; i++) expect(chunks[i].start).toBe(chunks[i - 1].end)
  // Each chunk starts exactly where csv-parse starts a record, and knows that record's number and line.
  for (const chunk of chunks.slice(1)) {
    const start = starts.find((s) => s.byte === chunk.start)
    expect(start, `chunk at byte ${chunk.start} starts mid-record`).toBeDefined()
    expect([chunk.firstRowNumber, chunk.firstLine]).toEqual([start!.rowNumber, start!.line])
  }
  expect(chunks.reduce((n, c) => n + c.records, 0)).toBe(total)
  // Every chunk but the last is at least chunkBytes long.
  for (const chunk of chunks.slice(0, -1)) expect(chunk.end - chunk.start).toBeGreaterThanOrEqual(chunkBytes)
}

describe('BoundaryScanner', () => {
  it('cuts only between records, never inside a quoted field holding line breaks', () => {
    const text = 'id,note\r\n1,"line one\r\nline two"\r\n2,"a ""quoted"", b"\n3,x"y\n\n4,"\r"\r5,end'
    const {chunks} = scan(Buffer.from(text), 1)
    expect(chunks.map((c) => [c.firstRowNumber, c.firstLine])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 5],
      [5, 6],
      [6, 7],
      [7, 9],
    ])
    expect(chunks.map((c) => text.slice(c.start, c.end))).toEqual(['id,note\r\n', '1,"line one\r\nline two"\r\n', '2,"a ""quoted"", b"\n', '3,x"y\n', '\n', '4,"\r"\r', '5,end'])
  })

  it('treats a quote inside an unquoted field as a plain character', () => {
    const {chunks, records} = scan(Buffer.from('a,b"c\n"d,e\n'), 1)
    expect(records).toBe(2)
    expect(chunks).toHaveLength(2)
  })

  it('lets a quote never closed swallow the rest of the file as one record', () => {
    const {chunks, records} = scan(Buffer.from('a,b\n1,"open\n2,3\n4,5\n'), 1)
    expect(records).toBe(2)
    expect(chunks.map((c) => c.firstRowNumber)).toEqual([1, 2])
  })

  it('agrees with csv-parse on record starts, numbers and lines for random CSV text', () => {
    fc.assert(
      fc.property(csvText({maxRows: 16}), fc.integer({min: 1, max: 64}), fc.array(fc.nat({max: 300}), {maxLength: 6}), (text, chunkBytes, cuts) => {
        expectChunksAgree(text, chunkBytes, cuts)
      }),
      {numRuns: 500, endOnFailure: true},
    )
  })

  it('agrees with csv-parse for semicolon-delimited text', () => {
    fc.assert(
      fc.property(csvText({delimiter: ';'}), fc.integer({min: 1, max: 40}), (text, chunkBytes) => {
        expectChunksAgree(text, chunkBytes, [], ';')
      }),
      {numRuns: 200, endOnFailure: true},
    )
  })

  it('scans UTF-8 and single-byte encodings, not UTF-16 or multi-byte legacy ones', () => {
    const dialect = {delimiter: ',', quoteChar: '"'}
    const enc = (encoding: string) => ({encoding, bom: false, source: 'given' as const})
    expect(isScannable(enc('utf-8'), dialect)).toBe(true)
    expect(isScannable(enc('windows-1252'), dialect)).toBe(true)
    expect(isScannable(enc('iso-8859-15'), dialect)).toBe(true)
    expect(isScannable(enc('utf-16le'), dialect)).toBe(false)
    expect(isScannable(enc('shift_jis'), {delimiter: '|', quoteChar: '"'})).toBe(false)
    expect(isScannable(enc('utf-8'), {delimiter: ';;', quoteChar: '"'})).toBe(false)
    // The scan knows " only: a table quoted with ' (sniffed, or a package's quoteChar) is read in one piece.
    expect(isScannable(enc('utf-8'), {delimiter: ',', quoteChar: "'", escapeChar: "'"})).toBe(false)
  })
})

describe('BoundaryScanner with workers to balance', () => {
  it('shrinks chunks towards the end, to the bytes left per worker but not below TAPER_MIN_BYTES, so workers finish together', () => {
    const line = 'TX10000001,2024-03-01,Supplier Ltd,1234.56\n'
    const bytes = Buffer.from(line.repeat(Math.ceil((40 << 20) / line.length)))
    const chunkBytes = 8 << 20
    const scanner = new BoundaryScanner({delimiter: ',', chunkBytes, start: 0, size: bytes.length, ways: 2})
    const chunks = [...scanner.push(bytes), ...scanner.end()]
    const sizes = chunks.map((c) => c.end - c.start)
    // Full chunks while plenty is left, then smaller ones; never below the floor but for the very last.
    expect(sizes[0]).toBeGreaterThanOrEqual(chunkBytes)
    expect(sizes.at(-2)!).toBeLessThan(chunkBytes)
    for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThanOrEqual(TAPER_MIN_BYTES)
    for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1] + line.length)
    // Still exactly the input, cut between records.
    expect(chunks[0].start).toBe(0)
    expect(chunks.at(-1)!.end).toBe(bytes.length)
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].start).toBe(chunks[i - 1].end)
    expect(chunks.reduce((n, c) => n + c.records, 0)).toBe(bytes.length / line.length)
    // Without workers to balance, every chunk but the last has chunkBytes.
    const plain = new BoundaryScanner({delimiter: ',', chunkBytes, start: 0})
    const even = [...plain.push(bytes), ...plain.end()]
    for (const c of even.slice(0, -1)) expect(c.end - c.start).toBeGreaterThanOrEqual(chunkBytes)
    expect(even.length).toBeLessThan(chunks.length)
  })
})
