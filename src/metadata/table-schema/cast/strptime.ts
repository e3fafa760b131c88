/**
 * Reads dates and times written in a strftime pattern (`%d/%m/%Y`) the way Python's
 * `datetime.strptime` does, which is what Frictionless uses: the same regular expression per
 * directive (so `%m` takes `3` as well as `03`), case-insensitive names, whitespace in the
 * pattern matching any run of whitespace, the whole cell matched, and impossible dates
 * (31/02/2024) rejected.
 */
import escapeStringRegexp from 'escape-string-regexp'

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
  /** The parts of a value; the object may be reused by the next call, so read it straight away. */
  parse(text: string): Parts | undefined
  /** Which parts the pattern gives: a date pattern needs no time, and the reverse. */
  hasDate: boolean
  hasTime: boolean
}

export class PatternError extends Error {}

/** Digits each numeric directive takes, and the values its Python regex allows for 1 and 2 digits. */
const NUMERIC: Record<string, {slot: number; lengths: number[]; min: number; max: number}> = {
  d: {slot: 0, lengths: [1, 2], min: 1, max: 31},
  m: {slot: 1, lengths: [1, 2], min: 1, max: 12},
  H: {slot: 2, lengths: [1, 2], min: 0, max: 23},
  M: {slot: 3, lengths: [1, 2], min: 0, max: 59},
  S: {slot: 4, lengths: [1, 2], min: 0, max: 61},
  Y: {slot: 5, lengths: [4], min: 1, max: 9999},
  y: {slot: 6, lengths: [2], min: 0, max: 99},
}

/**
 * The common patterns (`%d/%m/%Y`, `%d/%m/%Y %H:%M`) read without a regular expression: every
 * directive is numeric and followed by a separator (or the end), so each takes the whole run of
 * digits there, exactly as Python's regex does. Undefined for any other pattern.
 */
function compileNumeric(pattern: string): Strptime | undefined {
  const steps: Array<{directive: string; slot: number; lengths: number[]; min: number; max: number} | {literal: string} | {space: true}> = []
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '%') {
      const d = pattern[i + 1]
      if (!NUMERIC[d] || steps.some((s) => 'directive' in s && s.directive === d)) return undefined
      steps.push({directive: d, ...NUMERIC[d]})
      i++
    } else if (/\s/.test(c)) {
      while (i + 1 < pattern.length && /\s/.test(pattern[i + 1])) i++
      steps.push({space: true})
    } else if (/\d/.test(c)) return undefined
    else steps.push({literal: c.toLowerCase()})
  }
  for (let i = 0; i < steps.length; i++) if ('directive' in steps[i] && steps[i + 1] !== undefined && 'directive' in steps[i + 1]) return undefined
  const has = (...ds: string[]) => steps.some((s) => 'directive' in s && ds.includes(s.directive))
  const values = new Int32Array(7)
  const parts: Parts = {year: 1900, month: 1, day: 1, hour: 0, minute: 0, second: 0, millis: 0}
  return {
    hasDate: has('d', 'm', 'Y', 'y'),
    hasTime: has('H', 'M', 'S'),
    parse(text) {
      // Directive values by slot (d m H M S Y y), -1 when the pattern has none; no allocation per value.
      const v = values.fill(-1)
      let p = 0
      for (const step of steps) {
        if ('literal' in step) {
          if (text[p]?.toLowerCase() !== step.literal) return undefined
          p++
        } else if ('space' in step) {
          const start = p
          while (p < text.length && /\s/.test(text[p])) p++
          if (p === start) return undefined
        } else {
          const spec = step
          // "%d" also takes a space and one digit (" 5"), as Python does.
          const spaced = step.directive === 'd' && text[p] === ' '
          if (spaced) p++
          const start = p
          let n = 0
          while (p < text.length && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) n = n * 10 + text.charCodeAt(p++) - 48
          const length = p - start
          if (!spec.lengths.includes(length) || n < spec.min || n > spec.max) return undefined
          if (spaced && length !== 1) return undefined
          v[step.slot] = n
        }
      }
      if (p !== text.length) return undefined
      const or = (slot: number, fallback: number) => (v[slot] < 0 ? fallback : v[slot])
      const year = v[5] >= 0 ? v[5] : v[6] < 0 ? 1900 : v[6] <= 68 ? 2000 + v[6] : 1900 + v[6]
      const month = or(1, 1)
      const day = or(0, 1)
      if (day > daysInMonth(year, month) || or(4, 0) > 59) return undefined
      parts.year = year
      parts.month = month
      parts.day = day
      parts.hour = or(2, 0)
      parts.minute = or(3, 0)
      parts.second = or(4, 0)
      return parts
    },
  }
}

