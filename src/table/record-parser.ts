/**
 * A streaming CSV record parser that splits records exactly as csv-parse does with the options
 * odcheck uses (relax_quotes, relax_column_count, record delimiters \r\n \n \r, blank lines kept,
 * `"` as escape unless another `escape` is given), but several times faster: records without an opening quote are cut with
 * indexOf + split, and only records holding a quoted field walk the state machine, which jumps
 * from quote to quote. It also counts physical lines (CRLF, LF, CR each end one line, inside
 * quotes too), where csv-parse counts a CRLF inside quotes as two.
 *
 * csv-parse's rules, as its state machine applies them:
 * - a quote opens a quoted field only at the start of a field; elsewhere it is a plain character;
 * - inside quotes, the escape character (`"` by default; `\` for CSVW's `doubleQuote: false`)
 *   followed by a quote (or, when the escape is not the quote, by anything) stands for that
 *   character;
 * - a quote inside quotes closes the field when the next character is a delimiter, a line break,
 *   NUL or the end of the input; otherwise (relax_quotes) the field goes on unquoted with the
 *   quotes kept: `"a"b` reads as `"a"b`;
 * - a record ends at \r\n, \n or \r outside quotes; a blank line is a record of one empty cell;
 *   the end of input ends a record only when something was read since the last line break;
 * - a quote still open at the end of input swallows the rest: that record is an error.
 *
 * An empty quote (csv-parse's `quote: ''`, CSVW's `quoteChar: null`) means the table has no
 * quoting: every quote character is an ordinary one and records are cut at line breaks only.
 */
import type {LineEndingCounts} from './types.js'

/** The first record a kind of line break ended: its place among the records read (from 1) and the line it starts on. */
export interface FirstEnding {
  record: number
  line: number
}

const CR = 13
const LF = 10

/** A field longer than this is cut (the rest is dropped) so that one runaway quote cannot exhaust memory. */
export const MAX_FIELD_CHARS = 1 << 24

/**
 * Cells of one record kept; the rest are counted (`dropped`). A record of 31 million cells (a
 * file with no line breaks) would otherwise cost an array of 250 MB. A record read on the fast
 * path lies within one decoded piece of text, far shorter, so only the state machine drops cells.
 */
export const MAX_RECORD_CELLS = 1 << 20

export interface RecordSink {
  /**
   * One record: its cells, the physical line it starts on, its text when a cell holds a quote
   * (`raw`), its text always (`text`, without the line break that ends it), and the cells past
   * MAX_RECORD_CELLS it had but that are not in `cells` (`dropped`).
   */
  record(cells: string[], line: number, raw: string | undefined, text: string, dropped: number): void
  /** A quote opened at `line` is never closed; the rest of the input is that one broken record. */
  unclosedQuote(line: number): void
  /** A field was longer than MAX_FIELD_CHARS and was cut. */
  fieldTooLong?(line: number): void
}

const enum State {
  /** At the start of a field, nothing read (a quote here opens a quoted field). */
  FieldStart,
  /** Inside a quoted field. */
  Quoted,
  /** In an unquoted field, or after a closed quoted field. */
  Unquoted,
}

export class RecordParser {
  /** Physical line of the next character. */
  line: number
  readonly lineEndings: LineEndingCounts = {crlf: 0, lf: 0, cr: 0}
  /** Of each kind of line break, the first record it ended (not line breaks inside quotes): lets mixed-line-endings name the row. */
  readonly firstEndings: Partial<Record<keyof LineEndingCounts, FirstEnding>> = {}
  /** The record a CR at the end of the last text ended, which an LF at the start of the next makes a CRLF. */
  private endedByCR: FirstEnding | undefined
  /** Records ended so far, counting an unclosed-quote record. */
  records = 0

  private readonly delim: string
  private readonly delimCode: number
  private readonly quote: string
  private readonly quoteCode: number
  /** What the cached next quote starts as for each text: -2 (not looked up yet), or -1 (none) when there is no quote character. */
  private readonly quoteUnknown: number
  private readonly escape: string
  /** The escape is the quote (`""`): quoted fields are read on the fast path. */
  private readonly escapeIsQuote: boolean
  private readonly doubledQuote: string

  // State of a record that is not finished yet (slow path).
  private state = State.FieldStart
  private inRecord = false
  private cells: string[] = []
  /** Cells of the current record past MAX_RECORD_CELLS. */
  private dropped = 0
  private field = ''
  private recordLine = 0
  private rawPrefix = ''
  private cut = false
  /** The last character consumed was a CR: an LF right after it belongs to the same line break. */
  private prevCR = false
  /** That CR ended a record outside quotes, so an LF right after it is part of the record delimiter. */
  private prevCRWasDelimiter = false
  /** Index of an LF in the current text that completes a CRLF already counted. */
  private skipLFAt = -1
  /** Text kept from the end of the last chunk because the next character decides what it means. */
  private carry = ''

