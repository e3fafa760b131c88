/** Schemas and column descriptions (tabular-metadata 5.5, 5.6), read once even when several tables share them. */
import {isLanguageTag} from '../language.js'
import {show, type DocumentRef} from '../problems.js'
import {at, checkDescription, ignored, isObject, readContext, type Ctx, type Json} from './context.js'
import {readInherited, type Inherited} from './inherited.js'

export interface ColumnDescription {
  pointer: string
  doc: DocumentRef
  /** A valid `name`, when one is written. */
  name?: string
  titles: Record<string, string[]>
  virtual: boolean
  suppressOutput: boolean
  inherited: Inherited
}

export interface RawForeignKey {
  columns: string[]
  resource?: string
  schemaReference?: string
  referenceColumns: string[]
  pointer: string
}

export interface SchemaDescription {
  id?: string
  doc: DocumentRef
  base: string
  pointer: string
  columns: ColumnDescription[]
  primaryKey: string[]
  rowTitles: string[]
  foreignKeys: RawForeignKey[]
  inherited: Inherited
}

/** Column names: letters, digits, `.`, `_` and %-escapes, not starting with `_` (tabular-metadata 5.6). */
const NAME = /^(?:[A-Za-z0-9]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9._]|%[0-9A-Fa-f]{2})*$/

/** A natural language property (`titles`): a string, strings, or a map from language to strings. */
export function readTitles(value: unknown, pointer: string, ctx: Ctx): Record<string, string[]> {
  const language = ctx.language ?? 'und'
  if (typeof value === 'string') return {[language]: [value]}
  if (Array.isArray(value)) {
    const strings = value.filter((v): v is string => typeof v === 'string')
    if (strings.length < value.length) ctx.problems.warning('property-value', `"titles" should hold strings only: odcheck ignores ${show(value.filter((v) => typeof v !== 'string'))}.`, ctx.doc, pointer)
    return strings.length ? {[language]: strings} : {}
  }
  if (isObject(value)) {
    const titles: Record<string, string[]> = {}
    for (const [lang, texts] of Object.entries(value)) {
      if (!isLanguageTag(lang)) {
        ctx.problems.warning('property-value', `"titles" uses ${show(lang)}, which is not a BCP 47 language tag: odcheck ignores those titles.`, ctx.doc, at(pointer, lang))
        continue
      }
      const list = Array.isArray(texts) ? texts : [texts]
      const strings = list.filter((v): v is string => typeof v === 'string')
      if (strings.length < list.length) ctx.problems.warning('property-value', `"titles" in ${lang} should be strings: odcheck ignores ${show(list.filter((v) => typeof v !== 'string'))}.`, ctx.doc, at(pointer, lang))
      if (strings.length) titles[lang] = strings
    }
    return titles
  }
  ignored(ctx, pointer, 'titles', value, 'a string, an array of strings or an object mapping languages to strings')
  return {}
}

function readColumn(object: Json, pointer: string, ctx: Ctx): ColumnDescription {
  checkDescription(object, 'Column', pointer, ctx)
  const column: ColumnDescription = {pointer, doc: ctx.doc, titles: {}, virtual: false, suppressOutput: false, inherited: readInherited(object, pointer, ctx)}
  if ('name' in object) {
    if (typeof object.name === 'string' && NAME.test(object.name)) column.name = object.name
    else ignored(ctx, at(pointer, 'name'), 'name', object.name, 'a name of letters, digits, "." and "_" (not starting with "_")')
  }
  if ('titles' in object) column.titles = readTitles(object.titles, at(pointer, 'titles'), ctx)
  for (const key of ['virtual', 'suppressOutput'] as const) {
    if (!(key in object)) continue
    if (typeof object[key] === 'boolean') column[key] = object[key] as boolean
    else ignored(ctx, at(pointer, key), key, object[key], 'true or false')
  }
  return column
}

/** A column reference: a name or array of names. Undefined when it is not one. */
function columnReference(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value as string[]
  return undefined
}

function readForeignKey(value: unknown, pointer: string, ctx: Ctx, names: Set<string>): RawForeignKey | undefined {
  const fail = (message: string, where = pointer) => {
    ctx.problems.error('foreign-key-definition', message, ctx.doc, where)
    return undefined
  }
  if (!isObject(value)) {
    ctx.problems.warning('property-value', `A foreign key must be an object with "columnReference" and "reference", not ${show(value)}: odcheck ignores it.`, ctx.doc, pointer)
    return undefined
  }
  const extra = Object.keys(value).filter((k) => k !== 'columnReference' && k !== 'reference')
  if (extra.length > 0) return fail(`A foreign key may only have "columnReference" and "reference", not ${extra.map((k) => `"${k}"`).join(', ')}.`)
  const columns = columnReference(value.columnReference)
  if (!columns) return fail(`The foreign key's "columnReference" must name one or more columns, not ${show(value.columnReference)}.`, at(pointer, 'columnReference'))
  const missing = columns.filter((c) => !names.has(c))
  if (missing.length) return fail(`The foreign key's "columnReference" names ${missing.map((c) => `"${c}"`).join(', ')}, which no column of this schema is named.`, at(pointer, 'columnReference'))
  const reference = value.reference
  const refAt = at(pointer, 'reference')
  if (!isObject(reference)) return fail(`The foreign key's "reference" must be an object with "resource" or "schemaReference" and "columnReference", not ${show(reference)}.`, refAt)
  const refExtra = Object.keys(reference).filter((k) => !['resource', 'schemaReference', 'columnReference'].includes(k))
  if (refExtra.length > 0) return fail(`A foreign key's "reference" may only have "resource", "schemaReference" and "columnReference", not ${refExtra.map((k) => `"${k}"`).join(', ')}.`, refAt)
  const hasResource = 'resource' in reference
  const hasSchema = 'schemaReference' in reference
  if (hasResource === hasSchema) return fail(`A foreign key's "reference" needs exactly one of "resource" and "schemaReference".`, refAt)
  const target = hasResource ? reference.resource : reference.schemaReference
  if (typeof target !== 'string') return fail(`"${hasResource ? 'resource' : 'schemaReference'}" must be a URL, not ${show(target)}.`, refAt)
  const referenceColumns = columnReference(reference.columnReference)
  if (!referenceColumns) return fail(`The reference's "columnReference" must name one or more columns, not ${show(reference.columnReference)}.`, at(refAt, 'columnReference'))
  if (referenceColumns.length !== columns.length) return fail(`The foreign key and its reference name different numbers of columns (${columns.length} and ${referenceColumns.length}).`, refAt)
  return {columns, referenceColumns, pointer, ...(hasResource ? {resource: target} : {schemaReference: target})}
}

