/**
 * unique-error (fields with `unique: true`, and `uniqueKeys`) and primary-key: a key value that
 * an earlier row already has. Keys are kept as 64-bit hashes with the row that first had them
 * (key-table.ts), never as rows. Each chunk lists the rows whose key it had already seen; the
 * merge adds the rows whose key an earlier chunk had (the table keeps the line of each key's
 * first row for these), and `end` names, for every repeat, its line and the first row of the
 * whole table with that key: the same findings however the table was cut.
 * The parts of a multipart data package resource are one table too: once every part is read, a
 * key of a later part that an earlier part has is reported at the later row.
 */
import {defineCheck, type CheckDefinition, type DatasetReport} from '../../engine/check.js'
import type {TableHead} from '../../table/types.js'
import {compiledSchema} from './compile.js'
import {append, forEachKey, insert, insertAll, lookup, newKeyList, newKeyTable, push, reserve, type KeyList, type KeyTable} from './key-table.js'
import {expectedRows} from '../../table/expected-rows.js'
import {KEY_HASH, keyDef, MISSING_KEY, NO_KEY, rowKey, type KeyDef} from './keys.js'
import type {CompiledSchema} from './compile.js'

interface KeyState {
  seen: KeyTable
  repeats: KeyList
}

type State = KeyState[]

type KeysOf = (head: TableHead) => KeyDef[]

const uniqueKeys: KeysOf = (head) => {
  const schema = compiledSchema(head)
  if (!schema) return []
  const lists = [...schema.fields.filter((f) => f.field.constraints.unique).map((f) => [f.field.name]), ...schema.schema.uniqueKeys]
  // A key that is the primary key is primary-key's to report: the same repeats, once.
  const primary = schema.schema.primaryKey.join('\u0000')
  return lists
    .filter((fields, i) => fields.join('\u0000') !== primary && lists.findIndex((l) => l.join('\u0000') === fields.join('\u0000')) === i)
    .map((fields) => keyDef(schema, fields))
    .filter((k): k is KeyDef => k !== undefined)
}

const primaryKeys: KeysOf = (head) => {
  const schema = compiledSchema(head)
  if (!schema || schema.schema.primaryKey.length === 0) return []
  const def = keyDef(schema, schema.schema.primaryKey)
  return def ? [def] : []
}

/** One part's keys, left by `end` for the dataset hook. */
interface PartKeys {
  package: string
  resource: string
  part: number
  keys: Array<{fields: string[]; column: number; seen: KeyTable}>
}

type Part = PartKeys & {table: string}

function groupParts(parts: Part[]): Part[][] {
  const groups = new Map<string, Part[]>()
  for (const p of parts) {
    const id = `${p.package}\u0000${p.resource}`
    groups.set(id, [...(groups.get(id) ?? []), p])
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a.part - b.part))
}

/** Each key of a later part that an earlier part already has: one finding, at the later row, naming the earlier. */
function reportAcrossParts(parts: Part[], report: DatasetReport): void {
  for (let p = 1; p < parts.length; p++) {
    const found: Array<{row: number; line: number; column: number; fields: string[]; first: number; in: string}> = []
    parts[p].keys.forEach((key, k) => {
      forEachKey(key.seen, (hi, lo, row, line) => {
        for (let e = 0; e < p; e++) {
          const first = parts[e].keys[k] ? lookup(parts[e].keys[k].seen, hi, lo) : 0
          if (first === 0) continue
          found.push({row, line, column: key.column, fields: key.fields, first, in: parts[e].table})
          break
        }
      })
    })
    found.sort((a, b) => a.row - b.row || a.column - b.column)
    for (const f of found) report({resource: parts[p].table, rowNumber: f.row, ...(f.line > 0 ? {line: f.line} : {}), fieldNumber: f.column + 1, messageId: 'otherPart', details: {fields: f.fields, firstRowNumber: f.first, firstResource: f.in}})
  }
}