/** Compiles a strftime pattern; throws PatternError for a directive Python does not know or one used twice. */
export function compileStrptime(pattern: string): Strptime {
  return compileNumeric(pattern) ?? compileStrptimeRegex(pattern)
}

/** The general reader: Python's own regular expression for each directive. */
export function compileStrptimeRegex(pattern: string): Strptime {
  let source = ''
  const used = new Set<string>()
  /** Directive of each capturing group, in order (positional groups: no groups object per match). */
  const order: string[] = []
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '%') {
      const d = pattern[i + 1]
      if (d === undefined) throw new PatternError(`"${pattern}" ends with a lone "%"`)
      const regex = DIRECTIVES[d]
      if (!regex) throw new PatternError(`"%${d}" in "${pattern}" is not a strftime directive odcheck (or Python) can read`)
      if (d !== '%' && used.has(d)) throw new PatternError(`"%${d}" appears twice in "${pattern}"`)
      used.add(d)
      if (d !== '%') order.push(d)
      source += regex.replace(/^\(\?<\w+>/, '(')
      i++
    } else if (/\s/.test(c)) {
      while (i + 1 < pattern.length && /\s/.test(pattern[i + 1])) i++
      source += '\\s+'
    } else source += escapeStringRegexp(c)
  }
  const regex = new RegExp(`^${source}$`, 'i')
  const at: Record<string, number> = {}
  order.forEach((d, i) => (at[d] = i + 1))
  const has = (...ds: string[]) => ds.some((d) => used.has(d))
  return {
    hasDate: has('d', 'm', 'Y', 'y', 'b', 'B', 'j'),
    hasTime: has('H', 'I', 'M', 'S', 'f'),
    parse: (text) => {
      const match = regex.exec(text)
      return match ? partsOf(match, at) : undefined
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

/** Group of a directive in a match: undefined when the pattern has no such directive. */
function get(match: RegExpExecArray, at: Record<string, number>, d: string): string | undefined {
  const i = at[d]
  return i === undefined ? undefined : match[i]
}

function partsOf(match: RegExpExecArray, at: Record<string, number>): Parts | undefined {
  const Y = get(match, at, 'Y')
  const y2 = get(match, at, 'y')
  let year = 1900
  if (Y !== undefined) year = Number(Y)
  else if (y2 !== undefined) {
    const y = Number(y2)
    year = y <= 68 ? 2000 + y : 1900 + y
  }
  const m = get(match, at, 'm')
  const name = get(match, at, 'B') ?? get(match, at, 'b')
  const d = get(match, at, 'd')
  const j = get(match, at, 'j')
  let month = m !== undefined ? Number(m) : name !== undefined ? monthOf(name) : 1
  let day = d !== undefined ? Number(d.trim()) : 1
  if (j !== undefined && m === undefined && d === undefined) {
    // Day of the year.
    let rest = Number(j)
    month = 1
    while (month <= 12 && rest > daysInMonth(year, month)) rest -= daysInMonth(year, month++)
    if (month > 12) return undefined
    day = rest
  }
  if (day > daysInMonth(year, month)) return undefined
  const H = get(match, at, 'H')
  const I = get(match, at, 'I')
  let hour = H !== undefined ? Number(H) : 0
  if (I !== undefined) {
    hour = Number(I) % 12
    if (get(match, at, 'p')?.toLowerCase() === 'pm') hour += 12
  }
  const S = get(match, at, 'S')
  const second = S !== undefined ? Number(S) : 0
  // Python's strptime accepts 60 and 61, which datetime() then refuses.
  if (second > 59) return undefined
  const M = get(match, at, 'M')
  const f = get(match, at, 'f')
  const parts: Parts = {year, month, day, hour, minute: M !== undefined ? Number(M) : 0, second, millis: f !== undefined ? Number(`0.${f}`) * 1000 : 0}
  const z = get(match, at, 'z')
  const Z = get(match, at, 'Z')
  if (z !== undefined) parts.offset = offsetOf(z)
  else if (Z !== undefined) parts.offset = Z.toLowerCase() === 'bst' ? 60 : 0
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
