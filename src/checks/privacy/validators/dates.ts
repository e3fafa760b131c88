/** Recognises a full calendar date (day, month and year) as a date of birth might be written. */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/
const WORDS = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4}|\d{2})$/

function expandYear(year: string, now: number): number {
  if (year.length === 4) return Number(year)
  const y = Number(year)
  // Two-digit years of birth: the most recent century that is not in the future.
  return 2000 + y > now ? 1900 + y : 2000 + y
}

function valid(year: number, month: number, day: number, now: number): boolean {
  if (year < 1900 || year > now || month < 1 || month > 12 || day < 1) return false
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= days
}

/** True for `1984-03-07`, `07/03/1984`, `7.3.84`, `7 March 1984`, `07-Mar-1984` with a plausible year of birth. */
export function isBirthDate(value: string, now = new Date().getUTCFullYear()): boolean {
  let match = ISO.exec(value)
  if (match) return valid(Number(match[1]), Number(match[2]), Number(match[3]), now)
  match = DAY_FIRST.exec(value)
  if (match) {
    const year = expandYear(match[3], now)
    // Day first is the UK habit; month first (US exports) is accepted when it is the only reading.
    return valid(year, Number(match[2]), Number(match[1]), now) || valid(year, Number(match[1]), Number(match[2]), now)
  }
  match = WORDS.exec(value)
  if (match) {
    const month = MONTHS[match[2].toLowerCase()]
    return month !== undefined && valid(expandYear(match[3], now), month, Number(match[1]), now)
  }
  return false
}
