import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {MAX_RECORD_CELLS, RecordParser} from '../../src/table/record-parser.js'
import {countBreaks, referenceParse, type ReferenceRecord} from './csv-reference.js'
import {csvText} from './csv-arbitrary.js'

interface Parsed {
  records: Array<Omit<ReferenceRecord, 'start'>>
  rawSeen: Array<string | undefined>
  texts: string[]
  unclosedLine?: number
  lineEndings: {crlf: number; lf: number; cr: number}
  firstEndings: RecordParser['firstEndings']
  count: number
}

function parseInPieces(text: string, cuts: number[], delimiter = ',', quote = '"', escape = '"'): Parsed {
  const records: Parsed['records'] = []
  const rawSeen: Array<string | undefined> = []
  const texts: string[] = []
  let unclosedLine: number | undefined
  const sink = {
    record(cells: string[], line: number, raw: string | undefined, text: string) {
      records.push({cells, line, raw: raw ?? ''})
      rawSeen.push(raw)
      texts.push(text)
    },
    unclosedQuote(line: number) {
      unclosedLine = line
    },
  }
  const parser = new RecordParser(delimiter, quote, sink, 1, escape)
  let last = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const at = Math.min(cut, text.length)
    parser.push(text.slice(last, at))
    last = Math.max(last, at)
  }
  parser.push(text.slice(last))
  parser.end()
  return {records, rawSeen, texts, unclosedLine, lineEndings: parser.lineEndings, firstEndings: parser.firstEndings, count: parser.records}
}

function lineEndingsOf(text: string) {
  return {
    crlf: (text.match(/\r\n/g) ?? []).length,
    lf: (text.match(/(?<!\r)\n/g) ?? []).length,
    cr: (text.match(/\r(?!\n)/g) ?? []).length,
  }
}

/** Of each kind of line break, the first record it ends (from 1) and that record's line: read off the text after each record. */
function firstEndingsOf(text: string, records: ReferenceRecord[]): RecordParser['firstEndings'] {
  const first: RecordParser['firstEndings'] = {}
  records.forEach((r, i) => {
    const after = text.slice(r.start + r.raw.length, r.start + r.raw.length + 2)
    const kind = after.startsWith('\r\n') ? 'crlf' : after.startsWith('\n') ? 'lf' : after.startsWith('\r') ? 'cr' : undefined
    if (kind) first[kind] ??= {record: i + 1, line: r.line}
  })
  return first
}

function expectSameAsCsvParse(text: string, cuts: number[], delimiter = ',', quote = '"', escape = '"') {
  const expected = referenceParse(text, delimiter, quote, escape)
  const actual = parseInPieces(text, cuts, delimiter, quote, escape)
  expect(actual.records.map((r) => r.cells)).toEqual(expected.records.map((r) => r.cells))
  expect(actual.records.map((r) => r.line)).toEqual(expected.records.map((r) => r.line))
  // The raw text is kept exactly when some cell holds a quote (never without a quote character).
  expect(actual.rawSeen).toEqual(expected.records.map((r) => (quote !== '' && r.cells.some((c) => c.includes(quote)) ? r.raw : undefined)))
  // And every record's text, quotes or not.
  expect(actual.texts).toEqual(expected.records.map((r) => r.raw))
  expect(actual.unclosedLine).toEqual(expected.unclosedLine)
  expect(actual.count).toBe(expected.records.length + (expected.unclosedLine === undefined ? 0 : 1))
  expect(actual.lineEndings).toEqual(lineEndingsOf(text))
  expect(actual.firstEndings).toEqual(firstEndingsOf(text, expected.records))
}

