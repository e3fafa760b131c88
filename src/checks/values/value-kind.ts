/**
 * What kind of value a cell holds, judged from its text alone: enough to tell a column of
 * amounts with a stray word in it from a column of free text. Values are trimmed first.
 */
import {EXACT_DIGITS, scaledDecimal} from '../../metadata/table-schema/cast/numbers.js'

export const VALUE_KINDS = ['integer', 'decimal', 'digits', 'date', 'datetime', 'time', 'boolean', 'text'] as const
export type ValueKind = (typeof VALUE_KINDS)[number]

/** Kinds that together count as one when judging a column (amounts with and without pence are one kind). */
export const KIND_GROUPS: Record<string, ValueKind[]> = {
  number: ['integer', 'decimal'],
  // Phone numbers and references written with and without spaces: 01619806090, 0161 980 6090.
  code: ['integer', 'digits'],
  date: ['date', 'datetime'],
}

// Sign, currency, thousands separators, brackets or a trailing minus for negatives, percent.
const NUMBER = /^(?:[-+]?\(?[-+]?[£$€]?\s?[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\)?-?%?|[-+]?\d+(?:\.\d+)?[eE][-+]?\d+)$/
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*'
const MONTH_START = new RegExp(`^${MONTH}`, 'i')
/** First letters (lower case) of the month names: other words are text without trying the pattern. */
const MONTH_INITIAL = new Uint8Array(128)
for (const c of 'jfmasond') MONTH_INITIAL[c.charCodeAt(0)] = 1
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s?[ap]\\.?m\\.?)?'
const DATE_PARTS = [
  '\\d{4}-\\d{1,2}-\\d{1,2}',
  '\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})',
  '\\d{4}[/.]\\d{1,2}[/.]\\d{1,2}',
  `\\d{1,2}(?:st|nd|rd|th)?[-\\s]${MONTH}[-\\s,]+(?:\\d{4}|\\d{2})`,
  `${MONTH}\\s\\d{1,2},?\\s\\d{4}`,
  `${MONTH}[-\\s](?:\\d{4}|\\d{2})`,
]
const DATE = new RegExp(`^(?:${DATE_PARTS.join('|')})$`, 'i')
/** The date at the start of a `date` or `datetime` value: "01/04/2024" in "01/04/2024 09:30". */
export const DATE_PREFIX = new RegExp(`^(?:${DATE_PARTS.join('|')})`, 'i')
const DATETIME = new RegExp(`^(?:${DATE_PARTS.join('|')})(?:[T\\s]${TIME}(?:Z|[+-]\\d{2}:?\\d{2})?)$`, 'i')
const TIME_ONLY = new RegExp(`^${TIME}$`, 'i')
const BOOLEAN = /^(?:true|false|yes|no|y|n|t|f)$/i
/** Digits in groups, as phone numbers and references are written: "0161 980 6090", "+44 (0)161-980". */
const DIGITS = /^\+?[\d\s()-]*\d[\d\s()-]*$/

function hasDigit(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 48 && c <= 57) return true
  }
  return false
}

/** Plain numbers (digits, an optional leading minus and one decimal point) without regular expressions: most cells in most tables. */
function plainNumber(value: string): ValueKind | undefined {
  let i = value.charCodeAt(0) === 45 ? 1 : 0
  let digits = 0
  let point = false
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 48 && c <= 57) digits++
    else if (c === 46 && !point) point = true
    else return undefined
  }
  if (digits === 0 || value.charCodeAt(value.length - 1) === 46) return undefined
  return point ? 'decimal' : 'integer'
}

/**
 * The value of a plain number (as plainNumber accepts it), without a second parse by Number()
 * when it has 15 digits or fewer: the mantissa over a power of ten is the same double.
 */
function plainNumberValue(value: string): number | undefined {
  const negative = value.charCodeAt(0) === 45
  let digits = 0
  let fraction = -1
  let mantissa = 0
  for (let i = negative ? 1 : 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      digits++
      mantissa = mantissa * 10 + c - 48
      if (fraction >= 0) fraction++
    } else if (c === 46 && fraction < 0) fraction = 0
    else return undefined
  }
  if (digits === 0 || fraction === 0) return undefined
  if (digits > EXACT_DIGITS) return Number(value)
  const n = scaledDecimal(mantissa, Math.max(fraction, 0))
  return negative ? -n : n
}

/** @param value a trimmed, non-empty cell value */
export function valueKind(value: string): ValueKind {
  const plain = plainNumber(value)
  if (plain) return plain
  if (!hasDigit(value)) return BOOLEAN.test(value) ? 'boolean' : 'text'
  // Starting with a letter, only a date that opens with a month name ("Sep-14") is not text.
  const first = value.charCodeAt(0) | 0x20
  if (first >= 97 && first <= 122 && (MONTH_INITIAL[first] === 0 || !MONTH_START.test(value))) return 'text'
  if (value.length <= 40 && NUMBER.test(value)) return NUMBER.exec(value)![1] !== undefined || value.endsWith('%') || /e/i.test(value) ? 'decimal' : 'integer'
  if (value.length > 40) return 'text'
  if (DATE.test(value)) return 'date'
  if (DATETIME.test(value)) return 'datetime'
  if (TIME_ONLY.test(value)) return 'time'
  if (DIGITS.test(value)) return 'digits'
  return 'text'
}

/** The number a cell holds (amounts with £, thousands separators, brackets for negatives), or undefined. */
export function parseNumber(value: string): number | undefined {
  const first = value.charCodeAt(0)
  // Cells that cannot start a number (letters, mostly) are rejected before any trimming or regex.
  if (!(first <= 32 || (first >= 48 && first <= 57) || first === 45 || first === 43 || first === 40 || first === 46 || first === 0xa3 || first === 36 || first === 0x20ac)) return undefined
  const plain = plainNumberValue(value)
  if (plain !== undefined) return plain
  const v = value.trim()
  if (v === '' || !hasDigit(v) || v.length > 40 || !NUMBER.test(v) || v.endsWith('%')) return undefined
  const negative = /^-|^\(|-\)?$|^[£$€]\s?-|^\(?-/.test(v) && !/^\+/.test(v)
  const digits = v.replace(/[^\d.eE+-]/g, '').replace(/^[-+]+|-+$/g, '')
  const n = Number(digits)
  if (!Number.isFinite(n)) return undefined
  return negative ? -Math.abs(n) : n
}