  // Next occurrence at or after the scan position in the current text (-1: none), cached.
  private text = ''
  private nextCR = -1
  private nextLF = -1
  private nextQuote = -1
  private nextDelim = -1

  constructor(
    delimiter: string,
    quote: string,
    private readonly sink: RecordSink,
    firstLine = 1,
    /** csv-parse's `escape`: one character. */
    escape = '"',
  ) {
    if (delimiter.length === 0) throw new Error('the delimiter is empty')
    if (quote.length > 1) throw new Error('the quote must be one character, or empty for none')
    if (escape.length !== 1) throw new Error('the escape must be one character')
    this.delim = delimiter
    this.delimCode = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1
    this.quote = quote
    // No quote character: no character code matches -1, and no quote is ever found.
    this.quoteCode = quote === '' ? -1 : quote.charCodeAt(0)
    this.quoteUnknown = quote === '' ? -1 : -2
    this.escape = escape
    this.escapeIsQuote = escape === quote
    this.doubledQuote = quote + quote
    this.line = firstLine
  }

  /** Parses the next piece of text. Records are handed to the sink as soon as they end. */
  push(chunk: string): void {
    let text = this.carry ? this.carry + chunk : chunk
    this.carry = ''
    if (text.length === 0) return
    let p = 0
    this.skipLFAt = -1
    if (this.prevCR) {
      if (text.charCodeAt(0) === LF) {
        this.lineEndings.cr--
        this.lineEndings.crlf++
        // After a record delimiter the LF completes it; inside quotes it is content, already counted.
        if (this.prevCRWasDelimiter) {
          p = 1
          // The record that CR ended ends with a CRLF: it may be the first, and is not the first a CR ended.
          const first = this.firstEndings
          const ended = this.endedByCR!
          if (first.cr === ended) delete first.cr
          first.crlf ??= ended
        } else this.skipLFAt = 0
      }
      this.prevCR = false
      this.prevCRWasDelimiter = false
    }
    this.text = text
    this.nextCR = this.nextLF = this.nextDelim = -2
    this.nextQuote = this.quoteUnknown
    this.scan(p, false)
    text = ''
    this.text = ''
  }

  /** Ends the input: a last record without a line break is handed on; an open quote is reported. */
  end(): void {
    const rest = this.carry
    this.carry = ''
    this.text = rest
    this.nextCR = this.nextLF = this.nextDelim = -2
    this.nextQuote = this.quoteUnknown
    if (rest) this.scan(0, true)
    this.text = ''
    if (!this.inRecord) return
    if (this.state === State.Quoted) {
      this.records++
      this.sink.unclosedQuote(this.recordLine)
    } else {
      this.pushCell()
      this.emitSlow(undefined)
    }
    this.resetRecord()
  }

  private pushCell(): void {
    if (this.cells.length < MAX_RECORD_CELLS) this.cells.push(this.field)
    else this.dropped++
  }

  private resetRecord(): void {
    this.inRecord = false
    this.state = State.FieldStart
    this.cells = []
    this.dropped = 0
    this.field = ''
    this.rawPrefix = ''
    this.cut = false
  }

  private findCR(p: number): number {
    if (this.nextCR !== -1 && this.nextCR < p) this.nextCR = this.text.indexOf('\r', p)
    return this.nextCR
  }

  private findLF(p: number): number {
    if (this.nextLF !== -1 && this.nextLF < p) this.nextLF = this.text.indexOf('\n', p)
    return this.nextLF
  }

  private findQuote(p: number): number {
    if (this.nextQuote !== -1 && this.nextQuote < p) this.nextQuote = this.text.indexOf(this.quote, p)
    return this.nextQuote
  }

  private findDelim(p: number): number {
    if (this.nextDelim !== -1 && this.nextDelim < p) this.nextDelim = this.text.indexOf(this.delim, p)
    return this.nextDelim
  }

  /** First CR or LF at or after p, or -1. */
  private findBreak(p: number): number {
    const cr = this.findCR(p)
    const lf = this.findLF(p)
    if (cr === -1) return lf
    if (lf === -1) return cr
    return cr < lf ? cr : lf
  }

  private isDelimAt(text: string, i: number): boolean {
    if (this.delimCode >= 0) return text.charCodeAt(i) === this.delimCode
    return text.startsWith(this.delim, i)
  }

