/**
 * Dates and times as Table Schema reads them. Values become numbers so they compare and hash
 * cheaply: a date is days since 1970-01-01, a datetime milliseconds since 1970-01-01T00:00Z
 * (a value without an offset is taken as UTC), a time milliseconds since midnight, a yearmonth
 * months since year 0. Formats: `default` (ISO 8601), `any` (the common ways of writing one,
 * day before month as in the UK), or a strftime pattern such as `%d/%m/%Y`.
 */
import {compileStrptime, daysFromCivil, daysInMonth, type Parts, type Strptime} from './strptime.js'
import {INVALID, type Caster} from './types.js'

const DAY_MS = 86_400_000

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i

function offsetMinutes(z: string | undefined): number {
  if (!z || z.toUpperCase() === 'Z') return 0
  const digits = z.replace(':', '')
  return (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0))
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

function validTime(h: number, mi: number, s: number): boolean {
  return h <= 23 && mi <= 59 && s <= 59
}

const fraction = (f: string | undefined) => (f ? Number(`0.${f}`) * 1000 : 0)

function isoDate(cell: string): number | typeof INVALID {
  const m = ISO_DATE.exec(cell)
  if (!m) return INVALID
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return validDate(y, mo, d) ? daysFromCivil(y, mo, d) : INVALID
}

function isoTime(cell: string): number | typeof INVALID {
  const m = ISO_TIME.exec(cell)
  if (!m) return INVALID
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (!validTime(h, mi, s)) return INVALID
  return ((h * 60 + mi - offsetMinutes(m[5])) * 60 + s) * 1000 + fraction(m[4])
}

function isoDatetime(cell: string): number | typeof INVALID {
  const m = ISO_DATETIME.exec(cell)
  if (!m) return INVALID
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0))
  if (!validDate(y, mo, d) || !validTime(h, mi, s)) return INVALID
  return daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi - offsetMinutes(m[8])) * 60 + s) * 1000 + fraction(m[7])
}

const asDate = (p: Parts) => daysFromCivil(p.year, p.month, p.day)
const asTime = (p: Parts) => ((p.hour * 60 + p.minute - (p.offset ?? 0)) * 60 + p.second) * 1000 + p.millis
const asDatetime = (p: Parts) => asDate(p) * DAY_MS + asTime(p)

/** Patterns `any` tries, day-first as UK publishers write dates. */
const ANY_DATE_PATTERNS = ['%Y-%m-%d', '%Y/%m/%d', '%d/%m/%Y', '%d-%m-%Y', '%d.%m.%Y', '%d/%m/%y', '%d-%m-%y', '%d %B %Y', '%d %b %Y', '%d-%b-%Y', '%d-%b-%y', '%B %d %Y', '%b %d %Y', '%B %d, %Y', '%b %d, %Y', '%Y%m%d', '%a %d %B %Y', '%A %d %B %Y', '%A, %d %B %Y']
const ANY_TIME_PATTERNS = ['%H:%M:%S', '%H:%M', '%H:%M:%S.%f', '%I:%M %p', '%I:%M:%S %p', '%I%p', '%I %p', '%H%M%S', '%H.%M']
let anyDates: Strptime[] | undefined
let anyTimes: Strptime[] | undefined

function tryAll(patterns: Strptime[], cell: string): Parts | undefined {
  for (const p of patterns) {
    const parts = p.parse(cell)
    if (parts) return parts
  }
  return undefined
}

function anyDateParts(cell: string): Parts | undefined {
  anyDates ??= ANY_DATE_PATTERNS.map(compileStrptime)
  return tryAll(anyDates, cell.trim())
}

function anyTimeParts(cell: string): Parts | undefined {
  anyTimes ??= ANY_TIME_PATTERNS.map(compileStrptime)
  return tryAll(anyTimes, cell.trim())
}

function anyDatetime(cell: string): number | typeof INVALID {
  const trimmed = cell.trim()
  const iso = isoDatetime(trimmed)
  if (iso !== INVALID) return iso
  // A date, then a time after a space, "T" or ", ".
  const split = /^(.*?\d)(?:,?\s+|T)(\d{1,2}(?:[:.]\d{2}){0,2}(?:\.\d+)?\s*(?:[ap]m)?)$/i.exec(trimmed)
  if (split) {
    const date = anyDateParts(split[1])
    const time = anyTimeParts(split[2])
    if (date && time) return asDate(date) * DAY_MS + asTime(time)
  }
  const date = anyDateParts(trimmed)
  return date ? asDate(date) * DAY_MS : INVALID
}

export type TemporalType = 'date' | 'time' | 'datetime'

/** Distinct values remembered per field: a year of daily payments is a few hundred dates, read a million times. */
const MEMO_SIZE = 4096

/** Remembers what a caster gave for each distinct cell, until MEMO_SIZE cells; then stops remembering. */
function memoised(cast: Caster): Caster {
  let memo: Map<string, unknown> | undefined = new Map()
  return (cell) => {
    if (memo === undefined) return cast(cell)
    const known = memo.get(cell)
    if (known !== undefined) return known
    const value = cast(cell)
    if (memo.size < MEMO_SIZE) memo.set(cell, value)
    else memo = undefined
    return value
  }
}

/** A caster for a date, time or datetime format; undefined when the format cannot be read. */
export function temporalCaster(type: TemporalType, format: string): Caster | undefined {
  const cast = plainTemporalCaster(type, format)
  return cast && memoised(cast)
}

function plainTemporalCaster(type: TemporalType, format: string): Caster | undefined {
  if (format === 'default') return type === 'date' ? isoDate : type === 'time' ? isoTime : isoDatetime
  if (format === 'any') {
    if (type === 'date') return (cell) => {
      const iso = isoDate(cell)
      if (iso !== INVALID) return iso
      const parts = anyDateParts(cell)
      return parts ? asDate(parts) : INVALID
    }
    if (type === 'time') return (cell) => {
      const iso = isoTime(cell)
      if (iso !== INVALID) return iso
      const parts = anyTimeParts(cell)
      return parts ? asTime(parts) : INVALID
    }
    return anyDatetime
  }
  const pattern = temporalPattern(format)
  if (pattern === undefined) return undefined
  const compiled = compileStrptime(pattern)
  const convert = type === 'date' ? asDate : type === 'time' ? asTime : asDatetime
  return (cell) => {
    const parts = compiled.parse(cell)
    return parts ? convert(parts) : INVALID
  }
}

/** The strftime pattern of a format, accepting the deprecated `fmt:` prefix; undefined for a format with no directive. */
export function temporalPattern(format: string): string | undefined {
  const pattern = format.startsWith('fmt:') ? format.slice(4) : format
  return pattern.includes('%') ? pattern : undefined
}

export function castYear(cell: string): number | typeof INVALID {
  return /^\d{4}$/.test(cell) ? Number(cell) : INVALID
}

export function castYearmonth(cell: string): number | typeof INVALID {
  const m = /^(\d{4})-(\d{2})$/.exec(cell)
  if (!m) return INVALID
  const month = Number(m[2])
  return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : INVALID
}

const DURATION = /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/

/** An ISO 8601 duration as `{months, seconds}`: months and days do not convert into each other. */
export function castDuration(cell: string): {months: number; seconds: number} | typeof INVALID {
  const m = DURATION.exec(cell)
  if (!m) return INVALID
  const n = (i: number) => (m[i] ? Number(m[i].replace(',', '.')) : 0)
  return {months: n(1) * 12 + n(2), seconds: ((n(3) * 7 + n(4)) * 24 + n(5)) * 3600 + n(6) * 60 + n(7)}
}
