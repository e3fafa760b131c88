/**
 * A table whose sampled start is plain ASCII may hold Windows-1252 bytes further down (a £ in
 * row 3,000). Reading it as UTF-8 would report each one as an encoding error; reading the whole
 * file first to decide would take a second pass. Instead the table opens as provisional UTF-8
 * and the encoding is decided at the file's first non-ASCII byte, from a fixed window of bytes
 * starting there and read at that offset, so the decision is the same however the file is
 * read or cut into chunks. Every byte before it is ASCII, which a legacy code page decodes
 * alike: nothing read so far changes.
 */
import type {FileHandle} from 'node:fs/promises'
import {detectEncoding, isSingleByte} from './encoding.js'
import type {EncodingInfo} from './types.js'

const WINDOW_BYTES = 64 * 1024

/** The legacy encoding to read the file in from `offset` (its first non-ASCII byte) on, or undefined to stay UTF-8. */
export async function decideAtFirstNonAscii(handle: FileHandle, offset: number): Promise<EncodingInfo | undefined> {
  const window = Buffer.alloc(WINDOW_BYTES)
  const {bytesRead} = await handle.read(window, 0, WINDOW_BYTES, offset)
  const decided = detectEncoding(window.subarray(0, bytesRead), bytesRead < WINDOW_BYTES)
  // Only a single-byte code page keeps the record boundaries the parallel scan found in the ASCII bytes.
  if (decided.encoding === 'utf-8' || !isSingleByte(decided.encoding)) return undefined
  return decided
}

/** Offset of the first byte above 0x7F in `bytes`, or -1. */
export function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return i
  return -1
}
