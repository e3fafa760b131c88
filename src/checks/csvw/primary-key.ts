/**
 * csvw-primary-key: no two rows may have the same values in the schema's primaryKey columns.
 * Only a 53-bit hash of each key is kept (never the rows), in a table that merges across chunks.
 */
import {defineCheck} from '../../engine/check.js'
import type {Row, TableHead} from '../../table/types.js'
import {createTable, forEachEntry, hashCells, insert, lookup, type RowHashTable} from '../structure/row-hash-table.js'
import {rowValues} from './row-values.js'

interface State {
  seen: RowHashTable
  /** Repeats as flat [rowNumber, line, hash] triples, reported at the end with the first row. */
  repeats: number[]
}

/** The key of a row over the given columns: parsed values, so 1 and 01 are the same integer. */
export function keyOf(row: Row, head: TableHead, names: string[]): {hash: number; text: string; hasNull: boolean} | undefined {
  const values = rowValues(row, head)
  if (!values) return undefined
  const parts: string[] = []
  let hasNull = false
  for (const name of names) {
    const cell = values.cells.find((c) => c.column.name === name)
    if (!cell || cell.result.isNull) {
      hasNull = true
      parts.push('\u0000null')
    } else parts.push(cell.result.keys.join('\u0001'))
  }
  // Shown as written in the file, not as parsed (a date's key is a number).
  const text = names.map((name) => values.cells.find((c) => c.column.name === name)?.text ?? '').join(', ')
  return {hash: hashCells(parts), text, hasNull}
}

export const csvwPrimaryKey = defineCheck<Record<string, never>, State>({
  name: 'csvw-primary-key',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'Row {{rowNumber}} has the same primary key ({{columns}}) as row {{firstRowNumber}}.'},
  create: () => {
    let head: TableHead | undefined
    return {
      appliesTo: (h) => (h.csvw?.table.schema?.primaryKey ?? []).length > 0,
      init(h) {
        head = h
        return {seen: createTable(), repeats: []}
      },
      row(state, row) {
        const names = head?.csvw?.table.schema?.primaryKey ?? []
        if (names.length === 0) return
        const key = keyOf(row, head!, names)
        if (!key) return
        if (lookup(state.seen, key.hash) >= 0) state.repeats.push(row.rowNumber, row.line, key.hash)
        else insert(state.seen, key.hash, row.rowNumber, row.line)
      },
      merge(left, right) {
        forEachEntry(right.seen, (hash, rowNumber, line) => {
          if (lookup(left.seen, hash) >= 0) left.repeats.push(rowNumber, line, hash)
          else insert(left.seen, hash, rowNumber, line)
        })
        for (let i = 0; i < right.repeats.length; i++) left.repeats.push(right.repeats[i])
        return left
      },
      end(state, h, _stats, report) {
        const names = h.csvw?.table.schema?.primaryKey ?? []
        if (!state || names.length === 0) return
        const order: number[] = []
        for (let i = 0; i < state.repeats.length; i += 3) order.push(i)
        // Repeats found when chunks were merged come after the right chunk's own: report in row order.
        order.sort((a, b) => state.repeats[a] - state.repeats[b])
        for (const i of order) {
          const firstRowNumber = state.seen.rows[lookup(state.seen, state.repeats[i + 2])]
          report({rowNumber: state.repeats[i], line: state.repeats[i + 1], details: {columns: names.join(', '), firstRowNumber}})
        }
      },
    }
  },
})
