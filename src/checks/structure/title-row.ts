import {defineCheck} from '../../engine/check.js'
import type {TableHead} from '../../table/types.js'

const MAX_TEXT = 100
const CONTINUATION = /^[a-z(£$€%]/
/** More title rows than this are reported as one block. */
const MAX_TITLE_ROWS = 10

function filled(cells: string[]): number[] {
  const out: number[] = []
  cells.forEach((c, i) => {
    if (c.trim() !== '') out.push(i)
  })
  return out
}

/**
 * The last title row sits right above the header, and every value in it sits over a column
 * name that reads as its continuation: the first line of a header split over two rows.
 */
function looksLikeSplitHeader(head: TableHead, record: TableHead['preamble'][number], index: number): boolean {
  if (!head.dialect.header || index !== head.preamble.length - 1) return false
  const cells = filled(record.cells)
  // The label below continues the text above: "Transaction" / "number", "Amount" / "(£)".
  return cells.length > 0 && cells.every((i) => CONTINUATION.test((head.labels[i] ?? '').trim()))
}

/**
 * Rows above the header (a title, a date, notes) that the sniffer skipped to find the real
 * header. Tools that expect the header on row 1 read them as the header instead.
 */
export const titleRow = defineCheck({
  name: 'title-row',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    'default': 'Row {{rowNumber}} is a title or note above the header ("{{text}}"): the header should be the first row',
    'above-data': 'Row {{rowNumber}} is a title or note above the data, which has no header ("{{text}}"): the first row should be a header naming the columns',
    'split-header': 'Row {{rowNumber}} looks like the first half of a header split over two rows ("{{text}}"): put each column name in one cell of one row',
    'block': 'Rows {{rowNumber}} to {{count}} sit above the header (row {{headerRowNumber}}), starting "{{text}}": move them out of the file, so the header is the first row',
    'blank': 'The file starts with {{count|blank row}} above the header: the header should be the first row',
  },
  create: () => ({
    header(head, report) {
      const {preamble} = head
      if (preamble.length === 0) return
      const headerRowNumber = head.dialect.skipRows + 1
      const titles = preamble.map((record, index) => ({record, index, cells: filled(record.cells)})).filter((t) => t.cells.length > 0)
      const textOf = (t: (typeof titles)[number]) => {
        const text = t.cells.map((i) => t.record.cells[i].trim()).join(' | ')
        return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) + '…' : text
      }
      if (titles.length === 0) {
        report({rowNumber: 1, line: 1, messageId: 'blank', details: {count: preamble.length, headerRowNumber}})
        return
      }
      // A whole table pasted above the real one is one problem, not one per line.
      if (titles.length > MAX_TITLE_ROWS) {
        const first = titles[0]
        report({rowNumber: first.record.rowNumber, line: first.record.line, messageId: 'block', details: {text: textOf(first), count: preamble.length, headerRowNumber}})
        return
      }
      for (const t of titles) {
        report({
          rowNumber: t.record.rowNumber,
          line: t.record.line,
          // The sniffer found no header below the titles: do not call the first data row one.
          messageId: !head.dialect.header ? 'above-data' : looksLikeSplitHeader(head, t.record, t.index) ? 'split-header' : 'default',
          details: {text: textOf(t), headerRowNumber, ...(head.dialect.header ? {} : {header: false})},
        })
      }
    },
  }),
})
