/**
 * foreign-key: a row whose foreign key value is not a key of the table it refers to. Each
 * table keeps, in its one pass, the hashes of its foreign key values with their rows, and the
 * hashes of its own keys that foreign keys point at (a set per referenced field list, never
 * the rows). References within the table are settled in `end`; references to another
 * resource of the data package in the dataset hook, once every table has been read.
 */
import {defineCheck, type DatasetContext, type DatasetReport} from '../../engine/check.js'
import type {ForeignKey} from '../../metadata/table-schema/types.js'
import type {FindingInput} from '../../engine/types.js'
import type {Row, TableHead} from '../../table/types.js'
import {compiledSchema, type CompiledSchema} from './compile.js'
import {shownCell} from './cells.js'
import {append, hashInto, has, insert, insertAll, newKeyList, newKeyTable, push, type KeyList, type KeyTable} from '../../table/key-table.js'
import {HAS_KEY, KEY_HASH, keyDef, MISSING_KEY, NO_KEY, rowKey, type KeyDef, type KeyResult} from './keys.js'

/** Values of failing references shown in findings: the first distinct ones, per foreign key. */
const SHOWN_VALUES = 1000

interface RefState {
  pending: KeyList
  /** `hi:lo` → the value as written, for the first SHOWN_VALUES distinct values. */
  values: Map<string, string>
}

interface State {
  refs: RefState[]
  /** Keys of this table, one set per field list a foreign key (here or elsewhere) points at. */
  keys: KeyTable[]
}

/** What a table leaves for the dataset hook. */
interface Exported {
  package?: string
  resource?: string
  refs: Array<{fk: ForeignKey; pending: KeyList; values: Map<string, string>}>
  keys: Array<{fields: string[]; set: KeyTable}>
}

/** Hashes into KEY_HASH (see rowKey). */
type Keyer = (row: Row) => KeyResult

/** Hashes a field list of a row: through the schema when the table has one, else the cells under those labels. */
function keyer(head: TableHead, schema: CompiledSchema | undefined, fields: string[]): Keyer | undefined {
  const def = schema ? keyDef(schema, fields) : undefined
  if (schema && def) return (row) => rowKey(schema, def, row)
  const columns = fields.map((f) => head.labels.indexOf(f))
  if (columns.some((c) => c < 0)) return undefined
  return (row) => {
    const cells = columns.map((c) => row.cells[c])
    if (cells.some((c) => c === undefined)) return NO_KEY
    if (cells.some((c) => c === '')) return MISSING_KEY
    hashInto(cells.join('\u001f'), KEY_HASH)
    return HAS_KEY
  }
}

interface Plan {
  /** Foreign keys whose own fields the table has, with their key definition. */
  refs: Array<{fk: ForeignKey; def: KeyDef; keyer: Keyer; columns: number[]}>
  /** Field lists to keep key sets for: self-references first, then what other resources point at. */
  keys: Array<{fields: string[]; keyer?: Keyer}>
}

const joined = (fields: string[]) => fields.join('\u0000')

function planOf(head: TableHead): Plan {
  const schema = compiledSchema(head)
  const refs: Plan['refs'] = []
  const keys: Plan['keys'] = []
  const addKey = (fields: string[]) => {
    if (!keys.some((k) => joined(k.fields) === joined(fields))) keys.push({fields, keyer: keyer(head, schema, fields)})
  }
  for (const fk of schema?.schema.foreignKeys ?? []) {
    const def = keyDef(schema!, fk.fields)
    if (!def) continue
    refs.push({fk, def, keyer: (row) => rowKey(schema!, def, row), columns: def.indices.map((i) => schema!.fields[i].column)})
    if (fk.reference.resource === '') addKey(fk.reference.fields)
  }
  for (const fields of head.packageResource?.referencedKeys ?? []) addKey(fields)
  return {refs, keys}
}

const plans = new WeakMap<TableHead, Plan>()
function planFor(head: TableHead): Plan {
  let plan = plans.get(head)
  if (!plan) plans.set(head, (plan = planOf(head)))
  return plan
}

function valueKey(h: number, l: number): string {
  return `${h}:${l}`
}

function finding(fk: ForeignKey, column: number, row: number, line: number, values: Map<string, string>, h: number, l: number): FindingInput {
  const cell = values.get(valueKey(h, l))
  const self = fk.reference.resource === ''
  return {
    rowNumber: row,
    ...(line > 0 ? {line} : {}),
    fieldNumber: column + 1,
    messageId: self ? 'self' : 'default',
    details: {fields: fk.fields, referenceResource: fk.reference.resource, referenceFields: fk.reference.fields, ...(cell !== undefined ? {cells: cell} : {})},
  }
}

