/** Counts line breaks in raw bytes or decoded text, carrying a trailing CR across chunks. */
import type {LineEndingCounts} from './types.js'

export class LineEndingCounter {
  readonly counts: LineEndingCounts = {crlf: 0, lf: 0, cr: 0}
  private pendingCR = false

  /** Works on bytes of any ASCII-compatible encoding, or on UTF-16 code units of a string. */
  add(chunk: Buffer | string): void {
    const counts = this.counts
    const isString = typeof chunk === 'string'
    const length = chunk.length
    let pendingCR = this.pendingCR
    for (let i = 0; i < length; i++) {
      const c = isString ? (chunk as string).charCodeAt(i) : (chunk as Buffer)[i]
      if (c === 10) {
        if (pendingCR) {
          counts.crlf++
          pendingCR = false
        } else counts.lf++
      } else {
        if (pendingCR) {
          counts.cr++
          pendingCR = false
        }
        if (c === 13) pendingCR = true
      }
    }
    this.pendingCR = pendingCR
  }

  finish(): LineEndingCounts {
    if (this.pendingCR) {
      this.counts.cr++
      this.pendingCR = false
    }
    return this.counts
  }

  /** Line breaks seen so far (a pending CR not yet counted). */
  get breaks(): number {
    return this.counts.crlf + this.counts.lf + this.counts.cr
  }
}

export function mergeLineEndings(a: LineEndingCounts, b: LineEndingCounts): LineEndingCounts {
  return {crlf: a.crlf + b.crlf, lf: a.lf + b.lf, cr: a.cr + b.cr}
}
