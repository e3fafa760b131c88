import {defineCheck} from '../../engine/check.js'
import {maskIfPersonal} from '../privacy/mask.js'

/**
 * Fields of a raw record holding a quote that RFC 4180 does not allow: inside an unquoted
 * field (`x"y`), or after the closing quote of a quoted one (`"x"y`). Splits the record the
 * way csv-parse does with relax_quotes, so field numbers match the parsed cells.
 */
export function strayQuoteFields(raw: string, delimiter: string, quote: string, escape = quote): number[] {
  const stray: number[] = []
  let field = 0
  let i = 0
  const n = raw.length
  while (i <= n) {
    let bad = false
    if (raw.startsWith(quote, i)) {
      // Quoted field: runs to a quote followed by a delimiter or the end of the record.
      i += quote.length
      for (;;) {
        const close = raw.indexOf(quote, i)
        // Another escape (CSVW doubleQuote: false, `\"`) makes the character after it plain.
        const escaped = escape === quote ? -1 : raw.indexOf(escape, i)
        if (escaped >= 0 && (close < 0 || escaped < close)) {
          i = escaped + escape.length + 1
          continue
        }
        if (close < 0) {
          i = n
          break
        }
        const after = close + quote.length
        if (raw.startsWith(quote, after)) {
          i = after + quote.length
          continue
        }
        i = after
        if (after < n && !raw.startsWith(delimiter, after)) bad = true
        break
      }
    }
    // Unquoted field, or what follows a stray quote: runs to the next delimiter.
    const next = raw.indexOf(delimiter, i)
    const end = next < 0 ? n : next
    const inner = raw.indexOf(quote, i)
    if (inner >= 0 && inner < end) bad = true
    if (bad) stray.push(field + 1)
    field++
    if (next < 0) break
    i = next + delimiter.length
  }
  return stray
}

const MAX_VALUE = 100

interface State {
  delimiter: string
  quote: string
  escape?: string
}

export const strayQuote = defineCheck({
  name: 'stray-quote',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'Column "{{fieldName}}" in row {{rowNumber}} has a quote character where CSV does not allow one: {{value}}',
    backslash: 'Column "{{fieldName}}" in row {{rowNumber}} escapes quotes with a backslash (\\"), which CSV readers do not understand: write each quote twice ("") instead: {{value}}',
  },
  create: () => ({
    init: (head): State => ({delimiter: head.dialect.delimiter, quote: head.dialect.quoteChar, ...(head.dialect.escapeChar ? {escape: head.dialect.escapeChar} : {})}),
    row(state: State, row, report) {
      // The reader keeps the raw record only when some cell holds a quote character.
      if (row.raw === undefined) return
      for (const fieldNumber of strayQuoteFields(row.raw, state.delimiter, state.quote, state.escape)) {
        const value = row.cells[fieldNumber - 1] ?? ''
        // HTML and JSON exported by hand escape quotes as \": the fix is to double them instead.
        const backslash = state.escape === undefined && value.includes(`\\${state.quote}`)
        report({
          rowNumber: row.rowNumber,
          line: row.line,
          fieldNumber,
          ...(backslash ? {messageId: 'backslash'} : {}),
          details: {value: maskIfPersonal(value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) + '…' : value), backslash},
        })
      }
    },
    merge: (left: State): State => left,
  }),
})
