/** UTF-8 validation across chunk boundaries, locating the first bad byte only on the slow path. */
import {isUtf8} from 'node:buffer'

/** Length of an incomplete multi-byte sequence at the end of `buf` (0 when it ends cleanly). */
export function partialTail(buf: Buffer): number {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const byte = buf[buf.length - back]
    if ((byte & 0xc0) === 0x80) continue
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      return need > back ? back : 0
    }
    return 0
  }
  return 0
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(buf: Buffer, i: number): number {
  const b = buf[i]
  if (b < 0x80) return 1
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
  if (need < 0) return 0
  const seq = buf.subarray(i, i + need + 1)
  return seq.length === need + 1 && isUtf8(seq) ? need + 1 : 0
}

/** Offsets of bytes that start an invalid UTF-8 sequence. */
export function invalidUtf8Offsets(buf: Buffer, limit: number): number[] {
  const bad: number[] = []
  for (let i = 0; i < buf.length && bad.length < limit; ) {
    const length = sequenceLength(buf, i)
    if (length === 0) bad.push(i++)
    else i += length
  }
  return bad
}

/** Valid multi-byte UTF-8 characters, and bytes that start no valid sequence. */
export function utf8Tally(buf: Buffer): {multiByte: number; invalid: number} {
  let multiByte = 0
  let invalid = 0
  for (let i = 0; i < buf.length; ) {
    const length = sequenceLength(buf, i)
    if (length === 0) {
      invalid++
      i++
    } else {
      if (length > 1) multiByte++
      i += length
    }
  }
  return {multiByte, invalid}
}
