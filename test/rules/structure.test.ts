import {describe, expect, it} from 'vitest'
import {findingsOf, ruleTester} from '../helpers/rule-tester.js'

ruleTester('blank-row', {
  valid: ['valid.csv'],
  invalid: [{file: 'invalid.csv', findings: [{rowNumber: 3, line: 3}, {rowNumber: 5, line: 5}]}],
})

ruleTester('extra-cell', {
  // Values wrapped in ' hold the commas: ' is the quote character there.
  valid: ['valid.csv', 'single-quotes.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 3, details: {value: 'x'}},
        {rowNumber: 4, fieldNumber: 3},
        {rowNumber: 4, fieldNumber: 4},
      ],
    },
    // Two unquoted "Smith, J & Sons" in 40 rows, and "; " inside every description: still a comma file.
    {
      file: 'unquoted-commas.csv',
      findings: [
        {rowNumber: 9, fieldNumber: 6, details: {value: 'E05000650'}},
        {rowNumber: 25, fieldNumber: 6, details: {value: 'E05000650'}},
      ],
    },
  ],
})

ruleTester('missing-cell', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 3, fieldName: 'ward'},
        {rowNumber: 4, fieldNumber: 2, fieldName: 'name'},
        {rowNumber: 4, fieldNumber: 3, fieldName: 'ward'},
      ],
    },
  ],
})

ruleTester('blank-label', {
  valid: ['valid.csv'],
  invalid: [
    {file: 'invalid.csv', findings: [{rowNumber: 1, fieldNumber: 2}, {rowNumber: 1, fieldNumber: 4}]},
    // Two labels over six filled columns: a header with blank labels, not a title row above a headerless table.
    {file: 'few-labels.csv', findings: [3, 4, 5, 6].map((fieldNumber) => ({rowNumber: 1, fieldNumber}))},
  ],
})

ruleTester('no-data-rows', {
  valid: ['valid.csv'],
  invalid: [{file: 'invalid.csv', findings: [{rowNumber: 1, line: 1, details: {header: 'Ward code, Ward name, Plots', fieldCount: 3}}]}],
})

ruleTester('duplicate-label', {
  valid: ['valid.csv'],
  invalid: [{file: 'invalid.csv', findings: [{rowNumber: 1, fieldNumber: 3, fieldName: 'id', details: {firstFieldNumber: 1}}, {rowNumber: 1, fieldNumber: 4, details: {firstFieldNumber: 2}}]}],
})

ruleTester('source-error', {
  valid: ['valid.csv'],
  invalid: [
    {file: 'empty.csv', findings: [{details: {reason: 'empty'}}]},
    {file: 'binary.csv', findings: [{details: {reason: 'binary'}}]},
    {file: 'spend-gzipped.csv', findings: [{details: {reason: 'binary'}}]},
  ],
})

describe('source-error on a compressed table', () => {
  it.each([
    ['spend.csv.bz2', 'bzip2-compressed', 'bunzip2 -k'],
    ['spend.csv.xz', 'xz-compressed', 'unxz -k'],
  ])('says %s is %s and how to decompress it', async (file, kind, command) => {
    const {findings} = await findingsOf('source-error', file)
    expect(findings).toHaveLength(1)
    expect(findings[0].message).toBe(`source-error/${file} is ${kind}: odcheck reads tables uncompressed, so decompress it first (${command}) and check the file inside.`)
  })

  it('names the archive a file is by its first bytes, for RDF as for tables', async () => {
    expect((await findingsOf('source-error', 'lights-gzipped.nt')).findings.map((f) => f.message)).toEqual([
      'source-error/lights-gzipped.nt is gzip-compressed, though its name does not end in .gz: add .gz to its name (odcheck reads inside .gz files) and check it again, and publish it under a name that says what it is.',
    ])
    expect((await findingsOf('source-error', 'binary.csv')).findings.map((f) => f.message)).toEqual([
      'source-error/binary.csv is a ZIP archive (an .xlsx workbook is one): name it .zip (or .xlsx) and odcheck reads what is inside, or export the sheet as CSV.',
    ])
  })

  it('says a gzipped file without a .gz name is gzip-compressed, and to name it so', async () => {
    const {findings} = await findingsOf('source-error', 'spend-gzipped.csv')
    expect(findings[0].message).toBe('source-error/spend-gzipped.csv is gzip-compressed, though its name does not end in .gz: add .gz to its name (odcheck reads inside .gz files) and check it again, and publish it under a name that says what it is.')
  })
})