  /** Counts the line breaks in text[a, b), which is field content (not a record delimiter). */
  private countBreaks(text: string, a: number, b: number): void {
    if (a >= b) return
    let i = a
    if (this.skipLFAt === a && text.charCodeAt(a) === LF) i = a + 1
    const counts = this.lineEndings
    const length = text.length
    for (;;) {
      const cr = this.findCR(i)
      const lf = this.findLF(i)
      const next = cr === -1 ? lf : lf === -1 ? cr : cr < lf ? cr : lf
      if (next === -1 || next >= b) break
      this.line++
      if (next === lf) {
        counts.lf++
        i = next + 1
      } else if (next + 1 < length && text.charCodeAt(next + 1) === LF) {
        counts.crlf++
        // The LF may lie past b, in the next piece of content: it must not count again there.
        if (next + 1 < b) i = next + 2
        else {
          this.skipLFAt = b
          break
        }
      } else {
        counts.cr++
        i = next + 1
        // A CR at the very end of the text: an LF at the start of the next chunk joins it.
        if (i === length) this.prevCR = true
      }
    }
  }

  /**
   * Ends a record at the line break at `e` (outside quotes); returns where the next record starts.
   * `record` and `line`: the record's place among those read (from 1) and the line it starts on.
   */
  private endLine(text: string, e: number, record: number, line: number): number {
    const counts = this.lineEndings
    this.line++
    if (text.charCodeAt(e) === LF) {
      counts.lf++
      this.firstEndings.lf ??= {record, line}
      return e + 1
    }
    if (e + 1 < text.length) {
      if (text.charCodeAt(e + 1) === LF) {
        counts.crlf++
        this.firstEndings.crlf ??= {record, line}
        return e + 2
      }
      counts.cr++
      this.firstEndings.cr ??= {record, line}
      return e + 1
    }
    counts.cr++
    this.endedByCR = {record, line}
    this.firstEndings.cr ??= this.endedByCR
    this.prevCR = true
    this.prevCRWasDelimiter = true
    return e + 1
  }

  private scan(start: number, final: boolean): void {
    const text = this.text
    const length = text.length
    const sink = this.sink
    const delim = this.delim
    const quote = this.quote
    let p = start
    while (p < length) {
      if (!this.inRecord) {
        // Fast path: a whole record on one line of this chunk with no field starting with a quote.
        const e = this.findBreak(p)
        if (e !== -1) {
          const q = this.findQuote(p)
          const line = this.line
          if (q === -1 || q >= e) {
            const record = text.slice(p, e)
            const cells = e === p ? [''] : record.split(delim)
            this.records++
            p = this.endLine(text, e, this.records, line)
            sink.record(cells, line, undefined, record, 0)
            continue
          }
          // Quotes on the line: quoted fields that close before the line break are read here too.
          const cells = this.escapeIsQuote ? this.quotedLine(text, p, e) : undefined
          // The state machine reads from p again: forget positions looked up past it.
          if (!cells) this.nextQuote = this.nextDelim = -2
          if (cells) {
            this.records++
            const record = text.slice(p, e)
            p = this.endLine(text, e, this.records, line)
            sink.record(cells, line, this.cellHasQuote ? record : undefined, record, 0)
            continue
          }
        }
        this.inRecord = true
        this.recordStart = p
        this.recordLine = this.line
        this.state = State.FieldStart
      }
      p = this.slow(text, p, final)
      if (p < 0) return
    }
    if (this.inRecord) this.keepRaw(text, length)
  }

  private recordStart = 0
  /** Set by quotedLine: some cell holds a quote character. */
  private cellHasQuote = false

  /**
   * Cells of the record text[p, e) (e is its line break) when every quoted field in it closes
   * before e and is followed by a delimiter or the line break; undefined otherwise (a quoted
   * line break, relax_quotes' `"a"b`, NUL), which the state machine then handles.
   */
  private quotedLine(text: string, p: number, e: number): string[] | undefined {
    const cells: string[] = []
    const delim = this.delim
    const delimLength = delim.length
    const quoteCode = this.quoteCode
    let hasQuote = false
    let i = p
    for (;;) {
      if (text.charCodeAt(i) === quoteCode) {
        let j = i + 1
        let escaped = false
        let close: number
        for (;;) {
          close = this.findQuote(j)
          if (close === -1 || close >= e) return undefined
          if (text.charCodeAt(close + 1) !== quoteCode) break
          escaped = true
          j = close + 2
        }
        const value = text.slice(i + 1, close)
        cells.push(escaped ? value.replaceAll(this.doubledQuote, this.quote) : value)
        if (escaped) hasQuote = true
        const after = close + 1
        if (after === e) break
        if (!this.isDelimAt(text, after)) return undefined
        i = after + delimLength
        if (i > e) return undefined
        if (i === e) {
          cells.push('')
          break
        }
        continue
      }
      let d = this.findDelim(i)
      if (d === -1 || d >= e) d = e
      const value = text.slice(i, d)
      if (!hasQuote) {
        const q = this.findQuote(i)
        if (q !== -1 && q < d) hasQuote = true
      }
      cells.push(value)
      if (d === e) break
      i = d + delimLength
      if (i === e) {
        cells.push('')
        break
      }
    }
    this.cellHasQuote = hasQuote
    return cells
  }

