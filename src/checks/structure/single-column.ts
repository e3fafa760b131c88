import {defineCheck} from '../../engine/check.js'
import {DELIMITERS} from '../../table/dialect.js'

/** Characters that separate columns in files odcheck was not told about, plus runs of spaces (fixed width). */
const CANDIDATES: Array<{name: string; test: (line: string) => boolean}> = [
  ...[...DELIMITERS, ':', '^', '~'].map((ch) => ({name: ch === '\t' ? 'tab' : ch, test: (line: string) => line.includes(ch)})),
  {name: 'spaces', test: (line: string) => /\S {2,}\S/.test(line)},
]
const SAMPLE_ROWS = 20
/** Share of sampled lines a candidate must appear in. */
const CANDIDATE_SHARE = 0.8
const MAX_SAMPLE = 80

interface State {
  active: boolean
  /** Candidate separators seen in each of the first data rows. */
  rows: string[][]
  /** The first data row, shown when there is no header. */
  sample?: string
}

function candidatesIn(line: string): string[] {
  return CANDIDATES.filter((c) => c.test(line)).map((c) => c.name)
}

/**
 * A table read as a single column. A real one-column list (a lookup of names) is fine;
 * what is reported is a single column whose lines share a character that could have been
 * the delimiter (a semicolon, a colon, runs of spaces), or lines wrapped whole in quotes.
 */
export const singleColumn = defineCheck({
  name: 'single-column',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    'default': 'The table has one column: is "{{candidates}}" the delimiter? Tried {{tried}}; line {{line}} reads "{{sample}}"',
    'given-delimiter': 'The table has one column with the delimiter given ("{{delimiter}}"), but its lines hold "{{candidates}}": line {{line}} reads "{{sample}}"',
    'quoted-lines': 'The table has one column because each line is wrapped in quotes, hiding the "{{delimiter}}" delimiters: line {{line}} reads "{{sample}}"',
  },
  create: () => ({
    init: (head): State => ({active: head.labels.length === 1, rows: []}),
    row(state: State, row) {
      if (!state.active || state.rows.length >= SAMPLE_ROWS) return
      const line = row.cells.join('\u0000')
      if (line.trim() === '') return
      state.sample ??= row.cells.join(',')
      state.rows.push(candidatesIn(line))
    },
    merge(left: State, right: State): State {
      if (left.rows.length < SAMPLE_ROWS) left.rows.push(...right.rows.slice(0, SAMPLE_ROWS - left.rows.length))
      left.sample ??= right.sample
      return left
    },
    end(state: State, head, _stats, report) {
      // Only delimited text has delimiters to miss: a spreadsheet's or inline data's cells are already cells.
      if (head.labels.length !== 1 || head.format === 'xlsx' || head.format === 'inline') return
      const first = head.dialect.header ? head.labels[0] : undefined
      const lines = [...(first !== undefined ? [candidatesIn(first)] : []), ...(state?.rows ?? [])]
      if (lines.length === 0) return
      const candidates = CANDIDATES.map((c) => c.name).filter((name) => lines.filter((l) => l.includes(name)).length >= lines.length * CANDIDATE_SHARE)
      if (candidates.length === 0) return
      const sample = first ?? state?.sample ?? ''
      const delimiter = head.dialect.delimiter === '\t' ? 'tab' : head.dialect.delimiter
      // The delimiter itself inside the one cell: each line was wrapped in quotes.
      const quotedLines = candidates.includes(delimiter)
      report({
        // A delimiter the user gave was not sniffed: nothing was tried.
        messageId: quotedLines ? 'quoted-lines' : head.delimiterGiven ? 'given-delimiter' : 'default',
        rowNumber: head.dialect.skipRows + 1,
        line: head.headerLine,
        details: {
          delimiter,
          ...(head.delimiterGiven ? {given: true} : {tried: DELIMITERS.map((d) => (d === '\t' ? 'tab' : d))}),
          candidates,
          sample: sample.length > MAX_SAMPLE ? sample.slice(0, MAX_SAMPLE) + '…' : sample,
        },
      })
    },
  }),
})
