/**
 * Masking for anything a report might print from a cell. A report never shows a personal
 * value as it is: findings carry masked examples (`j***@e***.gov.uk`, `AB ** ** ** C`,
 * `M32 0**`, `J*** S***`). Masks keep just enough shape for a person to recognise the column.
 *
 * Other rules that put cell values into `details` should pass them through `maskIfPersonal`
 * (masks values that look personal on their own) or, for columns the personal-data scan
 * flagged, `maskText` (masks every word).
 */
import type {PersonalKind} from './kinds.js'
import {findEmails, findFullPostcode, isIpAddress, parseUkPhone} from './validators/contact.js'
import {isIban, isNhsNumber, isNino, isPaymentCard, isSortCodeAndAccount} from './validators/identifiers.js'
import {classifyPersonName} from './validators/person-name.js'

const STARS = '***'

/** `Sara` → `S***`; single letters (initials) stay. */
export function maskWord(word: string): string {
  const chars = [...word]
  return chars.length <= 1 ? word : chars[0] + STARS
}

/** Every word reduced to its first letter; digits all hidden. For values with no known shape. */
export function maskText(value: string): string {
  return value.replace(/\d/g, '*').replace(/\p{L}[\p{L}\p{M}'’]*/gu, (w) => maskWord(w))
}

const SUFFIX_LABELS = new Set(['gov', 'co', 'org', 'ac', 'nhs', 'police', 'sch', 'ltd', 'plc', 'net', 'me', 'mod', 'com'])

/** `jane.doe@example.gov.uk` → `j***@e***.gov.uk`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  const labels = email.slice(at + 1).split('.')
  let keep = 1
  if (labels.length > 2 && labels[labels.length - 1].length === 2 && SUFFIX_LABELS.has(labels[labels.length - 2].toLowerCase())) keep = 2
  const masked = labels.map((label, i) => (i >= labels.length - keep ? label : maskWord(label)))
  return `${maskWord(email.slice(0, at))}@${masked.join('.')}`
}

const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|rev|revd|cllr|councillor)\.?$/i

/** `Mrs Clare Graham` → `Mrs C*** G***`: titles and initials stay, every other word keeps its first letter. */
export function maskName(value: string): string {
  return value
    .trim()
    .split(/(\s+|,)/)
    .map((part) => (TITLE.test(part) || /^\s*$|^,$/.test(part) ? part : maskWord(part)))
    .join('')
}

/** Hides every digit except the last `keep`, leaving separators in place. */
export function maskDigits(value: string, keep = 0): string {
  let seen = 0
  const total = (value.match(/\d/g) ?? []).length
  return value.replace(/\d/g, (d) => (++seen > total - keep ? d : '*'))
}

/** `AB123456C` → `AB ** ** ** C`. */
export function maskNino(value: string): string {
  const compact = value.replace(/ /g, '').toUpperCase()
  return `${compact.slice(0, 2)} ** ** ** ${compact.slice(-1)}`
}

/**
 * `0161 925 1152` → `0161 *** ****`, `+44 7700 900789` → `+44 7700 ******`: the dialling code
 * (the first group, up to five digits) locates an area or a network, not a person.
 */
export function maskPhone(value: string): string {
  const parts = value.trim().split(/([\s.-]+)/)
  let keep = parts[0].startsWith('+') ? 2 : 1
  if (parts.length === 1 || parts[keep === 2 ? 2 : 0].replace(/\D/g, '').length > 5) {
    let seen = 0
    return value.trim().replace(/\d/g, (d) => (++seen <= 4 ? d : '*'))
  }
  return parts.map((part, i) => (i % 2 === 1 || keep-- > 0 ? part : part.replace(/\d/g, '*'))).join('')
}

/** `M32 0TH` → `M32 0**`: the sector stays, the unit goes. */
export function maskPostcode(value: string): string {
  const full = findFullPostcode(value)
  if (!full) return maskText(value)
  return `${full.slice(0, -2)}**`
}

/** `1984-03-07` → `19**-**-**`, `7 March 1984` → `* *** 19**`: only the century stays. */
export function maskDate(value: string): string {
  return value.replace(/\b(1[89]|20)\d\d\b|\d|\p{L}+/gu, (token, century: string | undefined) => {
    if (century) return `${century}**`
    return /\d/.test(token) ? '*' : STARS
  })
}

/** `192.168.10.20` → `192.*.*.*`; IPv6 keeps its first group. */
export function maskIp(value: string): string {
  if (value.includes(':')) return `${value.split(':')[0]}:${STARS}`
  return `${value.split('.')[0]}.*.*.*`
}

/** IBANs keep the country code and the last two characters; sort codes and account numbers keep the last two digits. */
export function maskBankAccount(value: string): string {
  const compact = value.replace(/ /g, '')
  if (/^[A-Z]{2}\d{2}/i.test(compact)) return `${compact.slice(0, 2).toUpperCase()}${'*'.repeat(Math.max(compact.length - 4, 0))}${compact.slice(-2)}`
  return maskDigits(value, 2)
}

export function maskAs(kind: PersonalKind, value: string): string {
  switch (kind) {
    case 'email':
      // Only the addresses: the text around an address in a free-text cell may hold more about the person.
      return findEmails(value).map(maskEmail).join(', ') || maskText(value)
    case 'phone':
      return maskPhone(value)
    case 'nino':
      return maskNino(value)
    case 'nhs-number':
      return maskDigits(value, 2)
    case 'payment-card':
      return maskDigits(value, 4)
    case 'postcode':
      return maskPostcode(value)
    case 'date-of-birth':
      return maskDate(value)
    case 'person-name':
      return maskName(value)
    case 'ip-address':
      return maskIp(value)
    case 'bank-account':
      return maskBankAccount(value)
  }
}

function maskEmailsIn(text: string): string {
  let out = text
  for (const email of findEmails(text)) out = out.split(email).join(maskEmail(email))
  return out
}

/** The kind a value is on its own, without a column name to go by; names only when a title or known forename says so. */
export function personalKindOf(value: string): PersonalKind | undefined {
  const v = value.trim()
  if (v === '') return undefined
  if (findEmails(v).length > 0) return 'email'
  if (isNino(v)) return 'nino'
  if (isIban(v) || isSortCodeAndAccount(v)) return 'bank-account'
  if (isPaymentCard(v)) return 'payment-card'
  if (parseUkPhone(v)) return 'phone'
  if (isNhsNumber(v)) return 'nhs-number'
  if (isIpAddress(v)) return 'ip-address'
  if (findFullPostcode(v) === v.toUpperCase().replace(/\s+/g, ' ')) return 'postcode'
  if (classifyPersonName(v, 'full') === 'strong') return 'person-name'
  return undefined
}

/**
 * For rules that quote a cell (`details.value`): the value masked when it looks personal on its
 * own (an email inside free text is masked in place), unchanged otherwise.
 */
export function maskIfPersonal(value: string): string {
  const kind = personalKindOf(value)
  if (kind === 'email') return maskEmailsIn(value)
  return kind ? maskAs(kind, value) : value
}