export function readSchema(object: Json, pointer: string, ctx: Ctx, contextAllowed = false): SchemaDescription {
  checkDescription(object, 'Schema', pointer, ctx, contextAllowed)
  const schema: SchemaDescription = {doc: ctx.doc, base: ctx.base, pointer, columns: [], primaryKey: [], rowTitles: [], foreignKeys: [], inherited: readInherited(object, pointer, ctx)}
  if (typeof object['@id'] === 'string' && !object['@id'].startsWith('_:')) schema.id = new URL(object['@id'], ctx.base).href
  if ('columns' in object) {
    const columns = object.columns
    if (!Array.isArray(columns)) ignored(ctx, at(pointer, 'columns'), 'columns', columns, 'an array of column descriptions')
    else {
      columns.forEach((c, i) => {
        if (isObject(c)) schema.columns.push(readColumn(c, at(at(pointer, 'columns'), i), ctx))
        else ctx.problems.warning('property-value', `Column ${i + 1} should be a column description object, not ${show(c)}: odcheck ignores it.`, ctx.doc, at(at(pointer, 'columns'), i))
      })
    }
  }
  const names = new Set(schema.columns.map((c) => c.name).filter((n): n is string => n !== undefined))
  for (const key of ['primaryKey', 'rowTitles'] as const) {
    if (!(key in object)) continue
    const refs = columnReference(object[key])
    if (!refs) ignored(ctx, at(pointer, key), key, object[key], 'a column name or an array of column names')
    else if (refs.some((r) => !names.has(r))) {
      const missing = refs.filter((r) => !names.has(r))
      ctx.problems.warning('column-reference', `"${key}" names ${missing.map((r) => `"${r}"`).join(', ')}, which no column of this schema is named: odcheck ignores it.`, ctx.doc, at(pointer, key))
    } else schema[key] = refs
  }
  if ('foreignKeys' in object) {
    const keys = object.foreignKeys
    if (!Array.isArray(keys)) ignored(ctx, at(pointer, 'foreignKeys'), 'foreignKeys', keys, 'an array of foreign key definitions')
    else {
      keys.forEach((k, i) => {
        const fk = readForeignKey(k, at(at(pointer, 'foreignKeys'), i), ctx, names)
        if (fk) schema.foreignKeys.push(fk)
      })
    }
  }
  checkColumnOrder(schema, ctx)
  return schema
}

function checkColumnOrder(schema: SchemaDescription, ctx: Ctx): void {
  const seen = new Map<string, number>()
  schema.columns.forEach((c, i) => {
    if (c.name === undefined) return
    if (seen.has(c.name)) ctx.problems.error('duplicate-name', `Columns ${seen.get(c.name)! + 1} and ${i + 1} are both named "${c.name}": column names must be unique.`, c.doc, at(c.pointer, 'name'))
    else seen.set(c.name, i)
  })
  const firstVirtual = schema.columns.findIndex((c) => c.virtual)
  if (firstVirtual >= 0 && schema.columns.slice(firstVirtual).some((c) => !c.virtual)) {
    ctx.problems.error('virtual-column', `Column ${firstVirtual + 1} is virtual but columns after it are not: virtual columns must come after all the others.`, ctx.doc, schema.columns[firstVirtual].pointer)
  }
}

/** A `tableSchema` value: an object, or the URL of a JSON document holding one. */
export async function schemaFrom(value: unknown, pointer: string, ctx: Ctx): Promise<SchemaDescription> {
  if (isObject(value)) return readSchema(value, pointer, ctx)
  if (typeof value === 'string') {
    const url = new URL(value, ctx.base).href
    const linked = await ctx.readLinked(url)
    if (!isObject(linked.value) || !linked.doc) {
      ctx.problems.error('linked-document', `The schema at ${value} cannot be read: ${linked.error ?? 'it is not a JSON object'}.`, ctx.doc, pointer)
      return readSchema({}, pointer, ctx)
    }
    const {base, language} = readContext(linked.value, linked.doc, ctx.problems, false)
    const schema = readSchema(linked.value, '', {...ctx, doc: linked.doc, base, language: language ?? ctx.language}, true)
    schema.id ??= url
    return schema
  }
  ignored(ctx, pointer, 'tableSchema', value, 'a schema description or the URL of one')
  return readSchema({}, pointer, ctx)
}
