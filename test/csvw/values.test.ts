/** CSVW cell values: number patterns, date formats, XSD lexical forms, and the cell pipeline (trim, default, separator, null, required). */
import {describe, expect, it} from 'vitest'
import type {CsvwColumn, CsvwDatatype} from '../../src/metadata/csvw/types.js'
import {processCell} from '../../src/metadata/csvw/values/cell.js'
import {applyDatePattern, compileDatePattern} from '../../src/metadata/csvw/values/date-pattern.js'
import {parseDuration, parseXsdDate} from '../../src/metadata/csvw/values/dates.js'
import {compileNumberPattern} from '../../src/metadata/csvw/values/number-pattern.js'
import {parseNumber} from '../../src/metadata/csvw/values/numbers.js'
import {parseValue} from '../../src/metadata/csvw/values/parse-value.js'

const ok = (value: string, base: string, pattern?: string, groupChar: string | null = null, decimalChar = '.') =>
  parseNumber(value, base, pattern === undefined && groupChar === null ? undefined : {pattern, groupChar, decimalChar}).ok

describe('numbers without a pattern', () => {
  it('reads signs, decimals, exponents, percent and per-mille', () => {
    expect(parseNumber('-25%', 'decimal', undefined)).toEqual({ok: true, value: -0.25})
    expect(parseNumber('1E6', 'double', undefined)).toEqual({ok: true, value: 1_000_000})
    expect(parseNumber('123456.789‰', 'decimal', {groupChar: ',', decimalChar: '.'})).toMatchObject({ok: true, value: 123.456789})
    expect(parseNumber('007', 'integer', undefined)).toMatchObject({ok: true, integer: 7n})
  })

  it('separates groups and decimals with the characters the format gives', () => {
    expect(ok('123,456.789', 'decimal', undefined, ',')).toBe(true)
    expect(ok('123,456.789', 'decimal')).toBe(false)
    expect(ok('10.000,1', 'decimal', undefined, '.', ',')).toBe(true)
    expect(parseNumber('123,,456.789', 'decimal', {groupChar: ',', decimalChar: '.'})).toMatchObject({ok: false, reason: 'has two group separators (",") in a row'})
  })

  it('refuses what the datatype does not allow', () => {
    expect(ok('3.2', 'integer')).toBe(false)
    expect(ok('123.456E7', 'decimal')).toBe(false)
    expect(ok('NaN', 'decimal')).toBe(false)
    expect(ok('-INF', 'decimal')).toBe(false)
    expect(ok('NaN', 'double')).toBe(true)
    expect(ok('INF', 'float')).toBe(true)
    expect(ok('1z', 'double')).toBe(false)
    expect(ok('123456.789F10', 'decimal')).toBe(false)
  })

  it('keeps integers in their type range, beyond what a double holds exactly', () => {
    expect(ok('127', 'byte')).toBe(true)
    expect(ok('128', 'byte')).toBe(false)
    expect(ok('-1234', 'unsignedLong')).toBe(false)
    expect(ok('18446744073709551615', 'unsignedLong')).toBe(true)
    expect(ok('18446744073709551616', 'unsignedLong')).toBe(false)
    expect(ok('0', 'positiveInteger')).toBe(false)
    expect(ok('0', 'nonPositiveInteger')).toBe(true)
    expect(ok('-1', 'negativeInteger')).toBe(true)
  })
})

