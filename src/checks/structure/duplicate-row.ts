import {defineCheck} from '../../engine/check.js'
import {createTable, forEachEntry, insert, lookup, type RowHashTable} from './row-hash-table.js'

interface State {
  /** Row hash → first occurrence. Only hashes are kept, never row text. */
  seen: RowHashTable
  /** Rows seen again, as flat [rowNumber, line, hash] triples; reported at the end once every first occurrence is known. */
  repeats: number[]
}

/**
 * 53-bit hash of a row's cells: an FNV-1a lane and a polynomial lane, 32 bits each, cut to
 * fit a double exactly. With a million rows the chance of any false match is about 1 in 20,000.
 */
export function hashRow(cells: string[]): number {
  let a = 0x811c9dc5
  let b = 0x9747b28c ^ cells.length
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c]
    for (let i = 0; i < cell.length; i++) {
      const ch = cell.charCodeAt(i)
      a = Math.imul(a ^ ch, 0x01000193)
      b = (Math.imul(b, 31) + ch) | 0
    }
    // Cell boundary, so ["ab", "c"] and ["a", "bc"] differ.
    a = Math.imul(a ^ 0x1f, 0x01000193)
    b = (Math.imul(b, 37) + 0x1f) | 0
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11)
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
