/**
 * Keys of a table's rows for unique-error and primary-key, kept as lists and sorted once at
 * the end rather than looked up row by row in a hash table: appending is sequential (a
 * million inserts into a 32 MB table each missed the cache and faulted in fresh pages), and
 * after a stable sort by hash the rows that share a key sit together in row order, the first
 * of them the row the others repeat.
 *
 * Each key is its 64-bit hash (table/key-table.ts's hashInto) with the row and line it was seen at:
 * 16 bytes a row. Keys are split as they come into PARTS parts by the top bits of the hash, so
 * that the end sorts many small lists that fit in the cache instead of one large one. A chunk
 * keeps one run of keys per part, in row order; chunks fold by handing their runs on, still
 * in row order. Runs are typed arrays marked `movable`, so a worker hands them to the main
 * thread without a copy.
 */
import {movable} from '../../table/transferables.js'
import {MAX_RESERVED_KEYS} from '../../table/key-table.js'

/** Numbers per key: hash halves (hi, lo), row, line. */
const WIDTH = 4
const PART_BITS = 8
const PARTS = 1 << PART_BITS

export interface KeyRun {
  length: number
  /** Keys side by side, WIDTH numbers each, in row order. */
  keys: Uint32Array
}

/** A table's keys: for each part (top bits of the hash), its runs in row order. */
export interface KeyParts {
  runs: KeyRun[][]
}

function newRun(capacity: number): KeyRun {
  return {length: 0, keys: movable(new Uint32Array(capacity * WIDTH))}
}

/** @param expected about how many keys will come (sizes each part's first run) */
export function newKeyParts(expected = 0): KeyParts {
  const capacity = Math.max(16, Math.ceil((Math.min(expected, MAX_RESERVED_KEYS) / PARTS) * 1.25))
  return {runs: Array.from({length: PARTS}, () => [newRun(capacity)])}
}

/** Adds a key to its part's last run (a chunk's own parts have one run each). */
export function pushKey(parts: KeyParts, hi: number, lo: number, row: number, line: number): void {
  const runs = parts.runs[hi >>> (32 - PART_BITS)]
  const run = runs[runs.length - 1]
  let keys = run.keys
  let at = run.length * WIDTH
  if (at === keys.length) {
    const grown = movable(new Uint32Array(keys.length * 2))
    grown.set(keys)
    run.keys = keys = grown
  }
  keys[at++] = hi
  keys[at++] = lo
  keys[at++] = row
  keys[at] = line
  run.length++
}

/** Adds the keys of later rows (`right`) to `left`. */
export function appendKeyParts(left: KeyParts, right: KeyParts): KeyParts {
  for (let p = 0; p < PARTS; p++) for (const run of right.runs[p]) if (run.length > 0) left.runs[p].push(run)
  return left
}

const DIGIT_BITS = 12
const DIGITS = 1 << DIGIT_BITS

/** One pass of a stable counting sort of `length` keys by hi's digit at `shift`, from `from` into `to`. */
function sortPass(from: Uint32Array, to: Uint32Array, length: number, shift: number, counts: Uint32Array): void {
  counts.fill(0)
  const end = length * WIDTH
  for (let i = 0; i < end; i += WIDTH) counts[(from[i] >>> shift) & (DIGITS - 1)]++
  let sum = 0
  for (let d = 0; d < DIGITS; d++) {
    const n = counts[d]
    counts[d] = sum
    sum += n
  }
  for (let i = 0; i < end; i += WIDTH) {
    const o = counts[(from[i] >>> shift) & (DIGITS - 1)]++ * WIDTH
    to[o] = from[i]
    to[o + 1] = from[i + 1]
    to[o + 2] = from[i + 2]
    to[o + 3] = from[i + 3]
  }
}

/**
 * Calls `repeat` for every row whose key an earlier row has, with its line and the first row
 * with that key, and `first` (optional) for the first row of every key. Rows come in no
 * particular order. Each part is sorted on its own, by the hash bits below the part's (a
 * stable sort, so rows with one hash stay in row order); the runs are emptied as they are read.
 */
export function forEachRepeat(
  parts: KeyParts,
  repeat: (row: number, line: number, firstRow: number) => void,
  first?: (hi: number, lo: number, row: number, line: number) => void,
): void {
  let largest = 0
  for (const runs of parts.runs) largest = Math.max(largest, runs.reduce((n, run) => n + run.length, 0))
  // Scratch for the largest part, reused for every part: small enough to stay in the cache.
  const a = new Uint32Array(largest * WIDTH)
  const b = new Uint32Array(largest * WIDTH)
  const counts = new Uint32Array(DIGITS)
  for (const runs of parts.runs) {
    let length = 0
    for (const run of runs) {
      a.set(run.keys.subarray(0, run.length * WIDTH), length * WIDTH)
      length += run.length
      run.keys = new Uint32Array(0)
      run.length = 0
    }
    if (length === 0) continue
    // The part's bits are equal already: the 24 below them, in two passes.
    sortPass(a, b, length, 0, counts)
    sortPass(b, a, length, DIGIT_BITS, counts)
    scanSorted(a, length, repeat, first)
  }
}

/** Finds the repeats in keys sorted by hi (and, for one hi, in row order). */
function scanSorted(
  keys: Uint32Array,
  length: number,
  repeat: (row: number, line: number, firstRow: number) => void,
  first?: (hi: number, lo: number, row: number, line: number) => void,
): void {
  const end = length * WIDTH
  for (let start = 0; start < end; ) {
    const hi = keys[start]
    let stop = start + WIDTH
    let oneLo = true
    while (stop < end && keys[stop] === hi) {
      if (keys[stop + 1] !== keys[start + 1]) oneLo = false
      stop += WIDTH
    }
    if (oneLo) {
      first?.(hi, keys[start + 1], keys[start + 2], keys[start + 3])
      for (let i = start + WIDTH; i < stop; i += WIDTH) repeat(keys[i + 2], keys[i + 3], keys[start + 2])
    } else {
      // Keys whose hi halves collide (about one pair in a million keys): first rows by lo.
      const firstRows = new Map<number, number>()
      for (let i = start; i < stop; i += WIDTH) {
        const seen = firstRows.get(keys[i + 1])
        if (seen === undefined) {
          firstRows.set(keys[i + 1], keys[i + 2])
          first?.(hi, keys[i + 1], keys[i + 2], keys[i + 3])
        } else repeat(keys[i + 2], keys[i + 3], seen)
      }
    }
    start = stop
  }
}