describe('number format patterns', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['##0', ['1', '12', '1234'], ['1,234', '12.3']],
    ['#,#00', ['12', '123', '1,234', '1,234,567'], ['1', '1234', '12,34', '12,34,567']],
    ['#,##,#00', ['12', '1,234', '12,34,567'], ['1', '1234', '12,34', '1,234,567']],
    ['#0.#', ['1', '1.2', '1234.5'], ['12.34', '1,234.5']],
    ['#0.0', ['1.2', '1234.5'], ['1', '12.34']],
    ['#0.0#', ['1.2', '1.23'], ['1', '12.345']],
    ['#0.0#,#', ['12.3', '12.34', '12.24,5'], ['1', '12.345', '12.34,567']],
    ['0.000,0##', ['1.199,9', '1.123,456'], ['1.123', '1.123,4567']],
    ['+0', ['+1'], ['1', '-1']],
    ['%000', ['%123', '%+123', '%-123'], ['123%', '%12']],
    ['000.0%', ['123.4%', '-123.4%'], ['123.4']],
    ['#0.###E#0', ['0.0E0', '10.10E1'], ['10.10']],
  ]
  for (const [pattern, valid, invalid] of cases) {
    it(`${pattern} takes ${valid.join(' ')} and refuses ${invalid.join(' ')}`, () => {
      const base = pattern.includes('.') || pattern.includes('%') ? 'decimal' : pattern.includes('E') ? 'double' : 'integer'
      for (const v of valid) expect(ok(v, pattern.includes('E') ? 'double' : base, pattern), v).toBe(true)
      for (const v of invalid) expect(ok(v, pattern.includes('E') ? 'double' : base, pattern), v).toBe(false)
    })
  }

  it('scales by percent and per-mille signs in the pattern', () => {
    expect(parseNumber('%-123', 'decimal', {pattern: '%000', decimalChar: '.', groupChar: null})).toMatchObject({ok: true, value: -1.23})
    expect(parseNumber('123‰', 'decimal', {pattern: '000‰', decimalChar: '.', groupChar: null})).toMatchObject({ok: true, value: 0.123})
  })

  it('explains a pattern that is not one', () => {
    expect(compileNumberPattern('[')).toBe('"[" has no digit placeholder (# or 0)')
    expect(typeof compileNumberPattern('0#')).toBe('string')
    expect(typeof compileNumberPattern('#,##0.00')).toBe('object')
  })
})

describe('date and time formats', () => {
  const read = (pattern: string, value: string) => {
    const compiled = compileDatePattern(pattern)
    if (typeof compiled === 'string') throw new Error(compiled)
    return applyDatePattern(value, compiled)
  }

  it('turns UK and other day-first and month-first dates into XSD dates', () => {
    expect(read('dd/MM/yyyy', '22/03/2015')).toBe('2015-03-22')
    expect(read('d/M/yyyy', '2/3/2015')).toBe('2015-03-02')
    expect(read('M/d/yyyy', '10/18/2010')).toBe('2010-10-18')
    expect(read('dd.MM.yyyy', '22.03.2015')).toBe('2015-03-22')
    expect(read('yyyyMMdd', '20150322')).toBe('2015-03-22')
    expect(read('dd/MM/yyyy', '22/3/2015')).toBeUndefined()
  })

  it('reads times, fractions of seconds and time zones', () => {
    expect(read('HH:mm', '15:02')).toBe('15:02:00')
    expect(read('HHmm XX', '1502 +0800')).toBe('15:02:00+08:00')
    expect(read('HH:mm:ssX', '15:02:37-05')).toBe('15:02:37-05:00')
    expect(read('HH:mm:ss.SS', '15:02:37.14')).toBe('15:02:37.14')
    expect(read('HH:mm:ss.S', '15:02:37.143')).toBeUndefined()
    expect(read('yyyy-MM-ddTHH:mm:ss', '2015-03-15T15:02:37')).toBe('2015-03-15T15:02:37')
    expect(read('d-M-yyyy HHmm X', '15-3-2015 1502 Z')).toBe('2015-03-15T15:02:00Z')
    expect(read('dd.MM.yyyy XXX', '22.03.2015 Z')).toBe('2015-03-22Z')
  })

  it('accepts only the formats CSVW defines', () => {
    expect(compileDatePattern('yy-MM-dd')).toMatch(/is not one of the date and time formats/)
    expect(compileDatePattern('dd/MM/yyyy HH:mm:ss')).toMatchObject({hasDate: true, hasTime: true})
  })

  it('checks XSD dates for real calendar days', () => {
    expect(parseXsdDate('2024-02-29', 'date').ok).toBe(true)
    expect(parseXsdDate('2023-02-29', 'date').ok).toBe(false)
    expect(parseXsdDate('2015-04-31', 'date').ok).toBe(false)
    expect(parseXsdDate('24:00:00', 'time').ok).toBe(true)
    expect(parseXsdDate('2015-03-15T15:02:37', 'dateTimeStamp').ok).toBe(false)
    expect(parseXsdDate('--02-29', 'gMonthDay').ok).toBe(true)
    expect(parseXsdDate('---31Z', 'gDay').ok).toBe(true)
    expect(parseXsdDate('9999-08:00', 'gYear').ok).toBe(true)
  })

  it('orders dates as instants, time zones included', () => {
    const a = parseXsdDate('2015-03-15T15:00:00Z', 'dateTime')
    const b = parseXsdDate('2015-03-15T16:00:00+01:00', 'dateTime')
    expect(a.ok && b.ok && a.value === b.value).toBe(true)
  })

  it('reads durations of each kind', () => {
    expect(parseDuration('P1DT2H', 'dayTimeDuration').ok).toBe(true)
    expect(parseDuration('P1Y', 'dayTimeDuration').ok).toBe(false)
    expect(parseDuration('P0Y20M', 'yearMonthDuration').ok).toBe(true)
    expect(parseDuration('PT', 'duration').ok).toBe(false)
    expect(parseDuration('Foo', 'duration').ok).toBe(false)
  })
})

