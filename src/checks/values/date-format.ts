/**
 * The format a date is written in, as a pattern a user knows: "dd/mm/yyyy", "yyyy-mm-dd",
 * "d-mmm-yyyy". Zero padding is not a difference (1/4/2024 and 01/04/2024 are one format);
 * separators, the order of the parts, month names and two- or four-digit years are.
 */
import {DATE_PREFIX} from './value-kind.js'

const TOKENS = /\d+|[a-z]+|[^\da-z]+/gi
const ORDINAL = /^(?:st|nd|rd|th)$/i

/** Numbers only: year first (ISO and its relatives), else day, month, year as in the UK (mm/dd is not told apart). */
function numericFormat(tokens: string[]): string | undefined {
  const numbers = tokens.filter((t) => isDigits(t))
  if (numbers.length !== 3) return undefined
  const names = numbers[0].length === 4 ? ['yyyy', 'mm', 'dd'] : ['dd', 'mm', numbers[2].length === 4 ? 'yyyy' : 'yy']
  let n = 0
  return tokens.map((t) => (isDigits(t) ? names[n++] : t)).join('')
}

/** With a month name: the last number is the year, any other the day ("1st April 2024", "Apr 1, 2024", "Sep-14"). */
function namedMonthFormat(tokens: string[]): string {
  const last = tokens.findLastIndex((t) => isDigits(t))
  return tokens
    .map((t, i) => {
      if (isDigits(t)) return i === last ? (t.length === 4 ? 'yyyy' : 'yy') : 'd'
      if (ORDINAL.test(t) && i > 0 && isDigits(tokens[i - 1])) return 'th'
      if (/^[a-z]/i.test(t)) return 'mmm'
      return t.replace(/\s+/g, ' ')
    })
    .join('')
}

function isDigits(token: string): boolean {
  const c = token.charCodeAt(0)
  return c >= 48 && c <= 57
}

function digitsAt(value: string, positions: number[]): boolean {
  for (const i of positions) {
    const c = value.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9]
const UK_DIGITS = [0, 1, 3, 4, 6, 7, 8, 9]

/** 2024-04-01 and 01/04/2024, with or without a time: most dates, told without a regular expression (this runs on every distinct date). */
function commonFormat(value: string): string | undefined {
  if (value.length !== 10 && (value.length < 12 || (value[10] !== 'T' && value[10] !== ' '))) return undefined
  if (value[4] === '-' && value[7] === '-' && digitsAt(value, ISO_DIGITS)) return 'yyyy-mm-dd'
  if (value[2] === '/' && value[5] === '/' && digitsAt(value, UK_DIGITS)) return 'dd/mm/yyyy'
  return undefined
}

/** @param value a trimmed value whose kind is `date` or `datetime`; undefined for anything else. */
export function dateFormat(value: string): string | undefined {
  const common = commonFormat(value)
  if (common !== undefined) return common
  const date = DATE_PREFIX.exec(value)?.[0]
  if (date === undefined) return undefined
  const tokens = date.match(TOKENS) ?? []
  return tokens.some((t) => /^[a-z]/i.test(t) && !ORDINAL.test(t)) ? namedMonthFormat(tokens) : numericFormat(tokens)
}
