/**
 * Reads dates and times written in a strftime pattern (`%d/%m/%Y`) the way Python's
 * `datetime.strptime` does, which is what Frictionless uses: the same regular expression per
 * directive (so `%m` takes `3` as well as `03`), case-insensitive names, whitespace in the
 * pattern matching any run of whitespace, the whole cell matched, and impossible dates
 * (31/02/2024) rejected.
 */

export interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** Fraction of a second, in milliseconds (microseconds kept as a fraction). */
  millis: number
  /** Offset from UTC in minutes, when the value gives one. */
  offset?: number
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

const alternatives = (names: string[]) => names.map((n) => n.replace(/\./g, '\\.')).join('|')

/** Python 3's _strptime regexes, directive by directive. */
const DIRECTIVES: Record<string, string> = {
  d: '(?<d>3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9])',
  f: '(?<f>[0-9]{1,6})',
  H: '(?<H>2[0-3]|[0-1]\\d|\\d)',
  I: '(?<I>1[0-2]|0[1-9]|[1-9])',
  j: '(?<j>36[0-6]|3[0-5]\\d|[1-2]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])',
  m: '(?<m>1[0-2]|0[1-9]|[1-9])',
  M: '(?<M>[0-5]\\d|\\d)',
  S: '(?<S>6[0-1]|[0-5]\\d|\\d)',
  w: '(?<w>[0-6])',
  u: '(?<u>[1-7])',
  y: '(?<y>\\d\\d)',
  Y: '(?<Y>\\d\\d\\d\\d)',
  z: '(?<z>[+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)',
  Z: '(?<Z>utc|gmt|bst)',
  B: `(?<B>${alternatives(MONTHS)})`,
  b: `(?<b>${alternatives(MONTHS.map((m) => m.slice(0, 3)))})`,
  A: `(?<A>${alternatives(DAYS)})`,
  a: `(?<a>${alternatives(DAYS.map((d) => d.slice(0, 3)))})`,
  p: '(?<p>am|pm)',
  '%': '%',
}

export interface Strptime {
  parse(text: string): Parts | undefined
  /** Which parts the pattern gives: a date pattern needs no time, and the reverse. */
  hasDate: boolean
  hasTime: boolean
}

export class PatternError extends Error {}

/** Compiles a strftime pattern; throws PatternError for a directive Python does not know or one used twice. */
export function compileStrptime(pattern: string): Strptime {
  let source = ''
  const used = new Set<string>()
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '%') {
      const d = pattern[i + 1]
      if (d === undefined) throw new PatternError(`"${pattern}" ends with a lone "%"`)
      const regex = DIRECTIVES[d]
      if (!regex) throw new PatternError(`"%${d}" in "${pattern}" is not a strftime directive odcheck (or Python) can read`)
      if (d !== '%' && used.has(d)) throw new PatternError(`"%${d}" appears twice in "${pattern}"`)
      used.add(d)
      source += regex
      i++
    } else if (/\s/.test(c)) {
      while (i + 1 < pattern.length && /\s/.test(pattern[i + 1])) i++
      source += '\\s+'
    } else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  const regex = new RegExp(`^${source}$`, 'i')
  const has = (...ds: string[]) => ds.some((d) => used.has(d))
  return {
    hasDate: has('d', 'm', 'Y', 'y', 'b', 'B', 'j'),
    hasTime: has('H', 'I', 'M', 'S', 'f'),
    parse: (text) => {
      const match = regex.exec(text)
      return match ? partsOf(match.groups ?? {}) : undefined
    },
  }
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function monthOf(name: string): number {
  const lower = name.toLowerCase()
  return MONTHS.findIndex((m) => m === lower || m.slice(0, 3) === lower) + 1
}

function offsetOf(z: string): number {
  if (z.toUpperCase() === 'Z') return 0
  const digits = z.replace(/[:.]/g, '')
  const sign = digits[0] === '-' ? -1 : 1
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)))
}

function partsOf(g: Record<string, string | undefined>): Parts | undefined {
  let year = 1900
  if (g.Y !== undefined) year = Number(g.Y)
  else if (g.y !== undefined) {
    const y = Number(g.y)
    year = y <= 68 ? 2000 + y : 1900 + y
  }
  let month = 1
  let day = 1
  if (g.m !== undefined) month = Number(g.m)
  else if (g.B !== undefined || g.b !== undefined) month = monthOf((g.B ?? g.b)!)
  if (g.d !== undefined) day = Number(g.d.trim())
  if (g.j !== undefined && g.m === undefined && g.d === undefined) {
    // Day of the year.
    let rest = Number(g.j)
    month = 1
    while (month <= 12 && rest > daysInMonth(year, month)) rest -= daysInMonth(year, month++)
    if (month > 12) return undefined
    day = rest
  }
  if (day > daysInMonth(year, month)) return undefined
  let hour = g.H !== undefined ? Number(g.H) : 0
  if (g.I !== undefined) {
    hour = Number(g.I) % 12
    if (g.p?.toLowerCase() === 'pm') hour += 12
  }
  const second = g.S !== undefined ? Number(g.S) : 0
  // Python's strptime accepts 60 and 61, which datetime() then refuses.
  if (second > 59) return undefined
  const parts: Parts = {year, month, day, hour, minute: g.M !== undefined ? Number(g.M) : 0, second, millis: g.f !== undefined ? Number(`0.${g.f}`) * 1000 : 0}
  if (g.z !== undefined) parts.offset = offsetOf(g.z)
  else if (g.Z !== undefined) parts.offset = g.Z.toLowerCase() === 'bst' ? 60 : 0
  return parts
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}
