import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {findingsOf, ruleTester} from '../helpers/rule-tester.js'
import {parseNumber, valueKind} from '../../src/checks/values/value-kind.js'

ruleTester('cell-whitespace', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        // The header label "Address " first: it is row 1.
        {rowNumber: 1, line: 1, fieldNumber: 2, details: {value: 'Address ', trimmed: 'Address', leading: false, trailing: true}},
        {rowNumber: 2, fieldNumber: 2, details: {value: '1 Dane Road ', trailing: true}},
        {rowNumber: 3, fieldNumber: 1, fieldName: 'Site', details: {value: ' Hale', leading: true, trailing: false}},
        {rowNumber: 4, fieldNumber: 2, details: {value: ' ', leading: true, trailing: true}},
        // Row 5 holds nothing but spaces: a blank row, not five whitespace findings.
        {rowNumber: 6, line: 6, fieldNumber: 3, details: {value: '\u00a05', leading: true}},
      ],
    },
  ],
})

ruleTester('spreadsheet-error-value', {
  // "#1" is a rank and "N/A" a placeholder, not formula errors.
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 3, fieldName: 'Share', details: {value: '#DIV/0!'}},
        {rowNumber: 2, fieldNumber: 4, details: {value: '#N/A'}},
        {rowNumber: 3, fieldNumber: 4, details: {value: '#REF!'}},
        {rowNumber: 4, line: 4, fieldNumber: 2, details: {value: '#VALUE!'}},
        // Excel's dynamic-array error is a default since it joined the list.
        {rowNumber: 4, fieldNumber: 4, details: {value: '#SPILL!'}},
      ],
    },
    // `values` replaces the defaults; `additionalValues` adds to them.
    {
      file: 'invalid.csv',
      options: {values: ['#REF!'], additionalValues: ['#SPILL!']},
      findings: [{rowNumber: 3, fieldNumber: 4, details: {value: '#REF!'}}, {rowNumber: 4, fieldNumber: 4, details: {value: '#SPILL!'}}],
    },
    // Excel's newer errors, in any case, and cells of three or more #s (a number too wide for
    // its column, saved as displayed); "##", "#1" and "# of sites" are not errors.
    {
      file: 'newer-errors.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 3, details: {value: '#SPILL!'}},
        {rowNumber: 2, fieldNumber: 4, details: {value: '#CALC!'}},
        {rowNumber: 2, fieldNumber: 5, details: {value: '#FIELD!'}},
        {rowNumber: 3, fieldNumber: 2, details: {value: '#BLOCKED!'}},
        {rowNumber: 3, fieldNumber: 3, details: {value: '#CONNECT!'}},
        {rowNumber: 3, fieldNumber: 4, details: {value: '#busy!'}},
        {rowNumber: 3, fieldNumber: 5, details: {value: '#UNKNOWN!'}},
        {rowNumber: 4, fieldNumber: 2, details: {value: '#GETTING_DATA'}},
        {rowNumber: 4, fieldNumber: 3, details: {value: '#EXTERNAL!'}},
        {rowNumber: 4, fieldNumber: 4, details: {value: '#TIMEOUT!'}},
        {rowNumber: 4, fieldNumber: 5, details: {value: '#PYTHON!'}},
        {rowNumber: 5, line: 5, fieldNumber: 2, fieldName: 'Population', details: {value: '########'}},
        {rowNumber: 5, fieldNumber: 4, details: {value: '###'}},
        {rowNumber: 5, fieldNumber: 5, details: {value: '#'.repeat(50)}},
      ],
    },
    // Only the #s are looked for when the values start with other characters.
    {file: 'newer-errors.csv', options: {values: ['Err:502']}, findings: [{rowNumber: 5, fieldNumber: 2, details: {value: '########'}}, {rowNumber: 5, fieldNumber: 4}, {rowNumber: 5, fieldNumber: 5}]},
    // LibreOffice's "Err:502" starts with no #: rows without a # are still read for it, in either case.
    {
      file: 'other-initials.csv',
      options: {additionalValues: ['Err:502', 'Err:508']},
      findings: [{rowNumber: 3, fieldNumber: 2, details: {value: 'ERR:502'}}, {rowNumber: 4, fieldNumber: 3, details: {value: 'err:508'}}],
    },
    // A value of spaces alone is allowed by the options' schema and matches nothing.
    {file: 'other-initials.csv', options: {additionalValues: ['Err:502', '  ']}, findings: [{rowNumber: 3, fieldNumber: 2, details: {value: 'ERR:502'}}]},
  ],
})

