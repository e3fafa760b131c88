/**
 * Processes a whole CSVW metadata document into a table group: tables, their dialects and
 * schemas with inherited properties resolved, and foreign keys resolved across tables. Every
 * problem goes to `ctx.problems`; nothing throws for bad metadata.
 */
import {checkCommonValue} from '../common-properties.js'
import {show} from '../problems.js'
import type {CsvwColumn, CsvwDialect, CsvwForeignKey, CsvwTable} from '../types.js'
import {displayName, resolveUrl, sameUrl} from '../urls.js'
import {at, checkDescription, ignored, isObject, kindWords, readContext, type Ctx, type Json} from './context.js'
import {defaultDialect, dialectFrom} from './dialect.js'
import {inherit, readInherited, type Inherited} from './inherited.js'
import {readTitles, schemaFrom, type SchemaDescription} from './schema.js'

export interface ProcessedGroup {
  tables: CsvwTable[]
}

interface TableDraft {
  table: CsvwTable
  schema?: SchemaDescription
}

function readTransformation(value: unknown, pointer: string, ctx: Ctx): void {
  if (!isObject(value)) {
    ctx.problems.warning('property-value', `A transformation must be an object, not ${show(value)}: odcheck ignores it.`, ctx.doc, pointer)
    return
  }
  checkDescription(value, 'Template', pointer, ctx)
  for (const key of ['url', 'targetFormat', 'scriptFormat']) {
    if (!(key in value)) ctx.problems.error('required-property', `A transformation needs "${key}".`, ctx.doc, pointer)
    else if (typeof value[key] !== 'string') ignored(ctx, at(pointer, key), key, value[key], 'a URL')
  }
  if ('source' in value && !['json', 'rdf'].includes(value.source as string)) ignored(ctx, at(pointer, 'source'), 'source', value.source, '"json" or "rdf"')
  if ('titles' in value) readTitles(value.titles, at(pointer, 'titles'), ctx)
}

/** The properties a table group and a table share: notes, tableDirection, transformations. */
function readShared(object: Json, pointer: string, ctx: Ctx): void {
  if ('notes' in object) {
    if (Array.isArray(object.notes)) checkCommonValue(object.notes, at(pointer, 'notes'), ctx.doc, ctx.problems, 'notes')
    else ignored(ctx, at(pointer, 'notes'), 'notes', object.notes, 'an array')
  }
  if ('tableDirection' in object && !['rtl', 'ltr', 'auto'].includes(object.tableDirection as string)) {
    ignored(ctx, at(pointer, 'tableDirection'), 'tableDirection', object.tableDirection, '"rtl", "ltr" or "auto"')
  }
  if ('transformations' in object) {
    const list = object.transformations
    if (!Array.isArray(list)) ignored(ctx, at(pointer, 'transformations'), 'transformations', list, 'an array of transformation definitions')
    else list.forEach((t, i) => readTransformation(t, at(at(pointer, 'transformations'), i), ctx))
  }
}

