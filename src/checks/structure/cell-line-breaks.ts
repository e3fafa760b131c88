/**
 * State shared by the line-ending rules: line breaks inside cells (quoted fields), so that
 * the rules judge only the breaks that end records. A row holds line breaks only when the
 * next row starts more than one line below it, so cells are scanned only then (and for the
 * last row). Counts add up, so chunks merge by sum.
 */
import type {Row, TableHead, TableStats, LineEndingCounts} from '../../table/types.js'
import {addLineBreaks, emptyCounts, recordBreaks} from '../shared/line-breaks.js'

export interface CellBreaksState {
  inCells: LineEndingCounts
  /** Line of the chunk's first row: tells whether the previous chunk's last row spans lines. */
  firstLine: number | null
  /** The latest row's cells and line, not yet known to span one line or more (kept apart, not as one object: this runs on every row). */
  pending: string[] | null
  pendingLine: number
}

function scan(cells: string[], counts: LineEndingCounts): void {
  for (const cell of cells) addLineBreaks(cell, counts)
}

export const cellBreakHooks = {
  init: (): CellBreaksState => ({inCells: emptyCounts(), firstLine: null, pending: null, pendingLine: 0}),
  row(state: CellBreaksState, row: Row): void {
    if (state.pending) {
      if (row.line > state.pendingLine + 1) scan(state.pending, state.inCells)
    } else state.firstLine = row.line
    state.pending = row.cells
    state.pendingLine = row.line
  },
  merge(left: CellBreaksState, right: CellBreaksState): CellBreaksState {
    const a = left.inCells
    const b = right.inCells
    if (left.pending && right.firstLine !== null && right.firstLine > left.pendingLine + 1) scan(left.pending, a)
    const last = right.pending ? right : left
    return {
      inCells: {crlf: a.crlf + b.crlf, lf: a.lf + b.lf, cr: a.cr + b.cr},
      firstLine: left.firstLine ?? right.firstLine,
      pending: last.pending,
      pendingLine: last.pendingLine,
    }
  },
}

/** Line breaks that end records (title rows, header and data), leaving out those inside cells. */
export function recordTerminators(state: CellBreaksState | undefined, head: TableHead, stats: TableStats): {records: LineEndingCounts; inCells: LineEndingCounts} {
  const inCells = {...(state?.inCells ?? emptyCounts())}
  // The last row has no successor to tell: scan it.
  if (state?.pending) scan(state.pending, inCells)
  if (head.dialect.header) scan(head.labels, inCells)
  for (const record of head.preamble) scan(record.cells, inCells)
  return {records: recordBreaks(stats.lineEndings, inCells), inCells}
}
