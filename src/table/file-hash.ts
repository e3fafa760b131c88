/**
 * Hashes a table's whole file while the reader (or the parallel path's scanner) streams its
 * bytes in order, so a declared `hash` is checked in the same pass as everything else.
 */
import {createHash, type Hash} from 'node:crypto'
import {bomBytes} from './encoding.js'
import type {TableHead} from './types.js'

export interface FileHasher {
  onBytes(bytes: Buffer): void
  /** Hex digest by algorithm. */
  digest(): Record<string, string>
}

/** A hasher for the algorithms the table's metadata declares; undefined when it declares none. */
export function fileHasher(head: TableHead): FileHasher | undefined {
  const algorithm = head.packageResource?.hash?.algorithm
  if (!algorithm) return undefined
  const hash: Hash = createHash(algorithm)
  // The reader starts after the byte order mark; the file's hash includes it.
  if (head.encoding.bom) hash.update(Buffer.from(bomBytes(head.encoding.encoding)))
  return {
    onBytes: (bytes) => hash.update(bytes),
    digest: () => ({[algorithm]: hash.digest('hex')}),
  }
}
