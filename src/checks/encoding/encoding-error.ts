import {defineCheck} from '../../engine/check.js'
import type {SourceProblem, TableHead} from '../../table/types.js'
import {maskIfPersonal} from '../privacy/mask.js'
import {addLineBreaks, emptyCounts} from '../shared/line-breaks.js'

/** A cell holding U+FFFD: where undecodable bytes were replaced, or text damaged before it reached us. */
interface DamagedCell {
  rowNumber: number
  fieldNumber: number
  /** Physical lines the cell spans. */
  line: number
  endLine: number
  count: number
  excerpt: string
}

interface State {
  cells: DamagedCell[]
}

const REPLACEMENT = '\ufffd'
/** Keeps memory bounded on a file that is wholly in another encoding; the first cells are enough to locate problems. */
const MAX_CELLS = 20_000

function excerpt(value: string): string {
  const at = value.indexOf(REPLACEMENT)
  const start = Math.max(0, at - 20)
  return maskIfPersonal((start > 0 ? '…' : '') + value.slice(start, at + 21).replace(/[\r\n]+/g, ' ') + (at + 21 < value.length ? '…' : ''))
}

function damagedCells(cells: string[], rowNumber: number, line: number, out: DamagedCell[]): void {
  let any = false
  for (let i = 0; i < cells.length && !any; i++) any = cells[i].includes(REPLACEMENT)
  if (!any) return
  let fieldLine = line
  const counts = emptyCounts()
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i]
    const breaks = addLineBreaks(value, counts)
    if (value.includes(REPLACEMENT) && out.length < MAX_CELLS) {
      let count = 0
      for (const ch of value) if (ch === REPLACEMENT) count++
      out.push({rowNumber, fieldNumber: i + 1, line: fieldLine, endLine: fieldLine + breaks, count, excerpt: excerpt(value)})
    }
    fieldLine += breaks
  }
}

function headCells(head: TableHead): DamagedCell[] {
  const out: DamagedCell[] = []
  for (const record of head.preamble) damagedCells(record.cells, record.rowNumber, record.line, out)
  if (head.dialect.header) damagedCells(head.labels, head.dialect.skipRows + 1, head.headerLine, out)
  return out
}

/** The damaged cell a decoding problem falls in: the first on its line with replacement characters left to explain. */
function locate(problem: SourceProblem, cells: DamagedCell[], used: number[]): number {
  let lo = 0
  let hi = cells.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cells[mid].endLine < problem.line) lo = mid + 1
    else hi = mid
  }
  let fallback = -1
  for (let i = lo; i < cells.length && cells[i].line <= problem.line; i++) {
    if (cells[i].endLine < problem.line) continue
    if (fallback < 0) fallback = i
    if (used[i] < cells[i].count) return i
  }
  return fallback
}

/**
 * Bytes that are not valid in the table's encoding (the reader lists them as problems), and
 * cells holding U+FFFD replacement characters: text damaged by an earlier wrong conversion.
 */
export const encodingError = defineCheck({
  name: 'encoding-error',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'Line {{line}}: {{problem}}, so "{{excerpt}}" reads wrongly; the file is probably partly in another encoding (often Windows-1252)',
    bytes: 'Line {{line}}: {{problem}}; the file is probably partly in another encoding (often Windows-1252)',
    replacement: 'Column "{{fieldName}}" holds {{count|replacement character}} "\ufffd" in "{{excerpt}}": the text was damaged by an earlier conversion',
  },
  create: () => ({
    init: (): State => ({cells: []}),
    row(state: State, row) {
      // One search of the record's text instead of one per cell (most rows).
      if (row.text !== undefined && row.text.indexOf(REPLACEMENT) === -1) return
      damagedCells(row.cells, row.rowNumber, row.line, state.cells)
    },
    merge(left: State, right: State): State {
      const room = MAX_CELLS - left.cells.length
      if (room > 0) left.cells.push(...right.cells.slice(0, room))
      return left
    },
    end(state: State, head, stats, report) {
      const cells = [...headCells(head), ...(state?.cells ?? [])]
      const used = cells.map(() => 0)
      const encoding = head.encoding.encoding
      for (const problem of stats.problems) {
        if (problem.kind !== 'encoding') continue
        const i = locate(problem, cells, used)
        const cell = i >= 0 ? cells[i] : undefined
        if (cell) used[i]++
        const rowNumber = cell?.rowNumber ?? problem.rowNumber
        report({
          ...(cell ? {} : {messageId: 'bytes'}),
          line: problem.line,
          ...(rowNumber === undefined ? {} : {rowNumber}),
          ...(cell ? {fieldNumber: cell.fieldNumber} : {}),
          details: {encoding, problem: problem.message, ...(cell ? {excerpt: cell.excerpt} : {})},
        })
      }
      cells.forEach((cell, i) => {
        if (used[i] > 0) return
        report({
          messageId: 'replacement',
          rowNumber: cell.rowNumber,
          fieldNumber: cell.fieldNumber,
          line: cell.line,
          details: {encoding, count: cell.count, excerpt: cell.excerpt},
        })
      })
    },
  }),
})
