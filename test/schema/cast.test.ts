/**
 * Reading cells as Table Schema values: strftime patterns as Python's strptime reads them (the
 * fast path for numeric patterns agrees with the general one on any text), numbers with
 * Frictionless' bareNumber rules, bigints, and the pattern runner that never backtracks badly.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {casterFor, INVALID, keyOf} from '../../src/metadata/table-schema/cast/index.js'
import {compileStrptime, compileStrptimeRegex, daysFromCivil} from '../../src/metadata/table-schema/cast/strptime.js'
import {isLinearInV8, patternTest} from '../../src/checks/schema/pattern.js'

const cast = (type: string, format = 'default', extra = {}) => casterFor({type: type as never, format, ...extra})!

describe('strftime patterns', () => {
  it('reads as Python does: one or two digits, a space before a single-digit day, impossible dates refused', () => {
    const uk = compileStrptime('%d/%m/%Y')
    expect(uk.parse('1/3/2024')).toMatchObject({year: 2024, month: 3, day: 1})
    expect(uk.parse(' 1/3/2024')).toMatchObject({day: 1})
    for (const bad of ['31/02/2024', '29/02/2023', '00/01/2024', '1/13/2024', '1/3/24', '01/03/2024 ', '010/3/2024', '1/3/0000']) expect(uk.parse(bad), bad).toBeUndefined()
    expect(compileStrptime('%d/%m/%y').parse('01/03/69')).toMatchObject({year: 1969})
    expect(compileStrptime('%d/%m/%y').parse('01/03/68')).toMatchObject({year: 2068})
    expect(compileStrptime('%d %B %Y').parse('1 march 2024')).toMatchObject({month: 3})
    expect(compileStrptime('%I:%M %p').parse('12:30 AM')).toMatchObject({hour: 0, minute: 30})
    expect(compileStrptime('%Y%m%d').parse('20240229')).toMatchObject({year: 2024, month: 2, day: 29})
    expect(() => compileStrptime('%d/%q/%Y')).toThrow(/"%q"/)
  })

  it('gives the same answer on its fast path as with Python\'s regular expressions, for any text', () => {
    const patterns = ['%d/%m/%Y', '%d-%m-%y', '%d/%m/%Y %H:%M', '%H:%M:%S', '%Y.%m.%d', '%d/%m/%YT%H:%M']
    const text = fc.stringMatching(/^[ 0-9/:.T-]{0,20}$/)
    const plausible = fc.tuple(fc.integer({min: 0, max: 40}), fc.integer({min: 0, max: 14}), fc.integer({min: 0, max: 2100}), fc.integer({min: 0, max: 70})).map(([d, m, y, h]) => `${d}/${m}/${y} ${h}:${d}`)
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.oneof(text, plausible), (pattern, value) => {
        expect(compileStrptime(pattern).parse(value)).toEqual(compileStrptimeRegex(pattern).parse(value))
      }),
      {numRuns: 3000},
    )
  })

  it('turns dates into days since 1970 and datetimes into UTC milliseconds', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0)
    expect(daysFromCivil(2024, 3, 1) - daysFromCivil(2024, 2, 28)).toBe(2)
    expect(cast('datetime')('2024-03-31T01:30:00+01:00')).toBe(Date.UTC(2024, 2, 31, 0, 30))
    expect(cast('datetime', '%d/%m/%Y %H:%M')('31/03/2024 01:30')).toBe(Date.UTC(2024, 2, 31, 1, 30))
    expect(cast('date', 'any')('31 March 2024')).toBe(cast('date')('2024-03-31'))
    expect(cast('date', 'any')('03/04/2024')).toBe(cast('date')('2024-04-03'))
  })
})

describe('numbers', () => {
  it('drops text around the number only with bareNumber: false, and removes every groupChar', () => {
    const money = cast('number', 'default', {bareNumber: false, groupChar: ','})
    expect(money('£1,250.50')).toBe(1250.5)
    expect(money('12.5%')).toBe(12.5)
    expect(money('1,250 GBP')).toBe(1250)
    expect(cast('number')('£1')).toBe(INVALID)
    expect(cast('number', 'default', {decimalChar: ',', groupChar: '.'})('1.234,5')).toBe(1234.5)
    expect(Number.isNaN(cast('number')('NaN'))).toBe(true)
    expect(cast('number')('-INF')).toBe(-Infinity)
  })

  it('reads any decimal exactly as Number() does, on its own fast path too (up to 15 digits, no exponent)', () => {
    const number = cast('number')
    const digits = fc.stringMatching(/^[0-9]{0,20}$/)
    const text = fc.tuple(fc.constantFrom('', '-', '+'), digits, fc.constantFrom('', '.'), digits, fc.constantFrom('', 'e5', 'E-3')).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (t) => {
        const valid = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)
        expect(Object.is(number(t), valid ? Number(t) : INVALID), t).toBe(true)
      }),
      {numRuns: 2000},
    )
    for (const [t, v] of [['-0', -0], ['28694.52', 28694.52], ['0.1', 0.1], ['123456789012345', 123456789012345], ['1234567890.123456', 1234567890.123456], ['.5', 0.5], ['7.', 7]] as const) expect(Object.is(number(t), v), t).toBe(true)
  })

  it('keeps integers beyond 2^53 exact, and equal values equal', () => {
    expect(cast('integer')('9007199254740993')).toBe(9007199254740993n)
    expect(keyOf(cast('integer')('007'))).toBe(keyOf(cast('integer')('+7')))
    expect(keyOf(cast('number')('1.50'))).toBe(keyOf(cast('number')('1.5')))
    expect(cast('integer')('1.0')).toBe(INVALID)
  })
})

describe('patterns', () => {
  it('runs simple code patterns on V8 and anything that could backtrack badly on RE2', () => {
    expect(isLinearInV8('TX[0-9]{8}')).toBe(true)
    expect(isLinearInV8('E0[5-9]\\d{6}')).toBe(true)
    expect(isLinearInV8('[A-Z]+-\\d{4}')).toBe(true)
    expect(isLinearInV8('(a+)+b')).toBe(false)
    expect(isLinearInV8('\\d*\\d*x')).toBe(false)
    expect(isLinearInV8('a|b')).toBe(false)
    for (const pattern of ['TX[0-9]{8}', '(a+)+b', '[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}']) {
      const test = patternTest(pattern)
      expect(test('TX12345678')).toBe(pattern === 'TX[0-9]{8}')
    }
    const evil = patternTest('(a|aa)+$')
    const started = performance.now()
    expect(evil('a'.repeat(50_000) + 'b')).toBe(false)
    expect(performance.now() - started).toBeLessThan(3000)
  })
})
