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

/** Offsets of bytes that start an invalid UTF-8 sequence. */
export function invalidUtf8Offsets(buf: Buffer, limit: number): number[] {
  const bad: number[] = []
  let i = 0
  while (i < buf.length && bad.length < limit) {
    const b = buf[i]
    let need = 0
    if (b < 0x80) need = 0
    else if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) need = 2
    else if (b >= 0xf0 && b <= 0xf4) need = 3
    else {
      bad.push(i++)
      continue
    }
    const seq = buf.subarray(i, i + need + 1)
    if (seq.length === need + 1 && isUtf8(seq)) i += need + 1
    else {
      bad.push(i)
      i++
    }
  }
  return bad
}
