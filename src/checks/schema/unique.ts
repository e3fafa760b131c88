/**
 * unique-error (fields with `unique: true`, and `uniqueKeys`) and primary-key: a key value that
 * an earlier row already has. Keys are kept as 64-bit hashes with their row and line
 * (key-runs.ts), never as rows. Each chunk lists its rows' keys in row order; chunks fold by
 * joining the lists, and `end` sorts them by key once and names, for every repeat, its line and
 * the first row of the whole table with that key: the same findings however the table was cut.
 * The parts of a multipart data package resource are one table too: once every part is read, a
 * key of a later part that an earlier part has is reported at the later row.
 */
import {defineCheck, type CheckDefinition, type DatasetReport} from '../../engine/check.js'
import type {TableHead} from '../../table/types.js'
import {compiledSchema} from './compile.js'
import {forEachKey, insert, lookup, newKeyTable, type KeyTable} from '../../table/key-table.js'
import {appendKeyParts, forEachRepeat, newKeyParts, pushKey, type KeyParts} from './key-runs.js'
import {KEY_HASH, keyDef, MISSING_KEY, NO_KEY, rowKey, type KeyDef} from './keys.js'
import type {CompiledSchema} from './compile.js'

/** The rows' keys, one KeyParts per key the check enforces. */
type State = KeyParts[]

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
        appliesTo: (h) => keysOf(h).length > 0,
        init(h, rows) {
          schema = compiledSchema(h)
          keys = keysOf(h)
          return keys.map(() => newKeyParts(rows))
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
            pushKey(state[k], KEY_HASH[0], KEY_HASH[1], row.rowNumber, row.line)
          }
        },
        merge(left, right) {
          return left.map((l, k) => appendKeyParts(l, right[k]))
        },
        end(state, h, stats, report) {
          const defs = keysOf(h)
          // The parts of a multipart resource are one table: their keys are compared once all are read.
          const info = h.packageResource
          const multipart = info !== undefined && info.parts > 1
          const seen: KeyTable[] = []
          state?.forEach((keys, k) => {
            const def = defs[k]
            const table = multipart ? newKeyTable(0, true) : undefined
            if (table) seen[k] = table
            forEachRepeat(
              keys,
              (row, line, firstRowNumber) => report({rowNumber: row, line, fieldNumber: def.column + 1, details: {fields: def.fields, firstRowNumber}}),
              table && ((hi, lo, row, line) => insert(table, hi, lo, row, line)),
            )
          })
          if (state && info && multipart && defs.length > 0) {
            const part: PartKeys = {package: info.package, resource: info.name, part: info.part, keys: defs.map((d, k) => ({fields: d.fields, column: d.column, seen: seen[k]}))}
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
