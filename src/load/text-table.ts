/**
 * Tells a .txt file that holds a delimited table (a CSV export saved as .txt) from notes and
 * READMEs, for folder scans. A file named directly is read as a table whatever it holds; in a
 * folder only a .txt whose first records share one width of three or more columns is taken.
 */
import {openSync, readSync, closeSync} from 'node:fs'
import {basename} from 'node:path'

const SAMPLE_BYTES = 64 * 1024
const SAMPLE_RECORDS = 50
const MIN_RECORDS = 3
const MIN_COLUMNS = 3
/** Share of the sampled records that must be as wide as the first (the header). */
const MIN_SHARE = 0.9
const DELIMITERS = [',', '\t', ';', '|']
/** Documentation by name, never a table however it is laid out. */
const DOCUMENT_NAME = /^(read[-_ ]?me|licen[cs]e|notes?|changes|changelog|copying|authors|about)([-_. ].*)?\.txt$/i

/** Records of a sample split on one delimiter, honouring double quotes; the last record is dropped when the sample is cut. */
function recordWidths(text: string, delimiter: string, complete: boolean): number[] {
  const widths: number[] = []
  let cells = 1
  let filled = false
  let quoted = false
  for (let i = 0; i < text.length && widths.length <= SAMPLE_RECORDS; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++
        else quoted = false
      }
      continue
    }
    if (c === '"') {
      quoted = true
      filled = true
    } else if (c === delimiter) {
      cells++
      filled = true
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++
      if (filled) widths.push(cells)
      cells = 1
      filled = false
    } else if (c.trim() !== '') {
      filled = true
    }
  }
  if (filled && complete && widths.length <= SAMPLE_RECORDS) widths.push(cells)
  return widths.slice(0, SAMPLE_RECORDS)
}

/** Whether text reads as a delimited table: at least three records, the first (the header) three or more columns wide, nearly all as wide as it. */
export function isDelimitedText(text: string, complete: boolean): boolean {
  if (text.includes('\u0000')) return false
  return DELIMITERS.some((delimiter) => {
    if (!text.includes(delimiter)) return false
    const widths = recordWidths(text, delimiter, complete)
    if (widths.length < MIN_RECORDS || widths[0] < MIN_COLUMNS) return false
    return widths.filter((w) => w === widths[0]).length / widths.length >= MIN_SHARE
  })
}

/** Whether a .txt file found in a folder is a table to check. */
export function isTextTable(path: string): boolean {
  if (DOCUMENT_NAME.test(basename(path))) return false
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const buffer = Buffer.alloc(SAMPLE_BYTES)
    const read = readSync(fd, buffer, 0, SAMPLE_BYTES, 0)
    return isDelimitedText(buffer.subarray(0, read).toString('utf8'), read < SAMPLE_BYTES)
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