ruleTester('placeholder-value', {
  // "Redacted Personal Data" is a deliberate marker; "NA" among two-letter country codes is Namibia;
  // "-" and "?" beside "A", "B" and "C" in a Code column are codes too.
  valid: ['valid.csv', 'country-codes.csv', 'codes.csv'],
  invalid: [
    // "Null" among surnames is a name; NULL and null among middle names are placeholders (one, ignoring case).
    {file: 'surnames.csv', findings: [{rowNumber: 2, line: 2, fieldNumber: 3, fieldName: 'Middle name', details: {value: 'NULL', count: 3, rowNumbers: [2, 3, 5]}}]},
    // "-" is a grade among grades, but a missing answer among Y and N, and a missing count among numbers.
    {
      file: 'codes-and-counts.csv',
      findings: [
        {rowNumber: 3, fieldNumber: 4, fieldName: 'Visits', details: {value: '-', count: 1}},
        {rowNumber: 4, fieldNumber: 3, fieldName: 'Attended', details: {value: '-', count: 1}},
        {rowNumber: 5, fieldNumber: 4, details: {value: '?', count: 1}},
      ],
    },
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, line: 2, fieldNumber: 4, fieldName: 'Bonus', details: {value: 'NA', count: 7, rowNumbers: [2, 3, 5, 6, 7]}},
        {rowNumber: 3, fieldNumber: 1, fieldName: 'Name', details: {value: 'NA', count: 6, rowNumbers: [3, 4, 6, 7, 8]}},
        {rowNumber: 3, fieldNumber: 5, details: {value: 'TBC', count: 1, rowNumbers: [3]}},
        // Spelled differently, so listed apart: the publisher should settle on one convention.
        {rowNumber: 4, fieldNumber: 4, details: {value: 'n/a', count: 1}},
        {rowNumber: 5, fieldNumber: 5, details: {value: '-', count: 1}},
      ],
    },
    {
      file: 'invalid.csv',
      options: {values: ['TBC'], maxRows: 2},
      findings: [{rowNumber: 3, fieldNumber: 5, details: {value: 'TBC', count: 1, rowNumbers: [3]}}],
    },
    {
      file: 'invalid.csv',
      options: {maxRows: 2},
      findings: [
        {rowNumber: 2, fieldNumber: 4, details: {count: 7, rowNumbers: [2, 3]}},
        {rowNumber: 3, fieldNumber: 1, details: {count: 6, rowNumbers: [3, 4]}},
        {rowNumber: 3, fieldNumber: 5},
        {rowNumber: 4, fieldNumber: 4},
        {rowNumber: 5, fieldNumber: 5},
      ],
    },
  ],
})

ruleTester('inconsistent-values', {
  // Amounts with credit notes, brackets, £ and thousands separators are one kind; N/A and NA are not counted.
  // Dates with and without zero padding, or with a time after them, are one format.
  valid: ['valid.csv', {file: 'invalid.csv', options: {threshold: 0.75}}, {file: 'invalid.csv', options: {minValues: 20}}, 'one-date-format.csv', {file: 'mixed-date-formats.csv', options: {minValues: 21}}],
  invalid: [
    // Half ISO, half dd/mm/yyyy: all dates, but two formats.
    {
      file: 'mixed-date-formats.csv',
      findings: [
        {
          rowNumber: 3,
          line: 3,
          fieldNumber: 3,
          fieldName: 'Opened',
          details: {
            formats: {'dd/mm/yyyy': 10, 'yyyy-mm-dd': 10},
            examples: {'dd/mm/yyyy': '01/03/2023', 'yyyy-mm-dd': '2023-03-02'},
            exampleRows: {'dd/mm/yyyy': 2, 'yyyy-mm-dd': 3},
            dominant: 'dd/mm/yyyy',
            share: 0.5,
            total: 20,
            value: '2023-03-02',
          },
        },
      ],
    },
    // Mostly invoice numbers, a few of them date-like in two formats: the mix of kinds is the finding, not the dates' formats.
    {file: 'invoice-dates.csv', findings: [{rowNumber: 9, fieldNumber: 2, details: {counts: {date: 6, text: 14}, dominant: 'text'}}]},
    // The first date outside the main format is where a fix starts.
    {
      file: 'named-months.csv',
      findings: [{rowNumber: 2, fieldNumber: 2, details: {formats: {'d mmm yyyy': 4, 'd-mmm-yyyy': 8}, exampleRows: {'d mmm yyyy': 2, 'd-mmm-yyyy': 3}, dominant: 'd-mmm-yyyy', value: '1 March 2023'}}],
    },
    {
      file: 'invalid.csv',
      findings: [
        {
          rowNumber: 6,
          line: 6,
          fieldNumber: 2,
          fieldName: 'Plots',
          // "Not known" is a placeholder, so 14 values are judged, not 15.
          details: {counts: {integer: 11, text: 3}, dominant: 'number', share: 0.786, total: 14, value: 'Currently unavailable'},
        },
      ],
    },
  ],
})

