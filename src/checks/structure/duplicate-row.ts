import {defineCheck} from '../../engine/check.js'
import {createTable, forEachEntry, insert, lookup, type RowHashTable} from './row-hash-table.js'

interface State {
  /** Row hash → first occurrence. Only hashes are kept, never row text. */
  seen: RowHashTable
  /** Rows seen again, as flat [rowNumber, line, hash] triples; reported at the end once every first occurrence is known. */
  repeats: number[]
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
 * 53-bit hash of a row's cells: two independent multiply-xor lanes of 32 bits, each finished
 * with a full avalanche, cut to fit a double exactly. With a million rows the chance of any
 * false match is about 1 in 20,000. (A polynomial lane, like Java's String.hashCode, gives
 * "Aa" and "BB" the same value and barely changes when only the last character does: rows
 * differing near the end then matched on 32 bits alone, and clustered in the hash table.)
 */
export function hashRow(cells: string[]): number {
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

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false
  return true
}

/**
 * A data row identical to an earlier one. Off by default: repeated line items are
 * sometimes real (two identical payments), but often a sign of a botched export.
 */
export const duplicateRow = defineCheck({
  name: 'duplicate-row',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'Row {{rowNumber}} repeats row {{firstRowNumber}} exactly'},
  create: () => ({
    init: (): State => ({seen: createTable(), repeats: []}),
    row(state: State, row) {
      // Blank rows are blank-row's business.
      if (isBlank(row.cells)) return
      const hash = hashRow(row.cells)
      if (lookup(state.seen, hash) >= 0) state.repeats.push(row.rowNumber, row.line, hash)
      else insert(state.seen, hash, row.rowNumber, row.line)
    },
    merge(left: State, right: State): State {
      // A first occurrence in the right chunk that the left chunk has already seen is a repeat.
      forEachEntry(right.seen, (hash, rowNumber, line) => {
        if (lookup(left.seen, hash) >= 0) left.repeats.push(rowNumber, line, hash)
        else insert(left.seen, hash, rowNumber, line)
      })
      for (let i = 0; i < right.repeats.length; i++) left.repeats.push(right.repeats[i])
      return left
    },
    end(state: State, _head, _stats, report) {
      if (!state) return
      const {repeats, seen} = state
      for (let i = 0; i < repeats.length; i += 3) {
        const firstRowNumber = seen.rows[lookup(seen, repeats[i + 2])]
        report({rowNumber: repeats[i], line: repeats[i + 1], details: {firstRowNumber}})
      }
    },
  }),
})
