/** Validators for contact details: email addresses, UK phone numbers, UK postcodes, IP addresses. */
import {isIPv6} from 'node:net'
import {isForename} from './forenames.js'

const EMAIL_SOURCE = "[A-Za-z0-9](?:[A-Za-z0-9._%+'-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}"
const EMAIL_WHOLE = new RegExp(`^(?:mailto:)?(${EMAIL_SOURCE})$`, 'i')
const EMAIL_ANYWHERE = new RegExp(`(?<![A-Za-z0-9._%+'-])${EMAIL_SOURCE}(?![A-Za-z0-9-])`, 'gi')

/** The email addresses in a cell: the whole cell, or addresses inside free text (`contact j.bloggs@x.org`). */
export function findEmails(value: string): string[] {
  if (!value.includes('@')) return []
  const whole = EMAIL_WHOLE.exec(value)
  if (whole) return [whole[1]]
  return value.match(EMAIL_ANYWHERE) ?? []
}

/**
 * Local parts (or words in them) that name a function, not a person: `foi@`, `info@`,
 * `customer.services@`, `elections@`. Such mailboxes are not personal data.
 */
const ROLE_WORDS = new Set(
  (
    'info information enquiries enquiry enq foi freedom customer customers services service contactus contact admin administration ' +
    'office reception help helpdesk servicedesk support sales accounts account finance hr press media communications comms ' +
    'webmaster postmaster hostmaster noreply no-reply donotreply do-not-reply reply team teams general mail hello elections electoral ' +
    'planning licensing feedback complaints complaint data opendata transparency privacy dpo dataprotection secretary bookings ' +
    'booking events jobs careers recruitment payments payment invoices invoice procurement purchasing orders marketing news newsletter ' +
    'council committee democratic democracy members registrar registrars highways parking waste recycling housing benefits revenues ' +
    'library libraries museum allotments parks environment health safety ict it digital web website switchboard main central group ' +
    'dept department unit desk queries query questions access gis stats statistics research intelligence policy partnership ' +
    'partnerships business community grants funding volunteer volunteers admissions school schools clerk correspondence correspondance ' +
    'unit inbox mailbox office365 enquires mbx shared'
  ).split(' '),
)

const ROLE_ROOTS = ['enquir', 'info', 'mailbox', 'team', 'office', 'policy', 'transparency', 'foi', 'freedom', 'service', 'support', 'admin', 'contact', 'help', 'correspond', 'secretar', 'branch', 'strategy', 'online', 'press', 'media', 'finance', 'invoice', 'payment', 'election', 'planning', 'noreply', 'reception', 'booking']

/** Public-sector domains where a single-word mailbox that is not a forename is almost always a team. */
const PUBLIC_SECTOR_DOMAIN = /\.(?:gov\.uk|gsi\.gov\.uk|nhs\.uk|nhs\.net|police\.uk|mod\.uk|parliament\.uk|sch\.uk|ac\.uk)$/i

/** Role or team mailbox (`foi@`, `info@`, `customer.services@`, team mailboxes at `*.gov.uk`): not personal. */
export function isRoleAddress(email: string): boolean {
  const at = email.lastIndexOf('@')
  const local = email.slice(0, at).toLowerCase()
  const domain = email.slice(at + 1)
  const words = local.split(/[._+-]+/).filter(Boolean)
  if (words.some((w) => ROLE_WORDS.has(w) || ROLE_WORDS.has(w.replace(/\d+$/, '')))) return true
  if (ROLE_WORDS.has(local.replace(/[._+-]/g, ''))) return true
  // Run-together team names: `ScotlandOfficeStrategyBranchMailbox`, `geniepointsupport`. Short words like `webb` are left alone.
  if (words.some((w) => w.length >= 8 && ROLE_ROOTS.some((root) => w.includes(root)))) return true
  return PUBLIC_SECTOR_DOMAIN.test(domain) && words.length === 1 && !isForename(words[0])
}

export interface PhoneMatch {
  /** 07 numbers other than 070 (personal numbering) and 076 (pagers). */
  mobile: boolean
  /** 08 and 09 numbers: freephone, shared-cost and premium service lines, not people (03 numbers are often direct lines in government). */
  organisational: boolean
}

/**
 * A UK phone number: digits with optional spaces, hyphens, dots or brackets, in national form
 * (0 then 9 or 10 digits) or international form (+44 / 0044, optional `(0)`).
 */
export function parseUkPhone(value: string): PhoneMatch | undefined {
  const text = value.replace(/^(?:tel|telephone|phone|mob|mobile|t|m)\s*[.:]?\s*/i, '')
  if (!/^\+?[\d\s().-]{9,20}$/.test(text)) return undefined
  let digits = text.replace(/\(0\)/, '').replace(/[^\d+]/g, '')
  if (digits.startsWith('+44')) digits = '0' + digits.slice(3)
  else if (digits.startsWith('0044')) digits = '0' + digits.slice(4)
  else if (digits.includes('+')) return undefined
  if (!/^0[1-9]\d{8,9}$/.test(digits)) return undefined
  // 10-digit numbers exist only in some 01 areas and a few 08 services.
  if (digits.length === 10 && !/^0(?:1|80)/.test(digits)) return undefined
  const mobile = digits.length === 11 && digits.startsWith('07') && !/^07[06]/.test(digits)
  const organisational = /^0[89]/.test(digits)
  return {mobile, organisational}
}

const OUTWARD = '(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])'
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}'
const FULL_POSTCODE = new RegExp(`^(${OUTWARD}) *(${INWARD})$`)
const TRAILING_POSTCODE = new RegExp(`(?:^|[\\s,])(${OUTWARD}) *(${INWARD})[\\s.]*$`)
const DISTRICT = new RegExp(`^${OUTWARD}$`)
const SECTOR = new RegExp(`^${OUTWARD} +[0-9]$`)

export type PostcodeKind = 'full' | 'sector' | 'district'

/** A full postcode (`M32 0TH`) locates a few dozen addresses; a district (`M32`) or sector (`M32 0`) does not. */
export function classifyPostcode(value: string): PostcodeKind | undefined {
  const upper = value.toUpperCase().trim()
  if (upper === 'GIR 0AA' || FULL_POSTCODE.test(upper)) return 'full'
  if (SECTOR.test(upper)) return 'sector'
  if (DISTRICT.test(upper)) return 'district'
  return undefined
}

/** The full postcode a cell holds or ends with (an address line), normalised to `OUT IN`. */
export function findFullPostcode(value: string): string | undefined {
  const upper = value.toUpperCase().trim()
  if (upper.length > 200) return undefined
  const match = FULL_POSTCODE.exec(upper) ?? TRAILING_POSTCODE.exec(upper)
  return match ? `${match[1]} ${match[2]}` : undefined
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

export function isIpAddress(value: string): boolean {
  if (value.includes(':')) {
    // Times (`12:30:00`) and ratios are not addresses: require hex groups and at least three of them.
    const address = value.replace(/^\[|\](?::\d+)?$/g, '').replace(/%[\w.]+$/, '')
    return address.split(':').length >= 3 && /[0-9a-f]/i.test(address) && isIPv6(address) && address !== '::' && address !== '::1'
  }
  // Four numbers and three dots, at most 15 characters: an amount such as 28694.52 is rejected before the pattern.
  return value.length >= 7 && value.length <= 15 && value.indexOf('.') !== value.lastIndexOf('.') && IPV4.test(value) && value !== '0.0.0.0'
}
