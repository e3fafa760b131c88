/**
 * The date and time format patterns CSVW defines (tabular-data-model 6.4.3): `dd/MM/yyyy`,
 * `M/d/yyyy`, `yyyy-MM-ddTHH:mm:ss`, `HHmm`, with an optional time zone `X`..`xxx`. A pattern
 * compiles to a regular expression that turns a cell into the XSD lexical form.
 */
import escapeStringRegexp from 'escape-string-regexp'

const DATE_PATTERNS = new Set([
  'yyyy-MM-dd', 'yyyyMMdd', 'dd-MM-yyyy', 'd-M-yyyy', 'MM-dd-yyyy', 'M-d-yyyy', 'dd/MM/yyyy', 'd/M/yyyy',
  'MM/dd/yyyy', 'M/d/yyyy', 'dd.MM.yyyy', 'd.M.yyyy', 'MM.dd.yyyy', 'M.d.yyyy',
])
const TIME_PATTERNS = /^(HH:mm:ss(\.S+)?|HH:mm|HHmmss|HHmm)$/

const ZONES: Record<string, string> = {
  X: '(Z|[+-]\\d{2}(?:\\d{2})?)',
  XX: '(Z|[+-]\\d{4})',
  XXX: '(Z|[+-]\\d{2}:\\d{2})',
  x: '([+-]\\d{2}(?:\\d{2})?)',
  xx: '([+-]\\d{4})',
  xxx: '([+-]\\d{2}:\\d{2})',
}

export interface CompiledDatePattern {
  regex: RegExp
  /** Field of each capture group, in order. */
  fields: string[]
  hasDate: boolean
  hasTime: boolean
  hasZone: boolean
}

const TOKEN = /yyyy|MM|M|dd|d|HH|mm|ss|S+|X{1,3}|x{1,3}/g
const FIELD_RE: Record<string, string> = {yyyy: '(\\d{4})', MM: '(\\d{2})', M: '(\\d{1,2})', dd: '(\\d{2})', d: '(\\d{1,2})', HH: '(\\d{2})', mm: '(\\d{2})', ss: '(\\d{2})'}

/** Compiles a date/time pattern; a string explains why it is not one CSVW defines. */
export function compileDatePattern(pattern: string): CompiledDatePattern | string {
  const zone = /^(.*?)\s?([Xx]{1,3})$/.exec(pattern)
  const body = zone ? zone[1] : pattern
  const split = /^(.+?)(?:[T ])(.+)$/.exec(body)
  let datePart: string | undefined
  let timePart: string | undefined
  if (DATE_PATTERNS.has(body)) datePart = body
  else if (TIME_PATTERNS.test(body)) timePart = body
  else if (split && DATE_PATTERNS.has(split[1]) && TIME_PATTERNS.test(split[2])) [datePart, timePart] = [split[1], split[2]]
  else return `"${pattern}" is not one of the date and time formats CSVW defines (such as dd/MM/yyyy, yyyy-MM-ddTHH:mm:ss or HH:mm)`
  if (zone && !ZONES[zone[2]]) return `"${pattern}" has an unknown time zone pattern`
  const fields: string[] = []
  let source = ''
  let last = 0
  for (const match of pattern.matchAll(TOKEN)) {
    source += escapeStringRegexp(pattern.slice(last, match.index))
    const token = match[0]
    if (token.startsWith('S')) {
      source += `(\\d{1,${token.length}})`
      fields.push('S')
    } else if (ZONES[token]) {
      source += ZONES[token]
      fields.push('zone')
    } else {
      source += FIELD_RE[token]
      fields.push(token[0])
    }
    last = match.index + token.length
  }
  source += escapeStringRegexp(pattern.slice(last))
  return {regex: new RegExp(`^${source}$`), fields, hasDate: Boolean(datePart), hasTime: Boolean(timePart), hasZone: Boolean(zone)}
}

function zoneToXsd(zone: string): string {
  if (zone === 'Z') return 'Z'
  const digits = zone.slice(1).replace(':', '')
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`
}

/** The cell in XSD lexical form (`2015-03-22`, `15:02:00`, `2015-03-22T15:02:00Z`), or undefined when it does not follow the pattern. */
export function applyDatePattern(value: string, compiled: CompiledDatePattern): string | undefined {
  const m = compiled.regex.exec(value)
  if (!m) return undefined
  const got: Record<string, string> = {}
  compiled.fields.forEach((field, i) => (got[field] = m[i + 1]))
  const pad = (text: string | undefined, width = 2) => (text ?? '0').padStart(width, '0')
  const date = compiled.hasDate ? `${got.y}-${pad(got.M)}-${pad(got.d)}` : ''
  const time = compiled.hasTime ? `${pad(got.H)}:${pad(got.m)}:${pad(got.s)}${got.S ? `.${got.S}` : ''}` : ''
  const zone = got.zone ? zoneToXsd(got.zone) : ''
  return (date && time ? `${date}T${time}` : date || time) + zone
}