describe('values against a datatype', () => {
  const check = (value: string, datatype: CsvwDatatype) => parseValue(value, datatype)

  it('applies boolean formats and regular expressions', () => {
    expect(check('Y', {base: 'boolean', format: 'Y|N'}).ok).toBe(true)
    expect(check('true', {base: 'boolean', format: 'Y|N'}).ok).toBe(false)
    expect(check('100', {base: 'boolean'}).ok).toBe(false)
    expect(check('AaAaA', {base: 'string', format: '[Bb]+'}).ok).toBe(false)
    // Matched as JavaScript matches: anywhere in the value, unless anchored.
    expect(check('xAAx', {base: 'string', format: 'A+'}).ok).toBe(true)
    expect(check('xAAx', {base: 'string', format: '^A+$'}).ok).toBe(false)
  })

  it('counts lengths in characters, and in bytes for binary data', () => {
    expect(check('token', {base: 'NMTOKEN', length: 5}).ok).toBe(true)
    expect(check('café', {base: 'string', maxLength: 4}).ok).toBe(true)
    expect(check('U2VuZCByZWluZm9yY2VtZW50cw==', {base: 'base64Binary', length: 19}).ok).toBe(true)
    expect(check('0FB7', {base: 'hexBinary', length: 2}).ok).toBe(true)
    expect(check('0FB', {base: 'hexBinary'}).ok).toBe(false)
  })

  it('checks value constraints on numbers and dates', () => {
    expect(check('4', {base: 'float', minInclusive: 5})).toMatchObject({ok: false, problem: {kind: 'range', constraint: 'minInclusive'}})
    expect(check('5', {base: 'float', minExclusive: 5}).ok).toBe(false)
    expect(check('2015-06-04', {base: 'date', minInclusive: '2015-06-05'}).ok).toBe(false)
    expect(check('2015-06-06', {base: 'date', maxExclusive: '2015-06-05'}).ok).toBe(false)
  })

  it('knows the XML name and token types', () => {
    expect(check('foo bar', {base: 'NMTOKEN'}).ok).toBe(false)
    expect(check('en-GB', {base: 'language'}).ok).toBe(true)
    expect(check('1abc', {base: 'NCName'}).ok).toBe(false)
    expect(check(' padded', {base: 'token'}).ok).toBe(false)
    expect(check('{"a": 1}', {base: 'json'}).ok).toBe(true)
  })
})

describe('the cell pipeline', () => {
  const column = (props: Partial<CsvwColumn>): CsvwColumn => ({
    number: 1, name: 'c', nameGiven: true, titles: {}, virtual: false, suppressOutput: false, required: false, null: [''], default: '',
    separator: null, ordered: false, lang: 'und', textDirection: 'inherit', datatype: {base: 'string'}, pointer: '', file: 'm.json', ...props,
  })

  it('collapses whitespace for non-string types but keeps it in strings', () => {
    expect(processCell('  12  ', column({datatype: {base: 'integer'}})).problems).toEqual([])
    expect(processCell('a\tb', column({datatype: {base: 'NMTOKEN'}})).problems).toHaveLength(1)
    expect(processCell('a\tb', column({datatype: {base: 'string'}})).keys).toEqual(['a\tb'])
  })

  it('uses the default for empty cells, before null values are recognised', () => {
    expect(processCell('', column({default: '0', datatype: {base: 'integer'}})).keys).toEqual(['0'])
    expect(processCell('', column({required: true}))).toMatchObject({isNull: true, missing: true})
    expect(processCell('NULL', column({null: ['NULL'], required: true}))).toMatchObject({isNull: true, missing: true})
  })

  it('splits lists on the separator and checks each item', () => {
    const list = column({separator: ' ', datatype: {base: 'NMTOKEN', minLength: 2}})
    const result = processCell('a bb ccc', list)
    expect(result.problems.map((p) => p.value)).toEqual(['a'])
    expect(processCell('', column({separator: ';', required: true})).missing).toBe(true)
  })
})