function percentEncodeName(title: string): string {
  return [...title].map((ch, i) => (/[A-Za-z0-9]/.test(ch) || (i > 0 && /[._]/.test(ch)) ? ch : encodeURIComponent(ch).replace(/[!'()*._~-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))).join('')
}

function buildColumns(schema: SchemaDescription, layers: Inherited[], language: string | undefined): CsvwColumn[] {
  return schema.columns.map((c, i) => {
    const props = inherit(...layers, schema.inherited, c.inherited)
    const lang = props.lang ?? 'und'
    const title = c.titles[language ?? 'und']?.[0] ?? c.titles[lang]?.[0]
    const column: CsvwColumn = {
      number: i + 1,
      name: c.name ?? (title !== undefined ? percentEncodeName(title) : `_col.${i + 1}`),
      nameGiven: c.name !== undefined,
      titles: c.titles,
      virtual: c.virtual,
      suppressOutput: c.suppressOutput,
      required: props.required ?? false,
      null: props.null ?? [''],
      default: props.default ?? '',
      separator: props.separator ?? null,
      ordered: props.ordered ?? false,
      lang,
      textDirection: props.textDirection ?? 'inherit',
      datatype: props.datatype ?? {base: 'string'},
      pointer: c.pointer,
      file: c.doc.name,
    }
    for (const key of ['aboutUrl', 'propertyUrl', 'valueUrl'] as const) if (props[key] !== undefined) column[key] = props[key]
    return column
  })
}

async function readTable(object: Json, pointer: string, ctx: Ctx, group: {inherited: Inherited; dialect?: CsvwDialect; schema?: SchemaDescription}, cwd: string): Promise<TableDraft | undefined> {
  checkDescription(object, 'Table', pointer, ctx, pointer === '')
  let url: string | undefined
  if (!('url' in object)) ctx.problems.error('required-property', 'A table needs a "url" naming its CSV file.', ctx.doc, pointer)
  else if (typeof object.url !== 'string') {
    ignored(ctx, at(pointer, 'url'), 'url', object.url, 'the URL of the CSV file')
    ctx.problems.error('required-property', 'The table has no usable "url", so odcheck cannot tell which CSV file it describes.', ctx.doc, at(pointer, 'url'))
  } else {
    url = resolveUrl(object.url, ctx.base)
    if (!url) ctx.problems.error('required-property', `"url" ${show(object.url)} is not a URL.`, ctx.doc, at(pointer, 'url'))
  }
  readShared(object, pointer, ctx)
  const inherited = readInherited(object, pointer, ctx)
  const dialect = 'dialect' in object ? await dialectFrom(object.dialect, at(pointer, 'dialect'), ctx) : undefined
  const schema = 'tableSchema' in object ? await schemaFrom(object.tableSchema, at(pointer, 'tableSchema'), ctx) : group.schema
  if ('suppressOutput' in object && typeof object.suppressOutput !== 'boolean') ignored(ctx, at(pointer, 'suppressOutput'), 'suppressOutput', object.suppressOutput, 'true or false')
  if (!url) return undefined
  const props = inherit(group.inherited, inherited)
  const table: CsvwTable = {
    url,
    name: displayName(url, cwd),
    suppressOutput: object.suppressOutput === true,
    dialect: dialect ?? group.dialect ?? defaultDialect(),
    lang: props.lang ?? 'und',
    referencedBy: [],
    metadata: ctx.doc.name,
    pointer,
  }
  if (typeof object['@id'] === 'string' && !object['@id'].startsWith('_:')) table.id = resolveUrl(object['@id'], ctx.base)
  const position = ctx.doc.positions?.get(at(pointer, 'url')) ?? ctx.doc.positions?.get(pointer)
  if (position) table.line = position.line
  if (schema) {
    table.schema = {columns: buildColumns(schema, [group.inherited, inherited], ctx.language), primaryKey: schema.primaryKey, rowTitles: schema.rowTitles, foreignKeys: []}
    if (schema.id) table.schema.id = schema.id
  }
  return {table, schema}
}

function resolveForeignKeys(drafts: TableDraft[], ctx: Ctx): void {
  for (const {table, schema} of drafts) {
    if (!schema || !table.schema) continue
    schema.foreignKeys.forEach((fk, i) => {
      const doc = schema.doc
      const target = fk.resource !== undefined ? resolveUrl(fk.resource, schema.base) : resolveUrl(fk.schemaReference!, schema.base)
      const matches = drafts.filter((d) => target !== undefined && (fk.resource !== undefined ? sameUrl(d.table.url, target) : d.table.schema?.id !== undefined && sameUrl(d.table.schema.id, target)))
      const what = fk.resource !== undefined ? `table ${fk.resource}` : `schema ${fk.schemaReference}`
      if (matches.length === 0) {
        ctx.problems.error('foreign-key-definition', `The foreign key refers to the ${what}, which this metadata does not describe.`, doc, `${fk.pointer}/reference`, {table: table.name})
        return
      }
      if (matches.length > 1) {
        ctx.problems.error('foreign-key-definition', `The foreign key refers to the ${what}, which ${matches.length} tables use: it must identify one table.`, doc, `${fk.pointer}/reference`, {table: table.name})
        return
      }
      const referenced = matches[0].table
      const names = new Set((referenced.schema?.columns ?? []).filter((c) => c.nameGiven).map((c) => c.name))
      const missing = fk.referenceColumns.filter((c) => !names.has(c))
      if (missing.length > 0) {
        ctx.problems.error('foreign-key-definition', `The foreign key refers to ${missing.map((c) => `"${c}"`).join(', ')} in ${referenced.name}, which has no column of that name.`, doc, `${fk.pointer}/reference/columnReference`, {table: table.name})
        return
      }
      const key: CsvwForeignKey = {id: `${table.url} #${i + 1}`, columns: fk.columns, reference: {table: referenced.url, columns: fk.referenceColumns}, pointer: fk.pointer, file: doc.name}
      table.schema!.foreignKeys.push(key)
      referenced.referencedBy.push({id: key.id, columns: fk.referenceColumns})
    })
  }
}

/** Processes a parsed metadata document; `ctx.base` is the document's URL. */
export async function processMetadata(value: unknown, ctx: Ctx, cwd: string): Promise<ProcessedGroup> {
  if (!isObject(value)) {
    ctx.problems.error('not-object', `CSVW metadata must be a JSON object, not ${Array.isArray(value) ? 'an array' : show(value)}.`, ctx.doc, '')
    return {tables: []}
  }
  const context = readContext(value, ctx.doc, ctx.problems, true)
  const top: Ctx = {...ctx, base: context.base, language: context.language}
  const type = value['@type']
  const isGroup = type === 'TableGroup' || (type !== 'Table' && ('tables' in value || !('url' in value)))
  if (!isGroup) {
    const draft = await readTable(value, '', top, {inherited: {}}, cwd)
    if (draft) resolveForeignKeys([draft], top)
    return {tables: draft ? [draft.table] : []}
  }
  checkDescription(value, 'TableGroup', '', top, true)
  readShared(value, '', top)
  const inherited = readInherited(value, '', top)
  const dialect = 'dialect' in value ? await dialectFrom(value.dialect, '/dialect', top) : undefined
  const schema = 'tableSchema' in value ? await schemaFrom(value.tableSchema, '/tableSchema', top) : undefined
  const drafts: TableDraft[] = []
  if (!('tables' in value)) top.problems.error('required-property', `A ${kindWords('TableGroup')} needs "tables", the list of the tables it describes.`, top.doc, '')
  else if (!Array.isArray(value.tables)) {
    ignored(top, '/tables', 'tables', value.tables, 'an array of table descriptions')
    top.problems.error('required-property', 'The table group lists no tables.', top.doc, '/tables')
  } else {
    for (const [i, t] of value.tables.entries()) {
      if (!isObject(t)) {
        top.problems.warning('property-value', `Table ${i + 1} should be a table description object, not ${show(t)}: odcheck ignores it.`, top.doc, `/tables/${i}`)
        continue
      }
      const draft = await readTable(t, `/tables/${i}`, top, {inherited, dialect, schema}, cwd)
      if (draft) drafts.push(draft)
    }
    if (value.tables.filter(isObject).length === 0) top.problems.error('required-property', 'The table group lists no tables: "tables" must hold at least one table description.', top.doc, '/tables')
  }
  resolveForeignKeys(drafts, top)
  return {tables: drafts.map((d) => d.table)}
}
