/**
 * Keys of a million rows in little memory: each key is reduced to a 64-bit hash (two 32-bit
 * halves) and kept in an open-addressing table of typed arrays with the row where it was
 * first seen (and, in a table made with lines, the line where that row starts), about 16-32
 * bytes a key (21-43 with lines). Plain data (typed arrays and numbers), so a worker
 * thread's table survives structuredClone and merges on the main thread. With 64-bit hashes
 * two different keys collide with odds of about 1 in 30 million on a million distinct keys.
 * Their buffers are `movable`: a worker hands them to the main thread without a copy.
 */
import {movable} from './transferables.js'

export interface KeyTable {
  size: number
  /** Slot count - 1 (the slot count is a power of two). */
  mask: number
  /** Numbers a slot holds: 3, or 4 in a table made with lines. */
  width: 3 | 4
  /**
   * Slots of `width` numbers, side by side so one probe touches one cache line: hash halves
   * (hi, lo), then the row where the key was first seen (0 in a table used as a set), then,
   * with lines, the line where that row starts. A slot of hash (0, 0) is empty.
   */
  slots: Uint32Array
}

/**
 * Keys a table is made ready for at most, however many rows are expected: estimates from a
 * sample can be far off, and a table this size takes 32 MB (with lines); beyond it, it grows.
 */
export const MAX_RESERVED_KEYS = 1 << 20

/** The slot count (a power of two, at least 64) that holds `keys` keys without growing. */
function slotsFor(keys: number): number {
  let slots = 64
  while (keys * 4 > slots * 3) slots *= 2
  return slots
}

/**
 * @param expected keys the table will probably hold (an estimate: it still grows past it)
 * @param lines keep the line of each key's first row too (for findings at rows found when chunks merge)
 */
export function newKeyTable(expected = 0, lines = false): KeyTable {
  const width = lines ? 4 : 3
  const capacity = slotsFor(Math.min(expected, MAX_RESERVED_KEYS))
  return {size: 0, mask: capacity - 1, width, slots: movable(new Uint32Array(capacity * width))}
}

/** Makes room for `keys` keys in all (at most MAX_RESERVED_KEYS) in one step, instead of doubling as they come. */
export function reserve(table: KeyTable, keys: number): void {
  const capacity = slotsFor(Math.min(Math.max(keys, table.size), MAX_RESERVED_KEYS))
  if (capacity > table.mask + 1) grow(table, capacity)
}

/** Hash halves of a key (see hashInto). */
export function hashKey(key: string): [number, number] {
  hashInto(key, scratch)
  return [scratch[0], scratch[1]]
}

const scratch = new Uint32Array(2)

/** Hash halves of a key into out[0], out[1]: FNV-1a and a second multiplicative hash over the UTF-16 code units. No allocation. */
export function hashInto(key: string, out: Uint32Array): void {
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
  out[0] = h1
  // (0, 0) marks an empty slot.
  out[1] = h1 === 0 && h2 === 0 ? 1 : h2
}