function repeatsCheck(name: string, keysOf: KeysOf, messages: Record<string, string>, reportMissing: boolean): CheckDefinition<Record<string, never>, State> {
  return defineCheck<Record<string, never>, State>({
    name,
    optionsSchema: {type: 'object', additionalProperties: false},
    messages,
    create: () => {
      let keys: KeyDef[] = []
      let schema: CompiledSchema | undefined
      return {
        init(h, rows) {
          schema = compiledSchema(h)
          keys = keysOf(h)
          return keys.map(() => ({seen: newKeyTable(rows, true), repeats: newKeyList()}))
        },
        row(state, row, report) {
          for (let k = 0; k < keys.length; k++) {
            const def = keys[k]
            const key = rowKey(schema!, def, row)
            if (key === NO_KEY) continue
            if (key === MISSING_KEY) {
              if (reportMissing) report({rowNumber: row.rowNumber, line: row.line, fieldNumber: def.column + 1, messageId: 'missing', details: {fields: def.fields, reason: 'missing'}})
              continue
            }
            if (insert(state[k].seen, KEY_HASH[0], KEY_HASH[1], row.rowNumber, row.line) !== 0) push(state[k].repeats, row.rowNumber, def.column, KEY_HASH[0], KEY_HASH[1], row.line)
          }
        },
        merge(left, right, h) {
          // On the main thread init never ran: the keys come from the head.
          const defs = keysOf(h)
          for (let k = 0; k < left.length; k++) {
            const l = left[k]
            const column = defs[k].column
            // Room for the whole table's keys at once: chunks come one by one, and doubling for each would copy the table again and again.
            reserve(l.seen, expectedRows(h))
            insertAll(l.seen, right[k].seen, (hi, lo, row, line) => push(l.repeats, row, column, hi, lo, line))
            append(l.repeats, right[k].repeats)
          }
          return left
        },
        end(state, h, stats, report) {
          const defs = keysOf(h)
          state?.forEach((s, k) => {
            const def = defs[k]
            for (let i = 0; i < s.repeats.length; i++) {
              const first = lookup(s.seen, s.repeats.hi[i], s.repeats.lo[i])
              report({rowNumber: s.repeats.rows[i], line: s.repeats.lines[i], fieldNumber: s.repeats.columns[i] + 1, details: {fields: def.fields, firstRowNumber: first}})
            }
          })
          // The parts of a multipart resource are one table: their keys are compared once all are read.
          const info = h.packageResource
          if (state && info && info.parts > 1 && defs.length > 0) {
            const part: PartKeys = {package: info.package, resource: info.name, part: info.part, keys: defs.map((d, k) => ({fields: d.fields, column: d.column, seen: state[k].seen}))}
            stats.forDataset = {...stats.forDataset, [name]: part}
          }
        },
        dataset(context, report) {
          const parts = context.tables.flatMap((t) => {
            const keys = t.stats?.forDataset?.[name] as PartKeys | undefined
            return keys ? [{table: t.resource, ...keys}] : []
          })
          for (const group of groupParts(parts)) reportAcrossParts(group, report)
        },
      }
    },
  })
}

export const uniqueError = repeatsCheck(
  'unique-error',
  uniqueKeys,
  {
    default: 'Row {{rowNumber}}: the value of {{fields}} repeats row {{firstRowNumber}}, but must be unique',
    otherPart: 'Row {{rowNumber}}: the value of {{fields}} repeats row {{firstRowNumber}} of {{firstResource}}, another part of the same resource, but must be unique',
  },
  false,
)

export const primaryKey = repeatsCheck(
  'primary-key',
  primaryKeys,
  {
    default: 'Row {{rowNumber}}: the primary key ({{fields}}) repeats row {{firstRowNumber}}',
    missing: 'Row {{rowNumber}}: the primary key ({{fields}}) has no value',
    otherPart: 'Row {{rowNumber}}: the primary key ({{fields}}) repeats row {{firstRowNumber}} of {{firstResource}}, another part of the same resource',
  },
  true,
)
