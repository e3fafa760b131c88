/**
 * Validators for UK identifiers that carry their own check: National Insurance numbers
 * (prefix rules), NHS numbers (mod 11), payment cards (Luhn), IBANs (mod 97), and the
 * shapes of sort codes and account numbers. Each takes one trimmed cell value.
 */

const NINO_PATTERN = /^([A-Z])([A-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])$/
const NINO_BAD_FIRST = new Set('DFIQUV')
const NINO_BAD_SECOND = new Set('DFIOQUV')
const NINO_BAD_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'])

/** `AB123456C` or `AB 12 34 56 C`, with HMRC's prefix rules and an A–D suffix. */
export function isNino(value: string): boolean {
  const match = NINO_PATTERN.exec(value.toUpperCase())
  if (!match) return false
  const [, first, second] = match
  return !NINO_BAD_FIRST.has(first) && !NINO_BAD_SECOND.has(second) && !NINO_BAD_PREFIXES.has(first + second)
}

/** Digits of a value written as digit groups separated by single spaces or hyphens; undefined otherwise. */
export function groupedDigits(value: string): string | undefined {
  if (!/^\d+(?:[ -]\d+)*$/.test(value)) return undefined
  return value.replace(/[ -]/g, '')
}

function allSameDigit(digits: string): boolean {
  return /^(\d)\1*$/.test(digits)
}

/** The NHS number check digit for nine digits, or undefined when none is possible (remainder gives 10). */
export function nhsCheckDigit(nine: string): number | undefined {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i)
  const check = 11 - (sum % 11)
  if (check === 11) return 0
  return check === 10 ? undefined : check
}

/** Ten digits (optionally `3 3 4` grouped) with a valid mod-11 check digit; repeats and the 999 test range are excluded. */
export function isNhsNumber(value: string): boolean {
  const digits = groupedDigits(value)
  if (!digits || digits.length !== 10 || allSameDigit(digits) || digits.startsWith('999')) return false
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9])
}

export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/**
 * 13 to 19 digits (plain or in groups), a card-scheme first digit (2 for Mastercard's 2221–2720,
 * 3 Amex/Diners/JCB, 4 Visa, 5 Mastercard/Maestro, 6 Discover/Maestro) and a valid Luhn check.
 */
export function isPaymentCard(value: string): boolean {
  const digits = groupedDigits(value)
  if (!digits || digits.length < 13 || digits.length > 19 || allSameDigit(digits)) return false
  const first = digits[0]
  if (first === '2') {
    const prefix = Number(digits.slice(0, 4))
    if (prefix < 2221 || prefix > 2720) return false
  } else if (!'3456'.includes(first)) return false
  return luhnValid(digits)
}

/** IBAN lengths by country for the countries a UK publisher is likely to meet; others need 15–34 characters. */
const IBAN_LENGTHS: Record<string, number> = {
  GB: 22, IE: 22, DE: 22, FR: 27, ES: 24, IT: 27, NL: 18, BE: 16, PT: 25, LU: 20, CH: 21, AT: 20,
  DK: 18, SE: 24, NO: 15, FI: 18, PL: 28, CZ: 24, GR: 27, GI: 23, IM: 22, JE: 22, GG: 22, MT: 31, CY: 28,
}

/** The ISO 13616 mod-97 remainder of an IBAN (1 when valid), computed piecewise to stay within safe integers. */
export function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (const char of rearranged) {
    const code = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97
  }
  return remainder
}

export function isIban(value: string): boolean {
  // A country code opens it: cells that start otherwise are rejected before any copying.
  if (value.length < 15 || !/^[A-Za-z]{2}/.test(value)) return false
  const compact = value.replace(/ /g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false
  const expected = IBAN_LENGTHS[compact.slice(0, 2)]
  if (expected !== undefined && compact.length !== expected) return false
  return ibanRemainder(compact) === 1
}

/** `12-34-56`, `12 34 56` or six bare digits (the bare form only counts in a column named for sort codes). */
export function isSortCode(value: string, bareAllowed: boolean): boolean {
  if (/^\d{2}([- ])\d{2}\1\d{2}$/.test(value)) return true
  return bareAllowed && /^\d{6}$/.test(value)
}

/** UK account numbers are eight digits (shorter ones are zero-padded to eight by the banks). */
export function isAccountNumber(value: string): boolean {
  return /^\d{8}$/.test(value) && !allSameDigit(value)
}

/** A sort code and account number written together: `12-34-56 12345678`. */
export function isSortCodeAndAccount(value: string): boolean {
  const match = /^(\d{2}[- ]?\d{2}[- ]?\d{2})[ ,/]+(\d{8})$/.exec(value)
  return match !== null && isAccountNumber(match[2])
}
