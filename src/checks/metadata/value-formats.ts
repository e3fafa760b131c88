/** What a well-formed date, email address and web address look like in metadata. */

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/

/** ISO 8601 calendar date at year, month or day precision, optionally with a time: 2024, 2024-03, 2024-03-31, 2024-03-31T09:30:00Z. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [, , month, day, hour, minute, second] = m.map((v) => (v === undefined ? undefined : Number(v)))
  if (month !== undefined && (month < 1 || month > 12)) return false
  if (day !== undefined) {
    const days = new Date(Date.UTC(Number(m[1]), month!, 0)).getUTCDate()
    if (day < 1 || day > days) return false
  }
  return !((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 60)
}

export function isEmail(value: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(value)
}

/** An absolute http(s) or ftp address as written: no spaces or backslashes, which browsers repair but harvesters do not. */
export function isWebUrl(value: string): boolean {
  if (/[\s\\]/.test(value)) return false
  try {
    const url = new URL(value)
    return ['http:', 'https:', 'ftp:'].includes(url.protocol) && url.hostname.includes('.')
  } catch {
    return false
  }
}

export const EXPECTED = {
  date: 'an ISO 8601 date such as 2024-03-31',
  email: 'an email address',
  url: 'a web address starting http:// or https://, with no spaces',
} as const

export type ValueKind = keyof typeof EXPECTED

export const VALID: Record<ValueKind, (value: string) => boolean> = {date: isIsoDate, email: isEmail, url: isWebUrl}
