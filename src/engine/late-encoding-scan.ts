/**
 * The parallel path's side of a provisional UTF-8 table (table/late-encoding.ts): the main
 * thread's boundary scan reads every byte in order, so it finds the file's first non-ASCII
 * byte, decides the encoding there exactly as the single-threaded reader does, and hands each
 * chunk at or after that byte the decided encoding. Chunks before it are plain ASCII.
 */
import {isAscii} from 'node:buffer'
import {open} from 'node:fs/promises'
import {decideAtFirstNonAscii, firstNonAscii} from '../table/late-encoding.js'
import type {EncodingSwitch} from '../table/rows.js'
import type {TableHead} from '../table/types.js'

export class LateEncoding {
  /** File offset of the next byte the scan reads. */
  private offset: number
  private firstNonAscii = -1
  private decided: Promise<TableHead> | undefined
  /** Set once decided, when the table is not UTF-8 after all. */
  switched: EncodingSwitch | undefined

  constructor(
    private readonly head: TableHead,
    start: number,
  ) {
    this.offset = start
  }

  /** Wraps the scan's byte callback to watch for the first non-ASCII byte. */
  watching(onBytes?: (bytes: Buffer) => void): (bytes: Buffer) => void {
    return (bytes) => {
      onBytes?.(bytes)
      if (this.firstNonAscii < 0 && !isAscii(bytes)) this.firstNonAscii = this.offset + firstNonAscii(bytes)
      this.offset += bytes.length
    }
  }

  /** The head to read a chunk ending at `end` with; call once the scan has read that far. */
  headFor(end: number): Promise<TableHead> | TableHead {
    if (this.firstNonAscii < 0 || this.firstNonAscii >= end) return this.head
    return (this.decided ??= this.decide(this.firstNonAscii))
  }

  private async decide(offset: number): Promise<TableHead> {
    const handle = await open(this.head.path, 'r')
    let legacy
    try {
      legacy = await decideAtFirstNonAscii(handle, offset)
    } finally {
      await handle.close()
    }
    if (legacy) {
      this.switched = {offset, encoding: legacy}
      return {...this.head, encoding: legacy}
    }
    // UTF-8 after all: a chunk must not decide again at its own first non-ASCII byte.
    const {provisional: _, ...utf8} = this.head.encoding
    return {...this.head, encoding: utf8}
  }
}
