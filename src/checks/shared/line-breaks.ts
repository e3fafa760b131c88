/** Line breaks inside cell values, which the reader's whole-file counts include. */
import type {LineEndingCounts} from '../../table/types.js'

export function emptyCounts(): LineEndingCounts {
  return {crlf: 0, lf: 0, cr: 0}
}

/** Adds the line breaks in `text` to `counts`; returns how many there were. */
export function addLineBreaks(text: string, counts: LineEndingCounts): number {
  if (!hasLineBreak(text)) return 0
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        counts.crlf++
        i++
      } else counts.cr++
      n++
    } else if (c === 10) {
      counts.lf++
      n++
    }
  }
  return n
}

export function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r')
}

/** Kinds of line break present, e.g. ['crlf', 'lf']. */
export function kindsPresent(counts: LineEndingCounts): Array<keyof LineEndingCounts> {
  return (['crlf', 'lf', 'cr'] as const).filter((k) => counts[k] > 0)
}

/** Counts minus the breaks that sit inside cells: the breaks that end records. */
export function recordBreaks(total: LineEndingCounts, inCells: LineEndingCounts): LineEndingCounts {
  return {crlf: Math.max(0, total.crlf - inCells.crlf), lf: Math.max(0, total.lf - inCells.lf), cr: Math.max(0, total.cr - inCells.cr)}
}