/** Offset in `slots` of the slot holding the key, or of the empty slot where it would go (linear probing). */
function probe(slots: Uint32Array, mask: number, width: number, h: number, l: number): number {
  for (let i = (l ^ Math.imul(h, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
    const at = i * width
    const th = slots[at]
    const tl = slots[at + 1]
    if ((th | tl) === 0 || (th === h && tl === l)) return at
  }
}

function grow(table: KeyTable, capacity = (table.mask + 1) * 2): void {
  const old = table.slots
  const width = table.width
  const mask = capacity - 1
  const slots = movable(new Uint32Array(capacity * width))
  for (let i = 0; i < old.length; i += width) {
    const h = old[i]
    const l = old[i + 1]
    if ((h | l) === 0) continue
    const at = probe(slots, mask, width, h, l)
    slots[at] = h
    slots[at + 1] = l
    slots[at + 2] = old[i + 2]
    if (width === 4) slots[at + 3] = old[i + 3]
  }
  table.slots = slots
  table.mask = mask
}

/** Inserts a key seen at `row` (starting at `line`, kept in a table with lines); returns 0 when it is new, else the row where it was first seen (at least 1). */
export function insert(table: KeyTable, h: number, l: number, row: number, line = 0): number {
  if ((table.size + 1) * 4 > (table.mask + 1) * 3) grow(table)
  const slots = table.slots
  const at = probe(slots, table.mask, table.width, h, l)
  if ((slots[at] | slots[at + 1]) !== 0) return slots[at + 2] || 1
  slots[at] = h
  slots[at + 1] = l
  slots[at + 2] = row
  if (table.width === 4) slots[at + 3] = line
  table.size++
  return 0
}

/** The row where a key was first seen; 0 when the table does not hold it. */
export function lookup(table: KeyTable, h: number, l: number): number {
  const slots = table.slots
  const at = probe(slots, table.mask, table.width, h, l)
  return (slots[at] | slots[at + 1]) === 0 ? 0 : slots[at + 2] || 1
}

export function has(table: KeyTable, h: number, l: number): boolean {
  return lookup(table, h, l) !== 0
}

/**
 * Adds every key of `from` to `into` (made room for first), keeping the row (and line) where
 * `into` first had a key; `onRepeat` hears of each key `into` already had, with `from`'s row.
 */
export function insertAll(into: KeyTable, from: KeyTable, onRepeat?: (h: number, l: number, row: number, line: number) => void): void {
  reserve(into, into.size + from.size)
  const slots = from.slots
  const width = from.width
  for (let i = 0; i < slots.length; i += width) {
    const h = slots[i]
    const l = slots[i + 1]
    if ((h | l) === 0) continue
    const line = width === 4 ? slots[i + 3] : 0
    if (insert(into, h, l, slots[i + 2], line) !== 0) onRepeat?.(h, l, slots[i + 2], line)
  }
}

/** Calls `fn` for every key of the table (`line` is 0 in a table without lines). */
export function forEachKey(table: KeyTable, fn: (h: number, l: number, row: number, line: number) => void): void {
  const slots = table.slots
  const width = table.width
  for (let i = 0; i < slots.length; i += width) if ((slots[i] | slots[i + 1]) !== 0) fn(slots[i], slots[i + 1], slots[i + 2], width === 4 ? slots[i + 3] : 0)
}

/** A growable list of (row, line, column, hash) records, as plain typed arrays. */
export interface KeyList {
  length: number
  rows: Uint32Array
  /** Line where each row starts (0 when not given). */
  lines: Uint32Array
  columns: Uint32Array
  hi: Uint32Array
  lo: Uint32Array
}

const LIST_ARRAYS = ['rows', 'lines', 'columns', 'hi', 'lo'] as const

export function newKeyList(capacity = 16): KeyList {
  const list = () => movable(new Uint32Array(capacity))
  return {length: 0, rows: list(), lines: list(), columns: list(), hi: list(), lo: list()}
}

function ensure(list: KeyList, extra: number): void {
  if (list.length + extra <= list.rows.length) return
  let capacity = list.rows.length * 2
  while (capacity < list.length + extra) capacity *= 2
  for (const key of LIST_ARRAYS) {
    const next = movable(new Uint32Array(capacity))
    next.set(list[key].subarray(0, list.length))
    list[key] = next
  }
}

export function push(list: KeyList, row: number, column: number, h: number, l: number, line = 0): void {
  ensure(list, 1)
  const i = list.length++
  list.rows[i] = row
  list.lines[i] = line
  list.columns[i] = column
  list.hi[i] = h
  list.lo[i] = l
}

export function append(list: KeyList, other: KeyList): void {
  ensure(list, other.length)
  for (const key of LIST_ARRAYS) list[key].set(other[key].subarray(0, other.length), list.length)
  list.length += other.length
}
