/**
 * Dates in a cell as a day number (days since 1970-01-01), for a column's range and histogram.
 * Reads the forms UK publishers write: ISO 8601 (2025-09-29, with or without a time), day first
 * with slashes, dots or dashes (29/09/2025, 29-09-25), and day and month name (29 Sep 2025,
 * 29-Sep-2025, September 2025). Anything else, or an impossible date, is undefined.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:\s.*)?$/
const NAMED = /^(?:(\d{1,2})(?:st|nd|rd|th)?[-\s])?([a-z]{3,9})[-\s,]+(\d{4}|\d{2})$/i

function year(text: string): number {
  const y = Number(text)
  // Two-digit years as spreadsheets read them: 00-29 this century, 30-99 the last.
  return text.length === 2 ? (y < 30 ? 2000 + y : 1900 + y) : y
}

function dayNumber(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return undefined
  const time = Date.UTC(y, m - 1, d)
  const back = new Date(time)
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined
  return time / 86_400_000
}

export function parseDay(value: string): number | undefined {
  let match = ISO.exec(value)
  if (match) return dayNumber(Number(match[1]), Number(match[2]), Number(match[3]))
  match = DAY_FIRST.exec(value)
  if (match) return dayNumber(year(match[3]), Number(match[2]), Number(match[1]))
  match = NAMED.exec(value)
  if (match) {
    const month = MONTHS.indexOf(match[2].slice(0, 3).toLowerCase())
    if (month < 0 || !MONTHS[month] || !match[2].toLowerCase().startsWith(MONTHS[month])) return undefined
    return dayNumber(year(match[3]), month + 1, match[1] ? Number(match[1]) : 1)
  }
  return undefined
}

/** 20361 → "2025-09-29". */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}