function checkAcross(context: DatasetContext, report: DatasetReport): void {
  const exported = context.tables.map((t) => ({table: t, data: t.stats?.forDataset?.['foreign-key'] as Exported | undefined}))
  for (const {table, data} of exported) {
    if (!data?.package) continue
    for (const ref of data.refs) {
      if (ref.fk.reference.resource === '') continue
      const targets = exported.filter((e) => e.data?.package === data.package && e.data?.resource === ref.fk.reference.resource)
      const sets = targets.map((t) => t.data!.keys.find((k) => joined(k.fields) === joined(ref.fk.reference.fields))?.set)
      // The referenced file was not read, or lacks those columns: nothing to check against (other rules say why).
      if (targets.length === 0 || sets.some((s) => s === undefined)) continue
      const {pending} = ref
      for (let i = 0; i < pending.length; i++) {
        const h = pending.hi[i]
        const l = pending.lo[i]
        if (sets.some((s) => has(s!, h, l))) continue
        report({resource: table.resource, ...finding(ref.fk, pending.columns[i], pending.rows[i], pending.lines[i], ref.values, h, l)})
      }
    }
  }
}

export const foreignKey = defineCheck<Record<string, never>, State>({
  name: 'foreign-key',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'Row {{rowNumber}}: "{{cells}}" in {{fields}} is not a value of {{referenceFields}} in the resource {{referenceResource}}',
    self: 'Row {{rowNumber}}: "{{cells}}" in {{fields}} is not a value of {{referenceFields}} in this table',
  },
  create: () => {
    let plan: Plan = {refs: [], keys: []}
    return {
      appliesTo(head) {
        const {refs, keys} = planFor(head)
        return refs.length > 0 || keys.length > 0
      },
      init(head, rows) {
        plan = planFor(head)
        return {refs: plan.refs.map(() => ({pending: newKeyList(), values: new Map()})), keys: plan.keys.map(() => newKeyTable(rows))}
      },
      row(state, row) {
        for (let k = 0; k < plan.refs.length; k++) {
          const {keyer: key, def, columns} = plan.refs[k]
          if (key(row) !== HAS_KEY) continue
          const s = state.refs[k]
          push(s.pending, row.rowNumber, def.column, KEY_HASH[0], KEY_HASH[1], row.line)
          if (s.values.size < SHOWN_VALUES) {
            const id = valueKey(KEY_HASH[0], KEY_HASH[1])
            if (!s.values.has(id)) s.values.set(id, shownCell(columns.map((c) => row.cells[c]).join(', ')))
          }
        }
        for (let k = 0; k < plan.keys.length; k++) {
          const key = plan.keys[k].keyer
          if (key && key(row) === HAS_KEY) insert(state.keys[k], KEY_HASH[0], KEY_HASH[1], 0)
        }
      },
      merge(left, right) {
        left.refs.forEach((l, k) => {
          append(l.pending, right.refs[k].pending)
          for (const [id, value] of right.refs[k].values) {
            if (l.values.size >= SHOWN_VALUES) break
            if (!l.values.has(id)) l.values.set(id, value)
          }
        })
        left.keys.forEach((l, k) => insertAll(l, right.keys[k]))
        return left
      },
      end(state, head, stats, report) {
        if (!state) return
        const p = planFor(head)
        const referenced = new Set((head.packageResource?.referencedKeys ?? []).map(joined))
        const out: Exported = {package: head.packageResource?.package, resource: head.packageResource?.name, refs: [], keys: p.keys.flatMap((k, i) => (referenced.has(joined(k.fields)) ? [{fields: k.fields, set: state.keys[i]}] : []))}
        p.refs.forEach(({fk}, k) => {
          const {pending, values} = state.refs[k]
          if (fk.reference.resource !== '') {
            out.refs.push({fk, pending, values})
            return
          }
          const keyIndex = p.keys.findIndex((key) => joined(key.fields) === joined(fk.reference.fields))
          const set = state.keys[keyIndex]
          if (!p.keys[keyIndex]?.keyer) return
          for (let i = 0; i < pending.length; i++) {
            if (!has(set, pending.hi[i], pending.lo[i])) report(finding(fk, pending.columns[i], pending.rows[i], pending.lines[i], values, pending.hi[i], pending.lo[i]))
          }
        })
        if (out.package && (out.refs.length > 0 || out.keys.length > 0)) stats.forDataset = {...stats.forDataset, 'foreign-key': out}
      },
      dataset: checkAcross,
    }
  },
})