ruleTester('unclosed-quote', {
  valid: ['valid.csv'],
  // The quote opened in row 3 swallows the rest of the file; the problem is where it opened.
  invalid: [{file: 'invalid.csv', findings: [{rowNumber: 3, line: 3, details: {quoteChar: '"'}}]}],
})

ruleTester('stray-quote', {
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, line: 2, fieldNumber: 2, fieldName: 'Description', details: {value: '12" pots for sale', backslash: false}},
        {rowNumber: 3, line: 3, fieldNumber: 2, details: {value: '"Quiet" garden', backslash: false}},
        // Escaped with backslashes, as hand-built HTML exports do: the finding says so, for its own advice.
        {rowNumber: 4, line: 4, fieldNumber: 2, details: {value: '"<a href=\\"http://example.org\\">map</a>"', backslash: true}},
      ],
    },
  ],
})

ruleTester('mixed-line-endings', {
  // CRLF rows with a CRLF inside a quoted cell; LF rows with an LF inside one; line breaks inside
  // values of another kind than the rows' (Excel's Alt+Enter is LF in CRLF rows; LF rows with CRLF and CR in values).
  valid: ['valid.csv', 'lf.csv', 'alt-enter.csv', 'in-cells.csv'],
  invalid: [
    // Rows 3 and 4 end with LF among CRLF rows: the finding is at the first of them.
    {file: 'invalid.csv', findings: [{rowNumber: 3, line: 3, details: {crlf: 3, lf: 2, cr: 0, kinds: ['crlf', 'lf'], mostCommon: 'CRLF', ending: 'LF', differing: 2}}]},
    // Row 4 (line 5, below a two-line value) is the first LF row; the CRLF inside the value is not a row's ending.
    {file: 'one-lf.csv', findings: [{rowNumber: 4, line: 5, details: {crlf: 5, lf: 2, cr: 0, inCells: {crlf: 1, lf: 0, cr: 0}, mostCommon: 'CRLF', ending: 'LF', differing: 2}}]},
    // The header is the odd one out.
    {file: 'header-lf.csv', findings: [{rowNumber: 1, line: 1, details: {crlf: 3, lf: 1, mostCommon: 'CRLF', ending: 'LF', differing: 1}}]},
  ],
})

ruleTester('nonrfc-line-breaks', {
  // CRLF rows (an LF inside a quoted value does not count); a mixed file is mixed-line-endings' finding.
  valid: ['valid.csv', 'mixed.csv'],
  invalid: [
    {file: 'lf.csv', findings: [{details: {kind: 'LF', count: 4, crlf: 0, lf: 4, cr: 0}}]},
    {file: 'cr.csv', findings: [{details: {kind: 'CR', count: 3}}]},
  ],
})

ruleTester('title-row', {
  // Labels right above the data, some blank, are the header (see blank-label), not a title.
  // Nor is a two-column table's first record with an empty value, unless a header plainly follows.
  valid: ['valid.csv', 'few-labels.csv', 'short-header.csv', 'two-columns-valid.csv', 'two-columns-no-header.csv'],
  invalid: [
    {
      file: 'title.csv',
      findings: [
        {rowNumber: 1, line: 1, details: {text: 'Trafford Council Spend September 2025', headerRowNumber: 4}},
        {rowNumber: 2, line: 2, details: {text: 'Published 1 October 2025', headerRowNumber: 4}},
      ],
    },
    {
      file: 'split-header.csv',
      findings: [
        {rowNumber: 1, details: {text: 'May-25', headerRowNumber: 4}},
        {rowNumber: 3, line: 3, details: {text: 'Transaction', headerRowNumber: 4}},
      ],
    },
    {file: 'blank-lines.csv', findings: [{rowNumber: 1, line: 1, details: {count: 2, headerRowNumber: 3}}]},
    {file: 'two-columns.csv', findings: [{rowNumber: 1, line: 1, details: {text: 'Allotment sites', headerRowNumber: 2}}]},
    // A title, a blank line, then data with no header: the finding does not call row 3 a header.
    {file: 'no-header.csv', findings: [{rowNumber: 1, line: 1, details: {text: 'Ward populations 2021', headerRowNumber: 3, header: false}}]},
    // A two-column table pasted above the real one: one finding for the whole block.
    {file: 'block.csv', findings: [{rowNumber: 1, line: 1, details: {text: 'EXAMPLES OF CARD EXPENDITURE', count: 18, headerRowNumber: 19}}]},
  ],
})