describe('RecordParser', () => {
  it('reads quoted fields, escaped quotes, embedded line breaks and blank lines like csv-parse', () => {
    const text = 'a,b\r\n"x\r\ny",2\r\n\r\n"he said ""hi""",3\n"a"b,c"d\r"",\n'
    expectSameAsCsvParse(text, [])
    const parsed = parseInPieces(text, [])
    expect(parsed.records.map((r) => [r.cells, r.line])).toEqual([
      [['a', 'b'], 1],
      [['x\r\ny', '2'], 2],
      [[''], 4],
      [['he said "hi"', '3'], 5],
      [['"a"b', 'c"d'], 6],
      [['', ''], 7],
    ])
  })

  it('counts a CRLF inside quotes as one line, as an editor shows it', () => {
    const parsed = parseInPieces('a\r\n"1\r\n2"\r\nlast\r\n', [])
    expect(parsed.records.map((r) => r.line)).toEqual([1, 2, 4])
    expect(countBreaks('a\r\n"1\r\n2"\r\n')).toBe(3)
  })

  it('knows the first record each kind of line break ends, also when a CRLF is cut between two pieces', () => {
    const text = 'a,b\r\n"1\n2",x\r\nc,d\ne,f\r\r\n'
    // Cuts between a CR and its LF (4, 13, 23), inside quotes (7), between two CRs (22).
    for (const cuts of [[], [4], [7], [13], [22], [23], [4, 13, 23]]) {
      // The LF inside quotes (line 2) ends no record; record 3 is the first an LF ends; record 4 ends with CR, the blank record 5 with CRLF.
      expect(parseInPieces(text, cuts).firstEndings, `cut at ${cuts}`).toEqual({crlf: {record: 1, line: 1}, lf: {record: 3, line: 4}, cr: {record: 4, line: 5}})
    }
    for (const cuts of [[2], [4]]) expect(parseInPieces('a\rb\r\n', cuts).firstEndings).toEqual({crlf: {record: 2, line: 2}, cr: {record: 1, line: 1}})
    // A CR at the end of one piece and the LF at the start of the next are one CRLF.
    expect(parseInPieces('a\r\nb\n', [2]).firstEndings).toEqual({crlf: {record: 1, line: 1}, lf: {record: 2, line: 2}})
    expect(parseInPieces('a\nb\r\nc\r\n', [4]).firstEndings).toEqual({lf: {record: 1, line: 1}, crlf: {record: 2, line: 2}})
    expect(parseInPieces('a\r\nb\r\n', [5]).firstEndings).toEqual({crlf: {record: 1, line: 1}})
  })

  it('reports a quote never closed at the line where its record starts', () => {
    const parsed = parseInPieces('a,b\n1,2\n3,"open\n4,5\n', [])
    expect(parsed.records.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']])
    expect(parsed.unclosedLine).toBe(3)
  })

  it('agrees with csv-parse on random CSV text cut into random pieces', () => {
    fc.assert(
      fc.property(csvText(), fc.array(fc.nat({max: 400}), {maxLength: 8}), (text, cuts) => {
        expectSameAsCsvParse(text, cuts)
      }),
      {numRuns: 600, endOnFailure: true},
    )
  })

  it('reads backslash-escaped quotes (CSVW doubleQuote: false) like csv-parse with escape "\\"', () => {
    const text = 'id,note\n1,"said \\"hi\\""\n2,"back\\\\slash"\n3,"\\""\n4,"a\\\nb",x\n'
    expectSameAsCsvParse(text, [], ',', '"', '\\')
    expect(parseInPieces(text, [], ',', '"', '\\').records.map((r) => r.cells)).toEqual([['id', 'note'], ['1', 'said "hi"'], ['2', 'back\\slash'], ['3', '"'], ['4', 'a\nb', 'x']])
  })

  it('agrees with csv-parse on random backslash-escaped CSV text cut into random pieces', () => {
    fc.assert(
      fc.property(csvText({escape: '\\'}), fc.array(fc.nat({max: 400}), {maxLength: 8}), (text, cuts) => {
        expectSameAsCsvParse(text, cuts, ',', '"', '\\')
      }),
      {numRuns: 600, endOnFailure: true},
    )
  })

  it('agrees with csv-parse when the quote is another character that escapes itself, or a backslash escapes it', () => {
    fc.assert(
      fc.property(csvText({escape: '\\'}), fc.array(fc.nat({max: 400}), {maxLength: 8}), fc.constantFrom("'", '\\'), (text, cuts, escape) => {
        const swapped = text.replace(/["']/g, (c) => (c === '"' ? "'" : '"'))
        expectSameAsCsvParse(swapped, cuts, ',', "'", escape)
      }),
      {numRuns: 300, endOnFailure: true},
    )
  })

  it('reads every quote as an ordinary character without a quote character (CSVW quoteChar: null), like csv-parse with quote ""', () => {
    const text = 'id,note\n1,"open\n2,say ""hi""\n3,"a",b"\n'
    expectSameAsCsvParse(text, [], ',', '')
    const parsed = parseInPieces(text, [], ',', '')
    expect(parsed.records.map((r) => [r.cells, r.line])).toEqual([
      [['id', 'note'], 1],
      [['1', '"open'], 2],
      [['2', 'say ""hi""'], 3],
      [['3', '"a"', 'b"'], 4],
    ])
    expect(parsed.unclosedLine).toBeUndefined()
    expect(parsed.rawSeen.every((raw) => raw === undefined)).toBe(true)
  })

  it('agrees with csv-parse without a quote character on random CSV text cut into random pieces', () => {
    fc.assert(
      fc.property(csvText(), fc.array(fc.nat({max: 400}), {maxLength: 8}), fc.constantFrom(',', ';;'), (text, cuts, delimiter) => {
        const written = delimiter === ',' ? text : text.replaceAll(',', ';;')
        const expected = referenceParse(written, delimiter, '')
        const actual = parseInPieces(written, cuts, delimiter, '')
        expect(actual.records.map((r) => r.cells)).toEqual(expected.records.map((r) => r.cells))
        // csv-parse's raw text drops half of each two-character delimiter, so its lines are only right with one.
        if (delimiter === ',') expect(actual.records.map((r) => r.line)).toEqual(expected.records.map((r) => r.line))
        expect(actual.rawSeen.every((raw) => raw === undefined)).toBe(true)
        expect(expected.unclosedLine).toBeUndefined()
        expect(actual.unclosedLine).toBeUndefined()
        expect(actual.count).toBe(expected.records.length)
        expect(actual.lineEndings).toEqual(lineEndingsOf(written))
      }),
      {numRuns: 600, endOnFailure: true},
    )
  })

  it('splits like csv-parse with a two-character delimiter', () => {
    // csv-parse's raw text drops half of each two-character delimiter, so only cells are compared.
    fc.assert(
      fc.property(csvText({delimiter: ';;'}), fc.array(fc.nat({max: 400}), {maxLength: 8}), (text, cuts) => {
        const expected = referenceParse(text, ';;')
        const actual = parseInPieces(text, cuts, ';;')
        expect(actual.records.map((r) => r.cells)).toEqual(expected.records.map((r) => r.cells))
        expect(actual.unclosedLine === undefined).toBe(expected.unclosedLine === undefined)
        expect(actual.lineEndings).toEqual(lineEndingsOf(text))
      }),
      {numRuns: 200, endOnFailure: true},
    )
  })

  it('keeps the first MAX_RECORD_CELLS cells of a runaway record and counts the rest, so a file without line breaks cannot exhaust memory', () => {
    const seen: Array<{cells: number; last: string; dropped: number; line: number}> = []
    const parser = new RecordParser(',', '"', {
      record(cells, line, _raw, _text, dropped) {
        seen.push({cells: cells.length, last: cells[cells.length - 1], dropped, line})
      },
      unclosedQuote() {},
    })
    const extra = 1234
    const runaway = Array.from({length: MAX_RECORD_CELLS + extra}, (_, i) => `c${i}`).join(',')
    const text = `a,b\n${runaway}\n1,2\n`
    // Pieces of 64 KB, as the reader pushes them: the runaway record spans hundreds of them.
    for (let i = 0; i < text.length; i += 1 << 16) parser.push(text.slice(i, i + (1 << 16)))
    parser.end()
    expect(seen).toEqual([
      {cells: 2, last: 'b', dropped: 0, line: 1},
      {cells: MAX_RECORD_CELLS, last: `c${MAX_RECORD_CELLS - 1}`, dropped: extra, line: 2},
      {cells: 2, last: '2', dropped: 0, line: 3},
    ])
  })
})