describe('value kinds', () => {
  it.each([
    ['12', 'integer'],
    ['-218.40', 'decimal'],
    ['1,100.00', 'decimal'],
    ['£2,500', 'integer'],
    ['(1234.56)', 'decimal'],
    ['5,303.57-', 'decimal'],
    ['12.5%', 'decimal'],
    ['03/09/2014', 'date'],
    ['24/09/14', 'date'],
    ['02.04.2013', 'date'],
    ['2014-09-03', 'date'],
    ['11-Sep-12', 'date'],
    ['May-12', 'date'],
    ['1 September 2014', 'date'],
    ['2014-09-03T10:15:00Z', 'datetime'],
    ['03/09/2014 10:15', 'datetime'],
    ['Nov 21 2014 12:00AM', 'datetime'],
    ['10:15', 'time'],
    ['Y', 'boolean'],
    ['false', 'boolean'],
    ['0161 980 6090', 'digits'],
    ['E05000650', 'text'],
    ['2014/15', 'text'],
    ['CHILDREN IN CARE', 'text'],
    ['Ward 5', 'text'],
  ])('%s is %s', (value, kind) => {
    expect(valueKind(value)).toBe(kind)
  })

  it.each([
    ['1,100.00', 1100],
    ['-218.40', -218.4],
    ['(1,234.56)', -1234.56],
    ['£-50', -50],
    ['-£50', -50],
    ['5,303.57-', -5303.57],
    [' 42 ', 42],
    ['E05000650', undefined],
    ['12%', undefined],
    ['Total', undefined],
  ])('%s reads as the number %s', (value, number) => {
    expect(parseNumber(value)).toBe(number)
  })

  it('reads a plain number as exactly the double Number() gives, however many digits', () => {
    const digits = fc.stringMatching(/^[0-9]{0,19}$/)
    const plain = fc.tuple(fc.constantFrom('', '-'), digits, fc.constantFrom('', '.'), digits).map((p) => p.join('')).filter((v) => /^-?(\d+(\.\d+)?|\.\d+)$/.test(v))
    fc.assert(
      fc.property(plain, (v) => {
        expect(Object.is(parseNumber(v), Number(v)), v).toBe(true)
      }),
      {numRuns: 2000},
    )
  })
})

describe('cell-whitespace messages', () => {
  it('names a spaced column name as a user would type it, without the spaces', async () => {
    const {findings} = await findingsOf('cell-whitespace', 'invalid.csv')
    expect(findings[0].message).toContain('Column name "Address " ends with a space, so it will not match "Address" as users type it')
  })

  it('says which whitespace a cell starts or ends with, since a quoted value cannot show line breaks or tabs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-whitespace-'))
    try {
      const file = join(dir, 'planning.csv')
      await writeFile(file, 'ref,proposal\r\n1,"Display of one fascia sign\r\r\r"\r\n2,\tTwo flats\r\n3,Shop\u00a0 \r\n')
      const config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
      const result = await run({inputs: [file], cwd: dir, config, only: ['cell-whitespace']})
      expect(result.tables[0].findings.map((f) => [f.rowNumber, f.fieldNumber, f.message])).toEqual([
        [2, 2, 'Column "proposal" in row 2 ends with 3 line breaks: "Display of one fascia sign"'],
        [3, 2, 'Column "proposal" in row 3 starts with a tab: "Two flats"'],
        [4, 2, 'Column "proposal" in row 4 ends with a non-breaking space and a space: "Shop"'],
      ])
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })
})

describe('cell values in findings are masked when personal', () => {
  it('shows an email or phone number with stray spaces only in masked form', async () => {
    const {findings} = await findingsOf('cell-whitespace', 'personal.csv')
    expect(findings.map((f) => [f.rowNumber, f.fieldNumber])).toEqual([[2, 1], [3, 2]])
    const shown = JSON.stringify(findings)
    expect(shown).not.toContain('jane.doe')
    expect(shown).not.toContain('912 5678')
    expect(findings[0].details).toMatchObject({trailing: true})
  })
})

describe('spreadsheet-error-value on cells of #s', () => {
  it('tells a column too narrow for its numbers from a failed formula', async () => {
    const {findings} = await findingsOf('spreadsheet-error-value', 'newer-errors.csv')
    const byCell = findings.map((f) => [f.rowNumber, f.fieldNumber, f.details?.tooNarrow])
    expect(byCell).toContainEqual([5, 2, true])
    expect(byCell).toContainEqual([2, 3, undefined])
  })
})