ruleTester('single-column', {
  // A genuine one-column list is not a wrong delimiter.
  valid: ['list.csv'],
  invalid: [
    {file: 'colon.csv', findings: [{rowNumber: 1, line: 1, details: {delimiter: ',', tried: [',', ';', 'tab', '|'], candidates: [':'], sample: 'Ward:Population:Area'}}]},
    {file: 'quoted-lines.csv', findings: [{rowNumber: 1, details: {candidates: [','], sample: 'Ward,Population,Area'}}]},
    // --delimiter ";" on a comma file: nothing was sniffed, so nothing was tried; the lines hold commas.
    {file: 'given-delimiter.csv', run: {delimiter: ';'}, findings: [{rowNumber: 1, line: 1, details: {delimiter: ';', given: true, tried: undefined, candidates: [',']}}]},
  ],
})

ruleTester('totals-row', {
  // A last ID equal to the sum of those above (1 + 2 = 3), and a last payment that happens to
  // equal the sum of the others but names its supplier, are records, not totals.
  // Nor is a last row whose supplier or description starts with or mentions "Total" (Total Gas &
  // Power Ltd, "Total refurbishment", "vehicle total loss"), or whose year contradicts the sums.
  valid: ['valid.csv', 'ids.csv', 'coincidence.csv', 'supplier-named-total.csv', 'description-total.csv', 'total-loss.csv', 'year-contradicts.csv'],
  invalid: [
    // Labels with a qualifier or what was totalled.
    {file: 'total-for-year.csv', findings: [{rowNumber: 4, line: 4, details: {label: 'Total for 2024/25'}}]},
    {file: 'total-spend.csv', findings: [{rowNumber: 4, details: {label: 'TOTAL SPEND'}}]},
    // The borough under its wards: named, but every number is the sum of those above.
    {file: 'borough.csv', findings: [{rowNumber: 6, line: 6, details: {label: 'Trafford', sumColumns: [2, 3]}}]},
    {file: 'borough-one-column.csv', findings: [{rowNumber: 6, details: {label: 'Trafford', sumColumns: [2]}}]},
    // Two wards are enough when both columns sum; a source note below does not hide it.
    {file: 'borough-two-wards.csv', findings: [{rowNumber: 4, details: {label: 'Trafford', sumColumns: [2, 3]}}]},
    // An aggregate described in words.
    {file: 'redactions.csv', findings: [{rowNumber: 4, details: {label: 'The total redacted transactions, including funding payment t…', sumColumns: []}}]},
    // Followed by two rows of empty cells, which do not hide it.
    {file: 'label.csv', findings: [{rowNumber: 7, line: 7, details: {label: 'Total', sumColumns: [6]}}]},
    // Followed by a source note.
    {file: 'notes.csv', findings: [{rowNumber: 7, details: {label: 'Grand total', sumColumns: [6]}}]},
    // No label at all: blank ward code and name, and each count is the sum of the rows above.
    {file: 'sum.csv', findings: [{rowNumber: 6, line: 6, details: {label: '', sumColumns: [3, 4]}}]},
  ],
})

ruleTester('duplicate-row', {
  // Repeated blank rows are blank-row's business, not duplicates.
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 5, line: 5, details: {firstRowNumber: 3}},
        {rowNumber: 8, line: 8, details: {firstRowNumber: 3}},
        {rowNumber: 12, line: 12, details: {firstRowNumber: 2}},
      ],
    },
  ],
})
