/**
 * What a data package resource's dialect (CSV Dialect v1.2, Table Dialect v2) tells odcheck about
 * reading its table, and which of its properties odcheck does not apply. The spec asks a tool to
 * say when it does not support a property, so each of those is a dialect-not-applied problem,
 * never dropped in silence (a commentChar that is ignored turns comment lines into bad rows).
 */
import type {ResourceDialect} from './types.js'

type Json = Record<string, unknown>

/** A property of the dialect that odcheck reads the table without. */
export interface DialectNotApplied {
  property: string
  /** `not-supported`: odcheck has no way to apply it; `one-escape`: it conflicts with escapeChar, which is applied. */
  reason: 'not-supported' | 'one-escape'
  note: string
}

/** The record separators odcheck's reader ends records at, whatever the dialect says. */
const LINE_TERMINATORS = new Set(['\r\n', '\n', '\r'])

const shown = (value: unknown) => JSON.stringify(value)

/** Quoting as the table reader takes it: the quote ('' for none) and the escape of a quote inside quotes. */
function quoting(value: Json, dialect: ResourceDialect, notApplied: DialectNotApplied[]): void {
  const declaredQuote = typeof value.quoteChar === 'string' && value.quoteChar.length <= 1 ? value.quoteChar : undefined
  const quote = declaredQuote ?? '"'
  const escape = typeof value.escapeChar === 'string' && value.escapeChar.length === 1 ? value.escapeChar : undefined
  if (declaredQuote !== undefined) dialect.quoteChar = declaredQuote
  if (escape === undefined || escape === quote) {
    // doubleQuote (default true) doubles the quote inside quotes. With doubleQuote false and no escapeChar a quote
    // cannot appear inside quotes at all, so reading doubled quotes changes nothing for data written that way.
    if (quote !== '' && quote !== '"') dialect.escapeChar = quote
    return
  }
  if (quote === '') {
    notApplied.push({
      property: 'escapeChar',
      reason: 'not-supported',
      note: `escapeChar ${shown(escape)} is not applied: with no quoteChar, odcheck reads every character as written, so an escaped delimiter or line break still splits the cell`,
    })
    return
  }
  // odcheck's reader knows one way of writing a quote inside quotes: the escapeChar the publisher named wins.
  dialect.escapeChar = escape
  if (value.doubleQuote === true) {
    notApplied.push({
      property: 'doubleQuote',
      reason: 'one-escape',
      note: `doubleQuote is not applied alongside escapeChar ${shown(escape)}: odcheck reads a quote inside quotes written as ${escape}${quote} only, so a doubled ${quote}${quote} is read as the end of the quoted cell`,
    })
  }
}

/** The dialect's properties odcheck cannot apply to a table it reads. */
function unsupported(value: Json, notApplied: DialectNotApplied[]): void {
  const add = (property: string, note: string) => notApplied.push({property, reason: 'not-supported', note})
  if (typeof value.delimiter === 'string' && value.delimiter.length > 1) add('delimiter', `the delimiter ${shown(value.delimiter)} is not applied: odcheck reads one-character delimiters only, so it guesses the delimiter`)
  if (typeof value.lineTerminator === 'string' && !LINE_TERMINATORS.has(value.lineTerminator)) {
    add('lineTerminator', `lineTerminator ${shown(value.lineTerminator)} is not applied: odcheck ends rows at line breaks (CRLF, LF or CR) only`)
  }
  if (typeof value.commentChar === 'string' && value.commentChar !== '') {
    add('commentChar', `commentChar ${shown(value.commentChar)} is not applied: rows starting with it are read and checked as data`)
  }
  if (Array.isArray(value.commentRows) && value.commentRows.length > 0) add('commentRows', `commentRows ${shown(value.commentRows)} is not applied: those rows are read and checked as data`)
  if (value.skipInitialSpace === true) add('skipInitialSpace', 'skipInitialSpace is not applied: spaces after a delimiter are read as part of the value')
  const headerRows = value.headerRows
  if (Array.isArray(headerRows) && headerRows.length > 0 && !(headerRows.length === 1 && headerRows[0] === 1)) {
    add('headerRows', `headerRows ${shown(headerRows)} is not applied: odcheck reads one header row, the first row that is not a title or note above the table`)
  }
}

export function readDialect(value: Json): {dialect: ResourceDialect; notApplied: DialectNotApplied[]} {
  const dialect: ResourceDialect = {}
  const notApplied: DialectNotApplied[] = []
  if (typeof value.delimiter === 'string' && value.delimiter.length === 1) dialect.delimiter = value.delimiter
  if (typeof value.header === 'boolean') dialect.header = value.header
  if (Array.isArray(value.headerRows) && value.headerRows.length === 0) dialect.header = false
  const caseSensitive = typeof value.headerCase === 'boolean' ? value.headerCase : value.caseSensitiveHeader
  if (typeof caseSensitive === 'boolean') dialect.caseSensitiveHeader = caseSensitive
  const sheet = [value.sheetName, value.sheetNumber, value.sheet].find((v) => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isInteger(v) && v >= 1))
  if (sheet !== undefined) dialect.sheet = sheet as string | number
  if (typeof value.nullSequence === 'string') dialect.nullSequence = value.nullSequence
  quoting(value, dialect, notApplied)
  unsupported(value, notApplied)
  return {dialect, notApplied}
}
