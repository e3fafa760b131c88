/** Dialect descriptions (tabular-metadata 5.9): how to parse the CSV, each invalid property replaced by its default with a warning. */
import iconv from 'iconv-lite'
import type {CsvwDialect, TrimMode} from '../types.js'
import {at, checkDescription, ignored, isObject, readContext, type Ctx, type Json} from './context.js'

export function defaultDialect(): CsvwDialect {
  return {
    encoding: 'utf-8',
    encodingGiven: false,
    lineTerminators: ['\r\n', '\n'],
    quoteChar: '"',
    doubleQuote: true,
    skipRows: 0,
    commentPrefix: '#',
    header: true,
    headerRowCount: 1,
    delimiter: ',',
    skipColumns: 0,
    skipBlankRows: false,
    skipInitialSpace: false,
    trim: 'true',
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

export function readDialect(object: Json, pointer: string, ctx: Ctx, contextAllowed = false): CsvwDialect {
  checkDescription(object, 'Dialect', pointer, ctx, contextAllowed)
  const dialect = defaultDialect()
  const has = (key: string) => key in object
  const value = (key: string) => object[key]
  const warn = (key: string, expected: string) => ignored(ctx, at(pointer, key), key, value(key), expected)
  for (const key of ['commentPrefix', 'delimiter'] as const) {
    if (!has(key)) continue
    if (typeof value(key) === 'string' && value(key) !== '') dialect[key] = value(key) as string
    else warn(key, 'a non-empty string')
  }
  if (has('quoteChar')) {
    if ((typeof value('quoteChar') === 'string' && value('quoteChar') !== '') || value('quoteChar') === null) dialect.quoteChar = value('quoteChar') as string | null
    else warn('quoteChar', 'a character or null')
  }
  for (const key of ['doubleQuote', 'header', 'skipBlankRows', 'skipInitialSpace'] as const) {
    if (!has(key)) continue
    if (typeof value(key) === 'boolean') dialect[key] = value(key) as boolean
    else warn(key, 'true or false')
  }
  for (const key of ['skipRows', 'skipColumns'] as const) {
    if (!has(key)) continue
    if (isCount(value(key))) dialect[key] = value(key) as number
    else warn(key, 'a non-negative integer')
  }
  dialect.headerRowCount = dialect.header ? 1 : 0
  if (has('headerRowCount')) {
    if (isCount(value('headerRowCount'))) dialect.headerRowCount = value('headerRowCount') as number
    else warn('headerRowCount', 'a non-negative integer')
  }
  if (has('encoding')) {
    const encoding = value('encoding')
    if (typeof encoding === 'string' && iconv.encodingExists(encoding)) {
      dialect.encoding = encoding.toLowerCase()
      dialect.encodingGiven = true
    } else warn('encoding', 'the name of a character encoding such as "utf-8" or "windows-1252"')
  }
  if (has('lineTerminators')) {
    const terminators = value('lineTerminators')
    const list = typeof terminators === 'string' ? [terminators] : Array.isArray(terminators) && terminators.every((t) => typeof t === 'string') ? (terminators as string[]) : undefined
    if (list) dialect.lineTerminators = list
    else warn('lineTerminators', 'a string or an array of strings')
  }
  if (dialect.skipInitialSpace) dialect.trim = 'start'
  if (has('trim')) {
    const trim = value('trim')
    if (typeof trim === 'boolean' || ['true', 'false', 'start', 'end'].includes(trim as string)) dialect.trim = String(trim) as TrimMode
    else warn('trim', 'true, false, "start" or "end"')
  }
  return dialect
}

/** A `dialect` value: an object, or the URL of a JSON document holding one. */
export async function dialectFrom(value: unknown, pointer: string, ctx: Ctx): Promise<CsvwDialect | undefined> {
  if (isObject(value)) return readDialect(value, pointer, ctx)
  if (typeof value === 'string') {
    const linked = await ctx.readLinked(new URL(value, ctx.base).href)
    if (!isObject(linked.value) || !linked.doc) {
      ctx.problems.error('linked-document', `The dialect at ${value} cannot be read: ${linked.error ?? 'it is not a JSON object'}.`, ctx.doc, pointer)
      return undefined
    }
    const {base} = readContext(linked.value, linked.doc, ctx.problems, false)
    return readDialect(linked.value, '', {...ctx, doc: linked.doc, base}, true)
  }
  ignored(ctx, pointer, 'dialect', value, 'a dialect description or the URL of one')
  return undefined
}
