/**
 * Keys of a million rows in little memory: each key is reduced to a 64-bit hash (two 32-bit
 * halves) and kept in an open-addressing table of typed arrays with the row where it was
 * first seen, about 16-32 bytes a key. Plain data (typed arrays and numbers), so a worker
 * thread's table survives structuredClone and merges on the main thread. With 64-bit hashes
 * two different keys collide with odds of about 1 in 30 million on a million distinct keys.
 */

export interface KeyTable {
  size: number
  /** Slots; a power of two. Hash halves (hi, lo) = (0, 0) marks an empty slot. */
  hi: Uint32Array
  lo: Uint32Array
  /** Row where the key was first seen (0 in a table used as a set). */
  rows: Uint32Array
}

export function newKeyTable(capacity = 16): KeyTable {
  return {size: 0, hi: new Uint32Array(capacity), lo: new Uint32Array(capacity), rows: new Uint32Array(capacity)}
}

/** Hash halves of a key: FNV-1a and a second multiplicative hash over the UTF-16 code units. */
export function hashKey(key: string): [number, number] {
  let h1 = 0x811c9dc5
  let h2 = 0x9747b28c ^ key.length
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x5bd1e995)
    h2 ^= h2 >>> 15
  }
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35)
  h2 ^= h2 >>> 16
  h1 >>>= 0
  h2 >>>= 0
  // (0, 0) marks an empty slot.
  return h1 === 0 && h2 === 0 ? [0, 1] : [h1, h2]
}

function grow(table: KeyTable): void {
  const {hi, lo, rows} = table
  const capacity = hi.length * 2
  table.hi = new Uint32Array(capacity)
  table.lo = new Uint32Array(capacity)
  table.rows = new Uint32Array(capacity)
  table.size = 0
  for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) insert(table, hi[i], lo[i], rows[i])
}

/** Inserts a key seen at `row`; returns 0 when it is new, else the row where it was first seen (at least 1). */
export function insert(table: KeyTable, h: number, l: number, row: number): number {
  if ((table.size + 1) * 4 > table.hi.length * 3) grow(table)
  const mask = table.hi.length - 1
  let i = (l ^ Math.imul(h, 0x9e3779b1)) & mask
  for (;;) {
    const th = table.hi[i]
    const tl = table.lo[i]
    if (th === 0 && tl === 0) {
      table.hi[i] = h
      table.lo[i] = l
      table.rows[i] = row
      table.size++
      return 0
    }
    if (th === h && tl === l) return Math.max(1, table.rows[i])
    i = (i + 1) & mask
  }
}

/** The row where a key was first seen; 0 when the table does not hold it. */
export function lookup(table: KeyTable, h: number, l: number): number {
  const mask = table.hi.length - 1
  let i = (l ^ Math.imul(h, 0x9e3779b1)) & mask
  for (;;) {
    const th = table.hi[i]
    const tl = table.lo[i]
    if (th === 0 && tl === 0) return 0
    if (th === h && tl === l) return Math.max(1, table.rows[i])
    i = (i + 1) & mask
  }
}

export function has(table: KeyTable, h: number, l: number): boolean {
  return lookup(table, h, l) !== 0
}

/** Calls `fn` for every key of the table. */
export function forEachKey(table: KeyTable, fn: (h: number, l: number, row: number) => void): void {
  for (let i = 0; i < table.hi.length; i++) if (table.hi[i] !== 0 || table.lo[i] !== 0) fn(table.hi[i], table.lo[i], table.rows[i])
}

/** A growable list of (row, column, hash) records, as plain typed arrays. */
export interface KeyList {
  length: number
  rows: Uint32Array
  columns: Uint32Array
  hi: Uint32Array
  lo: Uint32Array
}

export function newKeyList(capacity = 16): KeyList {
  return {length: 0, rows: new Uint32Array(capacity), columns: new Uint32Array(capacity), hi: new Uint32Array(capacity), lo: new Uint32Array(capacity)}
}

function ensure(list: KeyList, extra: number): void {
  if (list.length + extra <= list.rows.length) return
  let capacity = list.rows.length * 2
  while (capacity < list.length + extra) capacity *= 2
  for (const key of ['rows', 'columns', 'hi', 'lo'] as const) {
    const next = new Uint32Array(capacity)
    next.set(list[key].subarray(0, list.length))
    list[key] = next
  }
}

export function push(list: KeyList, row: number, column: number, h: number, l: number): void {
  ensure(list, 1)
  const i = list.length++
  list.rows[i] = row
  list.columns[i] = column
  list.hi[i] = h
  list.lo[i] = l
}

export function append(list: KeyList, other: KeyList): void {
  ensure(list, other.length)
  for (const key of ['rows', 'columns', 'hi', 'lo'] as const) list[key].set(other[key].subarray(0, other.length), list.length)
  list.length += other.length
}
