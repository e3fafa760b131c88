/**
 * XML Schema dates, times and durations: whether a string is in the lexical form of its type,
 * and a number to compare it by (milliseconds; a value without a time zone is read as UTC).
 */

export type DateResult = {ok: true; value: number} | {ok: false; reason: string}

const TZ = '(Z|[+-]\\d{2}:\\d{2})?'
const LEXICAL: Record<string, RegExp> = {
  date: new RegExp(`^(-?\\d{4,})-(\\d{2})-(\\d{2})${TZ}$`),
  time: new RegExp(`^(\\d{2}):(\\d{2}):(\\d{2}(?:\\.\\d+)?)${TZ}$`),
  dateTime: new RegExp(`^(-?\\d{4,})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2}(?:\\.\\d+)?)${TZ}$`),
  gYear: new RegExp(`^(-?\\d{4,})${TZ}$`),
  gYearMonth: new RegExp(`^(-?\\d{4,})-(\\d{2})${TZ}$`),
  gMonth: new RegExp(`^--(\\d{2})${TZ}$`),
  gMonthDay: new RegExp(`^--(\\d{2})-(\\d{2})${TZ}$`),
  gDay: new RegExp(`^---(\\d{2})${TZ}$`),
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function zoneMinutes(zone: string | undefined): number | undefined | false {
  if (!zone || zone === 'Z') return 0
  const hours = Number(zone.slice(1, 3))
  const minutes = Number(zone.slice(4, 6))
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return false
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes)
}

interface Parts {
  year?: number
  month?: number
  day?: number
  hour?: number
  minute?: number
  second?: number
  zone?: string
}

function check(parts: Parts): DateResult {
  const {year = 2000, month = 1, day = 1, hour = 0, minute = 0, second = 0} = parts
  if (month < 1 || month > 12) return {ok: false, reason: `month ${month} is not 1 to 12`}
  if (day < 1 || day > daysIn(parts.year ?? 2000, month)) return {ok: false, reason: `day ${day} is not in month ${month}`}
  const endOfDay = hour === 24 && minute === 0 && second === 0
  if ((hour > 23 && !endOfDay) || minute > 59 || second >= 60) return {ok: false, reason: 'is not a valid time of day'}
  const zone = zoneMinutes(parts.zone)
  if (zone === false) return {ok: false, reason: `time zone ${parts.zone} is out of range`}
  const date = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, 0, 0)
  return {ok: true, value: date.getTime() + second * 1000 - (zone ?? 0) * 60_000}
}

/** Parses `value` in the XSD lexical form of `base` (date, time, dateTime, dateTimeStamp, g* types). */
export function parseXsdDate(value: string, base: string): DateResult {
  const type = base === 'datetime' || base === 'dateTimeStamp' ? 'dateTime' : base
  const re = LEXICAL[type]
  if (!re) return {ok: false, reason: `${base} is not a date or time type`}
  const m = re.exec(value)
  if (!m) return {ok: false, reason: `is not in the form of ${base}`}
  const n = (i: number) => Number(m[i])
  switch (type) {
    case 'date':
      return check({year: n(1), month: n(2), day: n(3), zone: m[4]})
    case 'time':
      return check({hour: n(1), minute: n(2), second: n(3), zone: m[4]})
    case 'dateTime':
      if (base === 'dateTimeStamp' && !m[7]) return {ok: false, reason: 'has no time zone, which dateTimeStamp requires'}
      return check({year: n(1), month: n(2), day: n(3), hour: n(4), minute: n(5), second: n(6), zone: m[7]})
    case 'gYear':
      return check({year: n(1), zone: m[2]})
    case 'gYearMonth':
      return check({year: n(1), month: n(2), zone: m[3]})
    case 'gMonth':
      return check({month: n(1), zone: m[2]})
    case 'gMonthDay':
      return check({month: n(1), day: n(2), zone: m[3]})
    default:
      return check({day: n(1), zone: m[2]})
  }
}

const DURATION: Record<string, RegExp> = {
  duration: /^(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/,
  dayTimeDuration: /^(-?)P(?=\d|T\d)()()(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/,
  yearMonthDuration: /^(-?)P(?=\d)(?:(\d+)Y)?(?:(\d+)M)?()()()()$/,
}

/** Parses an XSD duration; its value is approximate seconds (a month is 1/12 of 365.2425 days). */
export function parseDuration(value: string, base: string): DateResult {
  const m = DURATION[base]?.exec(value)
  if (!m) return {ok: false, reason: `is not in the form of ${base} (such as P1Y2M3DT4H5M6S)`}
  const n = (i: number) => Number(m[i] || 0)
  const seconds = ((n(2) * 12 + n(3)) * 365.2425 * 86400) / 12 + n(4) * 86400 + n(5) * 3600 + n(6) * 60 + n(7)
  return {ok: true, value: m[1] ? -seconds : seconds}
}
