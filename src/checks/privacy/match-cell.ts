/**
 * Decides, for one cell of one column, which personal kind (if any) it holds. Kinds the
 * column's name points at are tried first; dates of birth, names and bare sort codes or
 * account numbers are only looked for where the column's name points at them, since their
 * values alone cannot be told apart from ordinary dates, places and codes.
 */
import {columnHints, type ColumnHints} from './labels.js'
import {PERSONAL_KINDS, type PersonalKind} from './kinds.js'
import {maskAs, maskEmail, maskPostcode} from './mask.js'
import {markerMatcher} from '../values/markers.js'
import {findEmails, findFullPostcode, isIpAddress, isRoleAddress, parseUkPhone} from './validators/contact.js'
import {isBirthDate} from './validators/dates.js'
import {isAccountNumber, isIban, isNhsNumber, isNino, isPaymentCard, isSortCode, isSortCodeAndAccount} from './validators/identifiers.js'
import {classifyPersonName} from './validators/person-name.js'

/** Extra facts about a match, counted per column: `role` addresses, `organisational` and `mobile` numbers, `strong` names. */
export type MatchTag = 'role' | 'organisational' | 'mobile' | 'strong'

export interface CellMatch {
  kind: PersonalKind
  tags: MatchTag[]
  /** The value masked for the report. */
  example: string
  /** Examples of tagged-as-not-personal matches (role mailboxes) are shown only when nothing better is found. */
  secondary?: boolean
}

export interface ColumnPlan {
  label: string
  hints: ColumnHints
  /** Kinds to try, in order. */
  kinds: PersonalKind[]
  /** The kinds to try and the kinds the column's name points at, as bits (see possibleKinds). */
  tried: number
  hinted: number
}

/** One bit per kind, for sets of kinds tested in one operation. */
const BIT = Object.fromEntries(PERSONAL_KINDS.map((kind, i) => [kind, 1 << i])) as Record<PersonalKind, number>

const NEEDS_HINT: ReadonlySet<PersonalKind> = new Set(['date-of-birth', 'person-name'])

export function planColumn(label: string | undefined, enabled: readonly PersonalKind[]): ColumnPlan {
  const hints = columnHints(label)
  const hinted = new Set<PersonalKind>(hints.kinds)
  if (hints.nameColumn) hinted.add('person-name')
  const kinds = [
    ...PERSONAL_KINDS.filter((k) => hinted.has(k)),
    ...PERSONAL_KINDS.filter((k) => !hinted.has(k) && !NEEDS_HINT.has(k)),
  ].filter((k) => enabled.includes(k))
  const bits = (list: Iterable<PersonalKind>) => [...list].reduce((sum, kind) => sum | BIT[kind], 0)
  return {label: label ?? '', hints, kinds, tried: bits(kinds), hinted: bits(hints.kinds)}
}

/**
 * What one pass over a value's characters tells about it. Most cells of a table (amounts,
 * dates, reference codes) have a shape no kind allows, so they are rejected by `possibleKinds`
 * before any validator runs.
 */
interface Shape {
  digits: number
  dots: number
  colons: number
  at: boolean
}

const shape: Shape = {digits: 0, dots: 0, colons: 0, at: false}

function measure(value: string): Shape {
  let digits = 0
  let dots = 0
  let colons = 0
  let at = false
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code >= 48 && code <= 57) digits++
    else if (code === 46) dots++
    else if (code === 58) colons++
    else if (code === 64) at = true
  }
  shape.digits = digits
  shape.dots = dots
  shape.colons = colons
  shape.at = at
  return shape
}

/**
 * The kinds a value of this shape could be, as bits of BIT. Each condition is a necessary one
 * of the kind's validator (see validators/ and matchKind), never a stricter one.
 */
function possibleKinds(s: Shape, length: number, plan: ColumnPlan): number {
  const d = s.digits
  let bits = 0
  if (s.at) bits |= BIT.email
  // National form: 10 or 11 digits; +44, 0044 and a written "(0)" add up to 4 more.
  if (d >= 10 && d <= 15) bits |= BIT.phone
  if (d === 6) bits |= BIT.nino
  if (d === 10) bits |= BIT['nhs-number']
  // A postcode has 2 or 3 digits; an address line ending in one may have more (house numbers).
  if (d >= 2 && (d <= 3 || plan.hinted & BIT.postcode)) bits |= BIT.postcode
  if (d > 0) bits |= BIT['date-of-birth']
  if (d === 0 && plan.hints.nameColumn) bits |= BIT['person-name']
  // Four numbers and three dots, or IPv6's hex groups (at least two colons).
  if (d > 0 && (s.dots === 3 || s.colons >= 2)) bits |= BIT['ip-address']
  if (d >= 13 && d <= 19) bits |= BIT['payment-card']
  // An IBAN: at least 15 characters; sort code and account written together: 14 digits; alone (named columns): 6 or 8.
  if (d >= 2 && (length >= 15 || d === 14 || (plan.hinted & BIT['bank-account'] && (d === 6 || d === 8)))) bits |= BIT['bank-account']
  return bits
}

