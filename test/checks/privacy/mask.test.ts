import {describe, expect, it} from 'vitest'
import {maskAs, maskDate, maskEmail, maskIfPersonal, maskName, maskNino, maskPhone, maskPostcode, maskText, personalKindOf} from '../../../src/checks/privacy/mask.js'

describe('masks', () => {
  it('keeps the first letter of an email and the public suffix of its domain', () => {
    expect(maskEmail('jane.doe@example.gov.uk')).toBe('j***@e***.gov.uk')
    expect(maskEmail('philip.cox@communities.gsi.gov.uk')).toBe('p***@c***.g***.gov.uk')
    expect(maskEmail('jo@example.org')).toBe('j***@e***.org')
  })

  it('masks NI numbers, postcodes, names, phones and dates the way the docs show', () => {
    expect(maskNino('AB123456C')).toBe('AB ** ** ** C')
    expect(maskNino('ab 12 34 56 c')).toBe('AB ** ** ** C')
    expect(maskPostcode('M32 0TH')).toBe('M32 0**')
    expect(maskPostcode('wa159ab')).toBe('WA15 9**')
    expect(maskName('John Smith')).toBe('J*** S***')
    expect(maskName('Mrs C Graham')).toBe('Mrs C G***')
    expect(maskPhone('0161 496 0123')).toBe('0161 *** ****')
    expect(maskPhone('07700 900123')).toBe('07700 ******')
    expect(maskPhone('+44 7700 900789')).toBe('+44 7700 ******')
    expect(maskPhone('01614960123')).toBe('0161*******')
    expect(maskDate('1984-03-07')).toBe('19**-**-**')
    expect(maskDate('7 March 1984')).toBe('* *** 19**')
    expect(maskDate('07/03/84')).toBe('**/**/**')
  })

  it('keeps only the last digits of card, NHS and account numbers', () => {
    expect(maskAs('payment-card', '4111 1111 1111 1111')).toBe('**** **** **** 1111')
    expect(maskAs('nhs-number', '401 023 2137')).toBe('*** *** **37')
    expect(maskAs('bank-account', 'GB82 WEST 1234 5698 7654 32')).toBe('GB******************32')
    expect(maskAs('bank-account', '31926819')).toBe('******19')
    expect(maskAs('ip-address', '192.0.2.10')).toBe('192.*.*.*')
  })

  it('shows only the address when an email sits inside free text', () => {
    expect(maskAs('email', 'Resident John Smith, email jo.bloggs@example.com')).toBe('j***@e***.com')
  })

  it('masks every word of a value it cannot classify', () => {
    expect(maskText('Sara Todd, 12 High St')).toBe('S*** T***, ** H*** S***')
  })
})

describe('maskIfPersonal, for other rules that quote a cell', () => {
  it('masks values that are personal on their own', () => {
    expect(maskIfPersonal('jane.doe@example.org')).toBe('j***@e***.org')
    expect(maskIfPersonal(' AB123456C ')).toBe('AB ** ** ** C')
    expect(maskIfPersonal('Mrs Sarah Jones')).toBe('Mrs S*** J***')
    expect(maskIfPersonal('07700 900123')).toBe('07700 ******')
    expect(maskIfPersonal('M32 0TH')).toBe('M32 0**')
    expect(maskIfPersonal('call jo.bloggs@example.com today')).toBe('call j***@e***.com today')
  })

  it('leaves ordinary values alone', () => {
    for (const value of ['Trafford Council', '1,100.00', 'M32', 'Grove Lane Allotments', '2025-09-03', 'x']) {
      expect(personalKindOf(value), value).toBeUndefined()
      expect(maskIfPersonal(value)).toBe(value)
    }
  })
})
