import {Buffer} from 'node:buffer'
import {defineCheck} from '../../engine/check.js'
import type {TableHead} from '../../table/types.js'

interface FirstNonAscii {
  rowNumber: number
  line: number
  fieldNumber: number
  char: string
}

interface State {
  /** Whether rows need scanning at all: only when the table is not UTF-8, or may turn out not to be (provisional). */
  scan: boolean
  first: FirstNonAscii | null
}

const NON_ASCII = /[^\x00-\x7f]/

function findIn(cells: string[], rowNumber: number, line: number): FirstNonAscii | null {
  for (let i = 0; i < cells.length; i++) {
    const m = NON_ASCII.exec(cells[i])
    if (m) return {rowNumber, line, fieldNumber: i + 1, char: m[0]}
  }
  return null
}

function inHead(head: TableHead): FirstNonAscii | null {
  for (const record of head.preamble) {
    const found = findIn(record.cells, record.rowNumber, record.line)
    if (found) return found
  }
  return head.dialect.header ? findIn(head.labels, head.dialect.skipRows + 1, head.headerLine) : null
}

/** UTF-16 and other encodings that are not ASCII-compatible are never UTF-8, even for plain text. */
function asciiCompatible(encoding: string): boolean {
  return !/^utf-?(16|32)|^ucs-?2/i.test(encoding)
}

/**
 * The table is readable but not UTF-8. Points at the first character that differs, so a
 * publisher can see what will break (usually a £ sign or a curly apostrophe).
 */
export const encodingNotUtf8 = defineCheck({
  name: 'encoding-not-utf8',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The file is encoded as {{encoding}}, not UTF-8: "{{char}}" (row {{rowNumber}}) will show wrongly in tools that expect UTF-8',
    wide: 'The file is encoded as {{encoding}}, not UTF-8: most tools and portals expect UTF-8',
  },
  create: () => ({
    init: (head): State => ({scan: head.encoding.encoding !== 'utf-8' || head.encoding.provisional === true, first: null}),
    row(state: State, row) {
      if (!state.scan || state.first) return
      // One test of the record's text instead of one per cell: an ASCII start tests every row, and
      // counting UTF-8 bytes natively is about three times faster than a regular expression.
      if (row.text !== undefined && Buffer.byteLength(row.text, 'utf8') === row.text.length) return
      state.first = findIn(row.cells, row.rowNumber, row.line)
    },
    merge: (left: State, right: State): State => ({scan: left.scan, first: left.first ?? right.first}),
    end(state: State, head, _stats, report) {
      const {encoding, source, bom, confidence} = head.encoding
      if (encoding === 'utf-8') return
      const details = {encoding, source, bom, ...(confidence === undefined ? {} : {confidence})}
      if (!asciiCompatible(encoding)) {
        report({messageId: 'wide', details})
        return
      }
      const first = inHead(head) ?? state?.first
      // Plain ASCII is valid UTF-8 too, whatever the file was said to be.
      if (!first) return
      report({rowNumber: first.rowNumber, line: first.line, fieldNumber: first.fieldNumber, details: {...details, char: first.char, codePoint: `U+${first.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`}})
    },
  }),
})
