/**
 * An open-addressing table from row hash to first occurrence, in typed arrays: about 24 bytes
 * per distinct row, where a Map would take three times that on a million rows. Plain data, so
 * it crosses worker threads with structuredClone; functions, not methods, operate on it.
 */
export interface RowHashTable {
  /** Hash per slot; NaN marks an empty slot (hashes are integers). */
  keys: Float64Array
  /** Per slot: index into rows/lines. */
  slots: Int32Array
  /** First occurrence of each distinct row, in order of first sight. */
  rows: Int32Array
  lines: Int32Array
  size: number
}

export function createTable(capacity = 1024): RowHashTable {
  return {keys: new Float64Array(capacity).fill(NaN), slots: new Int32Array(capacity), rows: new Int32Array(capacity / 2), lines: new Int32Array(capacity / 2), size: 0}
}

function slotOf(table: RowHashTable, hash: number): number {
  const mask = table.keys.length - 1
  // Low 32 bits of the hash pick the start; linear probing from there.
  let i = (hash >>> 0) & mask
  while (true) {
    const k = table.keys[i]
    if (k === hash || k !== k) return i
    i = (i + 1) & mask
  }
}

/** Index of the first occurrence of `hash`, or -1. */
export function lookup(table: RowHashTable, hash: number): number {
  const i = slotOf(table, hash)
  return table.keys[i] === hash ? table.slots[i] : -1
}

function grow(table: RowHashTable): void {
  const old = table.keys
  const oldSlots = table.slots
  table.keys = new Float64Array(old.length * 2).fill(NaN)
  table.slots = new Int32Array(old.length * 2)
  for (let i = 0; i < old.length; i++) {
    if (old[i] !== old[i]) continue
    const j = slotOf(table, old[i])
    table.keys[j] = old[i]
    table.slots[j] = oldSlots[i]
  }
  const rows = new Int32Array(old.length)
  rows.set(table.rows)
  table.rows = rows
  const lines = new Int32Array(old.length)
  lines.set(table.lines)
  table.lines = lines
}

/** Records the first occurrence of `hash` (which must not be in the table yet). */
export function insert(table: RowHashTable, hash: number, rowNumber: number, line: number): void {
  if ((table.size + 1) * 2 > table.keys.length) grow(table)
  const i = slotOf(table, hash)
  table.keys[i] = hash
  table.slots[i] = table.size
  table.rows[table.size] = rowNumber
  table.lines[table.size] = line
  table.size++
}

/** Calls `fn` for every entry in order of first sight. */
export function forEachEntry(table: RowHashTable, fn: (hash: number, rowNumber: number, line: number) => void): void {
  const hashes = new Float64Array(table.size)
  for (let i = 0; i < table.keys.length; i++) if (table.keys[i] === table.keys[i]) hashes[table.slots[i]] = table.keys[i]
  for (let n = 0; n < table.size; n++) fn(hashes[n], table.rows[n], table.lines[n])
}

/** Murmur3's 32-bit finaliser: every input bit flips about half the output bits. */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

/**
 * 53-bit hash of a row's cells (or of a key's parts): two independent multiply-xor lanes of 32 bits, each finished
 * with a full avalanche, cut to fit a double exactly. With a million rows the chance of any
 * false match is about 1 in 20,000. (A polynomial lane, like Java's String.hashCode, gives
 * "Aa" and "BB" the same value and barely changes when only the last character does: rows
 * differing near the end then matched on 32 bits alone, and clustered in the hash table.)
 */
export function hashCells(cells: string[]): number {
  let a = 0x811c9dc5
  let b = 0x9747b28c ^ cells.length
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c]
    for (let i = 0; i < cell.length; i++) {
      const ch = cell.charCodeAt(i)
      a = Math.imul(a ^ ch, 0x01000193)
      b = Math.imul(b ^ ch, 0x5bd1e995)
    }
    // Cell boundary, so ["ab", "c"] and ["a", "bc"] differ.
    a = Math.imul(a ^ 0x1f, 0x01000193)
    b = Math.imul(b ^ 0x1f, 0x5bd1e995)
  }
  return (mix(a) >>> 0) * 0x200000 + ((mix(b) >>> 0) >>> 11)
}
