import {describe, expect, it} from 'vitest'
import {
  ibanRemainder,
  isAccountNumber,
  isIban,
  isNhsNumber,
  isNino,
  isPaymentCard,
  isSortCode,
  isSortCodeAndAccount,
  luhnValid,
  nhsCheckDigit,
} from '../../../src/checks/privacy/validators/identifiers.js'

describe('National Insurance numbers', () => {
  it('accepts the HMRC format with or without spaces, any case', () => {
    expect(isNino('AB123456C')).toBe(true)
    expect(isNino('AB 12 34 56 C')).toBe(true)
    expect(isNino('jg103759a')).toBe(true)
  })

  it.each(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'])('rejects the never-issued prefix %s', (prefix) => {
    expect(isNino(`${prefix}123456A`)).toBe(false)
  })

  it.each(['D', 'F', 'I', 'Q', 'U', 'V'])('rejects %s as the first letter', (letter) => {
    expect(isNino(`${letter}A123456A`)).toBe(false)
  })

  it.each(['D', 'F', 'I', 'O', 'Q', 'U', 'V'])('rejects %s as the second letter', (letter) => {
    expect(isNino(`A${letter}123456A`)).toBe(false)
  })

  it('needs a suffix from A to D and six digits', () => {
    expect(isNino('AB123456E')).toBe(false)
    expect(isNino('AB123456')).toBe(false)
    expect(isNino('AB12345C')).toBe(false)
    expect(isNino('AB123456D')).toBe(true)
  })
})

describe('NHS numbers', () => {
  it('computes the mod-11 check digit', () => {
    expect(nhsCheckDigit('401023213')).toBe(7)
    expect(nhsCheckDigit('450557710')).toBe(4)
    // A remainder giving 10 means no valid number has these nine digits.
    expect(nhsCheckDigit('483920117')).toBeUndefined()
  })

  it('accepts valid numbers, grouped 3-3-4 or not', () => {
    expect(isNhsNumber('4010232137')).toBe(true)
    expect(isNhsNumber('401 023 2137')).toBe(true)
    expect(isNhsNumber('401-023-2137')).toBe(true)
  })

  it('rejects a wrong check digit and the wrong length', () => {
    expect(isNhsNumber('4010232138')).toBe(false)
    expect(isNhsNumber('401023213')).toBe(false)
    expect(isNhsNumber('40102321370')).toBe(false)
  })

  it('excludes repeated digits and the 999 test range even when the checksum passes', () => {
    expect(nhsCheckDigit('000000000')).toBe(0)
    expect(isNhsNumber('0000000000')).toBe(false)
    const inTestRange = ['999000000', '999000001', '999123456', '999876543'].flatMap((nine) => {
      const check = nhsCheckDigit(nine)
      return check === undefined ? [] : [`${nine}${check}`]
    })
    expect(inTestRange.length).toBeGreaterThan(0)
    for (const number of inTestRange) expect(isNhsNumber(number), number).toBe(false)
  })
})

describe('payment cards', () => {
  it('checks Luhn', () => {
    expect(luhnValid('79927398713')).toBe(true)
    expect(luhnValid('79927398710')).toBe(false)
  })

  it('accepts scheme test numbers, plain or grouped', () => {
    expect(isPaymentCard('4111111111111111')).toBe(true)
    expect(isPaymentCard('5555 5555 5555 4444')).toBe(true)
    expect(isPaymentCard('3782 822463 10005')).toBe(true)
    expect(isPaymentCard('2221000000000009')).toBe(true)
  })

  it('rejects bad checksums, lengths outside 13 to 19, other first digits and repeats', () => {
    expect(isPaymentCard('4111111111111112')).toBe(false)
    expect(isPaymentCard('411111111111')).toBe(false)
    expect(isPaymentCard('41111111111111111111')).toBe(false)
    expect(isPaymentCard('1234567812345670')).toBe(false)
    expect(isPaymentCard('0000000000000000')).toBe(false)
    expect(isPaymentCard('4111-1111 1111x1111')).toBe(false)
  })
})

describe('bank accounts', () => {
  it('validates IBANs by mod 97 and country length', () => {
    expect(ibanRemainder('GB82WEST12345698765432')).toBe(1)
    expect(isIban('GB82 WEST 1234 5698 7654 32')).toBe(true)
    expect(isIban('gb33bukb20201555555555')).toBe(true)
    expect(isIban('GB82WEST12345698765431')).toBe(false)
    expect(isIban('GB82WEST1234569876543')).toBe(false)
    // A VAT number is not an IBAN.
    expect(isIban('GB634501746')).toBe(false)
  })

  it('recognises sort codes and account numbers', () => {
    expect(isSortCode('12-34-56', false)).toBe(true)
    expect(isSortCode('12 34 56', false)).toBe(true)
    expect(isSortCode('123456', false)).toBe(false)
    expect(isSortCode('123456', true)).toBe(true)
    expect(isSortCode('12-34 56', true)).toBe(false)
    expect(isAccountNumber('31926819')).toBe(true)
    expect(isAccountNumber('00000000')).toBe(false)
    expect(isAccountNumber('3192681')).toBe(false)
    expect(isSortCodeAndAccount('12-34-56 31926819')).toBe(true)
    expect(isSortCodeAndAccount('123456/31926819')).toBe(true)
    expect(isSortCodeAndAccount('12-34-56')).toBe(false)
  })
})
