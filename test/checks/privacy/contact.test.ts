import {describe, expect, it} from 'vitest'
import {classifyPostcode, findEmails, findFullPostcode, isIpAddress, isRoleAddress, parseUkPhone} from '../../../src/checks/privacy/validators/contact.js'

describe('postcodes', () => {
  it('tells a full postcode from a district or sector', () => {
    expect(classifyPostcode('M32 0TH')).toBe('full')
    expect(classifyPostcode('m320th')).toBe('full')
    expect(classifyPostcode('WA15 9AB')).toBe('full')
    expect(classifyPostcode('EC1A 1BB')).toBe('full')
    expect(classifyPostcode('W1A 0AX')).toBe('full')
    expect(classifyPostcode('GIR 0AA')).toBe('full')
    expect(classifyPostcode('M32')).toBe('district')
    expect(classifyPostcode('WA15')).toBe('district')
    expect(classifyPostcode('M32 0')).toBe('sector')
  })

  it('rejects letters a postcode never uses', () => {
    // Q, V and X never start a postcode; C, I, K, M, O and V never end one.
    expect(classifyPostcode('Q1 1AA')).toBeUndefined()
    expect(classifyPostcode('M32 0TC')).toBeUndefined()
    expect(classifyPostcode('E05000819')).toBeUndefined()
    expect(classifyPostcode('BLFX')).toBeUndefined()
  })

  it('finds the full postcode at the end of an address', () => {
    expect(findFullPostcode('Ackroyd Avenue, Abbey Hey, M18 8TL')).toBe('M18 8TL')
    expect(findFullPostcode('Coral 35 - 37 Church Street Eccles  M30 0BJ')).toBe('M30 0BJ')
    expect(findFullPostcode('M300BJ')).toBe('M30 0BJ')
    expect(findFullPostcode('Church Street, M30')).toBeUndefined()
    expect(findFullPostcode('M30 0BJ is the office')).toBeUndefined()
  })
})

describe('email addresses', () => {
  it('finds a whole-cell address or addresses inside text', () => {
    expect(findEmails('jane.doe@example.org')).toEqual(['jane.doe@example.org'])
    expect(findEmails('mailto:jane.doe@example.org')).toEqual(['jane.doe@example.org'])
    expect(findEmails('call or email jo.bloggs@example.com, or a.n.other@example.co.uk.')).toEqual(['jo.bloggs@example.com', 'a.n.other@example.co.uk'])
    expect(findEmails('no address @ all')).toEqual([])
    expect(findEmails('user@localhost')).toEqual([])
  })

  it('knows role and team mailboxes', () => {
    for (const address of ['foi@example.gov.uk', 'info@example.org', 'enquiries@example.com', 'customer.services@example.gov.uk', 'elections@trafford.gov.uk', 'contactus@communities.gsi.gov.uk', 'ScotlandOfficeStrategyBranchMailbox@example.gsi.gov.uk', 'geniepointsupport@example.com', 'planning@example.gov.uk', 'wasteteam@example.gov.uk']) {
      expect(isRoleAddress(address), address).toBe(true)
    }
  })

  it('knows personal mailboxes, including single-name ones and a person at a council', () => {
    for (const address of ['jane.doe@example.org', 'laura.fretwell@nio.x.gsi.gov.uk', 'philip@example.gov.uk', 'jwebb@example.com', 'frjonmitchell@me.com']) {
      expect(isRoleAddress(address), address).toBe(false)
    }
  })
})

describe('UK phone numbers', () => {
  it('accepts national and international forms', () => {
    expect(parseUkPhone('0161 496 0123')).toEqual({mobile: false, organisational: false})
    expect(parseUkPhone('01614960123')).toEqual({mobile: false, organisational: false})
    expect(parseUkPhone('(0161) 496-0123')).toEqual({mobile: false, organisational: false})
    expect(parseUkPhone('07700 900123')).toEqual({mobile: true, organisational: false})
    expect(parseUkPhone('+44 (0)7700 900123')).toEqual({mobile: true, organisational: false})
    expect(parseUkPhone('0044 20 7946 0000')).toEqual({mobile: false, organisational: false})
    expect(parseUkPhone('Tel: 0303 444 0000')).toEqual({mobile: false, organisational: false})
    expect(parseUkPhone('0800 496 0000')).toEqual({mobile: false, organisational: true})
    expect(parseUkPhone('016977 2345')).toEqual({mobile: false, organisational: false})
  })

  it('rejects numbers that are not UK phone numbers', () => {
    expect(parseUkPhone('1901095785')).toBeUndefined()
    expect(parseUkPhone('0777 123')).toBeUndefined()
    expect(parseUkPhone('+1 212 555 0100')).toBeUndefined()
    expect(parseUkPhone('07700 900123 ext 4')).toBeUndefined()
    expect(parseUkPhone('02.04.2013')).toBeUndefined()
  })
})

describe('IP addresses', () => {
  it('accepts IPv4 and IPv6', () => {
    expect(isIpAddress('192.0.2.10')).toBe(true)
    expect(isIpAddress('2001:db8::8a2e:370:7334')).toBe(true)
    expect(isIpAddress('[2001:db8::1]:443')).toBe(true)
  })

  it('rejects dotted dates, times and out-of-range octets', () => {
    expect(isIpAddress('02.04.2013')).toBe(false)
    expect(isIpAddress('256.1.1.1')).toBe(false)
    expect(isIpAddress('01.2.3.4')).toBe(false)
    expect(isIpAddress('12:30:00')).toBe(false)
    expect(isIpAddress('0.0.0.0')).toBe(false)
    expect(isIpAddress('::1')).toBe(false)
  })
})