  private keepRaw(text: string, end: number): void {
    if (this.rawPrefix.length < MAX_FIELD_CHARS) this.rawPrefix += text.slice(this.recordStart, end)
    this.recordStart = 0
  }

  private append(text: string, a: number, b: number): void {
    if (a >= b) return
    if (this.field.length + (b - a) > MAX_FIELD_CHARS) {
      if (!this.cut) {
        this.cut = true
        this.sink.fieldTooLong?.(this.recordLine)
      }
      const room = MAX_FIELD_CHARS - this.field.length
      if (room > 0) this.field += text.slice(a, a + room)
      return
    }
    this.field += text.slice(a, b)
  }

  private emitSlow(recordEnd: number | undefined): void {
    const cells = this.cells
    const record = this.rawPrefix + (recordEnd === undefined ? this.text.slice(this.recordStart) : this.text.slice(this.recordStart, recordEnd))
    let hasQuote = false
    for (let i = 0; i < cells.length && this.quoteCode >= 0 && !hasQuote; i++) hasQuote = cells[i].includes(this.quote)
    this.records++
    this.sink.record(cells, this.recordLine, hasQuote ? record : undefined, record, this.dropped)
  }

  /**
   * Runs the state machine from p until the record ends (returns the position after its line
   * break) or the text runs out (returns the length, or -1 after keeping a carry).
   */
  private slow(text: string, p: number, final: boolean): number {
    const length = text.length
    const quoteCode = this.quoteCode
    const delimLength = this.delim.length
    while (p < length) {
      const state = this.state
      if (state === State.FieldStart) {
        if (text.charCodeAt(p) === quoteCode) {
          this.state = State.Quoted
          p++
          continue
        }
        this.state = State.Unquoted
      } else if (state === State.Quoted) {
        let q = this.findQuote(p)
        if (!this.escapeIsQuote) {
          const esc = text.indexOf(this.escape, p)
          if (esc !== -1 && (q === -1 || esc < q)) {
            if (esc + 1 >= length && !final) return this.keep(text, p, esc)
            this.countBreaks(text, p, esc)
            this.append(text, p, esc)
            if (esc + 1 < length) {
              this.countBreaks(text, esc + 1, esc + 2)
              this.append(text, esc + 1, esc + 2)
              p = esc + 2
            } else {
              this.append(text, esc, esc + 1)
              p = esc + 1
            }
            continue
          }
        }
        if (q === -1) {
          this.countBreaks(text, p, length)
          this.append(text, p, length)
          return length
        }
        // Deciding what the quote means needs the characters after it.
        if (q + delimLength >= length && !final) return this.keep(text, p, q)
        this.countBreaks(text, p, q)
        this.append(text, p, q)
        const next = q + 1 < length ? text.charCodeAt(q + 1) : -1
        if (next === quoteCode && this.escapeIsQuote) {
          this.append(text, q, q + 1)
          p = q + 2
          continue
        }
        this.state = State.Unquoted
        if (next === -1 || next === 0 || next === CR || next === LF || this.isDelimAt(text, q + 1)) {
          p = q + 1
          continue
        }
        // relax_quotes: the field goes on unquoted, keeping its opening and this quote.
        this.field = this.quote + this.field
        this.append(text, q, q + 1)
        p = q + 1
        continue
      }
      // Unquoted: the field runs to the next delimiter or line break.
      const d = this.findDelim(p)
      const e = this.findBreak(p)
      if (d !== -1 && (e === -1 || d < e)) {
        this.append(text, p, d)
        this.pushCell()
        this.field = ''
        this.state = State.FieldStart
        p = d + delimLength
        continue
      }
      if (e === -1) {
        // A longer delimiter may be cut at the end of the text.
        if (delimLength > 1 && !final) return this.keep(text, p, Math.max(p, length - delimLength + 1))
        this.append(text, p, length)
        return length
      }
      this.append(text, p, e)
      this.pushCell()
      const recordEnd = e
      // emitSlow counts the record: it is the next one.
      const after = this.endLine(text, e, this.records + 1, this.recordLine)
      this.emitSlow(recordEnd)
      this.resetRecord()
      return after
    }
    return p
  }

  /** Consumes text[p, from) and keeps text[from, end) to be read again with the next chunk. */
  private keep(text: string, p: number, from: number): number {
    this.countBreaks(text, p, from)
    this.append(text, p, from)
    this.carry = text.slice(from)
    if (this.inRecord) this.keepRaw(text, from)
    return -1
  }
}
