/**
 * csvw-foreign-key: every row's foreign key values must match exactly one row of the table
 * (and columns) they reference, possibly in another table of the group. Each table's pass
 * keeps key hashes only: the referencing rows as [rowNumber, line, hash], the referenced
 * keys in a hash table; the dataset hook compares them once every table has been read.
 */
import {defineCheck, type DatasetContext, type DatasetReport} from '../../engine/check.js'
import type {Row, TableHead} from '../../table/types.js'
import {createTable, forEachEntry, insert, lookup, type RowHashTable} from '../structure/row-hash-table.js'
import {keyOf} from './primary-key.js'
import {shown} from './row-values.js'

const NAME = 'csvw-foreign-key'
const MAX_TEXTS = 200

interface Referencing {
  /** Flat [rowNumber, line, hash] per row. A null is a value like any other: it must be matched too. */
  rows: number[]
  /** Key text by row number, for the first rows (enough for the findings listed). */
  texts: Record<number, string>
}

interface Referenced {
  seen: RowHashTable
  /** Hashes of keys that more than one row has. */
  repeated: number[]
}

interface State {
  /** By foreign key id: this table's referencing rows. */
  referencing: Record<string, Referencing>
  /** By foreign key id: this table's keys that the foreign key points at. */
  referenced: Record<string, Referenced>
}

function collectRow(state: State, head: TableHead, row: Row): void {
  const table = head.csvw!.table
  for (const fk of table.schema?.foreignKeys ?? []) {
    const key = keyOf(row, head, fk.columns)
    if (!key) continue
    const into = (state.referencing[fk.id] ??= {rows: [], texts: {}})
    into.rows.push(row.rowNumber, row.line, key.hash)
    if (into.rows.length <= MAX_TEXTS * 3) into.texts[row.rowNumber] = key.text
  }
  for (const ref of table.referencedBy) {
    const key = keyOf(row, head, ref.columns)
    if (!key) continue
    const into = (state.referenced[ref.id] ??= {seen: createTable(), repeated: []})
    if (lookup(into.seen, key.hash) >= 0) into.repeated.push(key.hash)
    else insert(into.seen, key.hash, row.rowNumber, row.line)
  }
}

function datasetCheck(context: DatasetContext, report: DatasetReport): void {
  const byUrl = new Map<string, {name: string; head: TableHead; state?: State}>()
  for (const t of context.tables) {
    const csvw = t.head?.csvw
    if (csvw) byUrl.set(csvw.table.url, {name: t.resource, head: t.head!, state: t.stats?.forDataset?.[NAME] as State | undefined})
  }
  for (const source of byUrl.values()) {
    for (const fk of source.head.csvw!.table.schema?.foreignKeys ?? []) {
      const target = byUrl.get(fk.reference.table)
      const referencing = source.state?.referencing[fk.id]
      if (!target || !referencing) continue
      const referenced = target.state?.referenced[fk.id]
      const repeated = new Set(referenced?.repeated ?? [])
      const {rows, texts} = referencing
      for (let i = 0; i < rows.length; i += 3) {
        const hash = rows[i + 2]
        const found = referenced ? lookup(referenced.seen, hash) >= 0 : false
        if (found && !repeated.has(hash)) continue
        const text = texts[rows[i]]
        const details = {
          columns: fk.columns.join(', '),
          value: text === undefined ? '(not kept)' : shown(text),
          table: target.name,
          referencedColumns: fk.reference.columns.join(', '),
        }
        report({resource: source.name, rowNumber: rows[i], line: rows[i + 1], messageId: found ? 'many' : 'default', details})
      }
    }
  }
}

export const csvwForeignKey = defineCheck<Record<string, never>, State>({
  name: NAME,
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: '{{columns}} = {{value}} matches no row of {{table}} ({{referencedColumns}}).',
    many: '{{columns}} = {{value}} matches more than one row of {{table}} ({{referencedColumns}}), so it does not identify one.',
  },
  create: () => {
    let head: TableHead | undefined
    return {
      appliesTo: (h) => Boolean(h.csvw?.table.schema || h.csvw?.table.referencedBy.length),
      init(h) {
        head = h
        return {referencing: {}, referenced: {}}
      },
      row(state, row) {
        if (!head?.csvw?.table.schema && !head?.csvw?.table.referencedBy.length) return
        collectRow(state, head, row)
      },
      merge(left, right) {
        for (const [id, r] of Object.entries(right.referencing)) {
          const into = (left.referencing[id] ??= {rows: [], texts: {}})
          for (let i = 0; i < r.rows.length; i++) into.rows.push(r.rows[i])
          for (const [row, text] of Object.entries(r.texts)) if (Object.keys(into.texts).length < MAX_TEXTS) into.texts[Number(row)] = text
        }
        for (const [id, r] of Object.entries(right.referenced)) {
          const into = (left.referenced[id] ??= {seen: createTable(), repeated: []})
          forEachEntry(r.seen, (hash, rowNumber, line) => {
            if (lookup(into.seen, hash) >= 0) into.repeated.push(hash)
            else insert(into.seen, hash, rowNumber, line)
          })
          into.repeated.push(...r.repeated)
        }
        return left
      },
      end(state, _head, stats) {
        if (!state) return
        stats.forDataset ??= {}
        stats.forDataset[NAME] = state
      },
      dataset: datasetCheck,
    }
  },
})