function matchKind(kind: PersonalKind, value: string, plan: ColumnPlan, digits: number): CellMatch | undefined {
  const hinted = (plan.hinted & BIT[kind]) !== 0
  switch (kind) {
    case 'email': {
      const emails = findEmails(value)
      if (emails.length === 0) return undefined
      const personal = emails.find((e) => !isRoleAddress(e))
      return personal ? {kind, tags: [], example: maskEmail(personal)} : {kind, tags: ['role'], example: maskEmail(emails[0]), secondary: true}
    }
    case 'nino':
      return digits === 6 && isNino(value) ? {kind, tags: [], example: maskAs(kind, value)} : undefined
    case 'bank-account': {
      // An IBAN has at least 2 check digits; sort code and account written together, 14 digits; alone, 6 or 8.
      if (digits < 2) return undefined
      const found = isIban(value) || (digits === 14 && isSortCodeAndAccount(value)) || (hinted && (isSortCode(value, true) || isAccountNumber(value)))
      return found ? {kind, tags: [], example: maskAs(kind, value)} : undefined
    }
    case 'payment-card':
      return digits >= 13 && digits <= 19 && isPaymentCard(value) ? {kind, tags: [], example: maskAs(kind, value)} : undefined
    case 'phone': {
      // National form: 10 or 11 digits; +44, 0044 and a written "(0)" add up to 4 more.
      const phone = digits >= 10 && digits <= 15 ? parseUkPhone(value) : undefined
      if (!phone) return undefined
      const tags: MatchTag[] = []
      if (phone.mobile) tags.push('mobile')
      if (phone.organisational) tags.push('organisational')
      return {kind, tags, example: maskAs(kind, value), secondary: phone.organisational}
    }
    case 'nhs-number':
      return digits === 10 && isNhsNumber(value) ? {kind, tags: [], example: maskAs(kind, value)} : undefined
    case 'ip-address':
      return digits > 0 && isIpAddress(value) ? {kind, tags: [], example: maskAs(kind, value)} : undefined
    case 'postcode': {
      // A postcode has 2 or 3 digits; an address line ending in one may have more (house numbers).
      if (digits < 2 || (!hinted && digits > 3)) return undefined
      // Inside an address only where the column is named for addresses; elsewhere the whole cell must be one.
      const postcode = findFullPostcode(value)
      if (!postcode || (!hinted && postcode !== value.toUpperCase().replace(/\s+/g, ' '))) return undefined
      return {kind, tags: [], example: maskPostcode(postcode)}
    }
    case 'date-of-birth':
      return digits > 0 && isBirthDate(value) ? {kind, tags: [], example: maskAs(kind, value)} : undefined
    case 'person-name': {
      if (!plan.hints.nameColumn || digits > 0) return undefined
      const strength = classifyPersonName(value, plan.hints.nameColumn)
      return strength ? {kind, tags: strength === 'strong' ? ['strong'] : [], example: maskAs(kind, value)} : undefined
    }
  }
}

/** Beyond this length a cell is free text: only email addresses are looked for in it. */
const MAX_VALUE_LENGTH = 200

/** The first kind the cell matches, trying the column's planned kinds in order. */
export function matchCell(value: string, plan: ColumnPlan): CellMatch | undefined {
  if (value.length > MAX_VALUE_LENGTH) return plan.kinds.includes('email') ? matchKind('email', value, plan, 0) : undefined
  const s = measure(value)
  const possible = possibleKinds(s, value.length, plan) & plan.tried
  if (possible === 0) return undefined
  const digits = s.digits
  for (const kind of plan.kinds) {
    if ((possible & BIT[kind]) === 0) continue
    const match = matchKind(kind, value, plan, digits)
    if (match) return match
  }
  return undefined
}

const nullToken = markerMatcher(['na', 'nan', 'n/a', 'n.a.', '#n/a', '-', '--', '—', 'null', 'none', 'nil', 'n/d', 'nd', 'not applicable', 'not known', 'unknown', '.', '..', '?', 'tbc', 'tba'])

/** `NA`, `N/A`, `-`, `null`: placeholders for nothing, not scanned. */
export function isNullToken(value: string): boolean {
  return nullToken(value) !== undefined
}

/** `Redacted Personal Data`, `REDACTED`, `[withheld]`, `*****`: the publisher already removed a value here. */
export function isRedactionMarker(value: string): boolean {
  if (value.length > 60) return false
  if (REDACT.test(value)) return true
  // The other markers open (after an optional "[") with one of these letters: most cells are rejected here, without a copy.
  if (!'*xwnupXWNUP'.includes(value[value[0] === '[' ? 1 : 0] ?? '')) return false
  return /^\[?(?:\*{3,}|x{3,}|withheld|name withheld|not disclosed|undisclosed|personal data(?: removed| withheld)?)\]?$/.test(value.toLowerCase())
}

const REDACT = /\bredact/i
