import {defineCheck} from '../../engine/check.js'
import {isBlankRecord} from '../../table/blank.js'
import {createTable, forEachEntry, hashCells, insert, lookup, type RowHashTable} from './row-hash-table.js'

interface State {
  /** Row hash → first occurrence. Only hashes are kept, never row text. */
  seen: RowHashTable
  /** Rows seen again, as flat [rowNumber, line, hash] triples; reported at the end once every first occurrence is known. */
  repeats: number[]
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
      if (isBlankRecord(row.cells)) return
      const hash = hashCells(row.cells)
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
