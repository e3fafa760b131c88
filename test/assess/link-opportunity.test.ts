import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {LINK_KINDS, uriFor} from '../../src/checks/linking/link-kinds.js'
import {linkOpportunity} from '../../src/checks/linking/link-opportunity.js'
import {uriColumn} from '../../src/checks/linking/uri-column.js'
import type {AnyCheck} from '../../src/engine/check.js'
import type {Row, TableHead} from '../../src/table/types.js'
import {ruleTester} from '../helpers/rule-tester.js'
import {chunkedPass, hooksOf, loadFixture, singlePass} from '../rules/merge-harness.js'

ruleTester('link-opportunity', {
  valid: ['valid.csv', 'share.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 1, fieldName: 'ward_code', details: {kind: 'gss-code', uriTemplate: 'http://statistics.data.gov.uk/id/statistical-geography/{code}', exampleUri: 'http://statistics.data.gov.uk/id/statistical-geography/E05000819', matched: 4, values: 4, unlocksStar: 4}},
        {rowNumber: 2, fieldNumber: 4, fieldName: 'month', details: {kind: 'month', uriTemplate: 'http://reference.data.gov.uk/id/month/{month}', exampleUri: 'http://reference.data.gov.uk/id/month/2024-04', matched: 4}},
        {rowNumber: 2, fieldNumber: 5, fieldName: 'year', details: {kind: 'year', uriTemplate: 'http://reference.data.gov.uk/id/year/{year}', exampleUri: 'http://reference.data.gov.uk/id/year/2024'}},
        // The first postcode is in row 3: row 2's cell is blank. It is masked in the report like every
        // value that may be personal, and the URI shown is the template: a masked URI denotes nothing.
        {rowNumber: 3, fieldNumber: 3, fieldName: 'postcode', details: {kind: 'postcode', uriTemplate: 'http://data.ordnancesurvey.co.uk/id/postcodeunit/{POSTCODE}', example: 'M33 5**', exampleUri: 'http://data.ordnancesurvey.co.uk/id/postcodeunit/{POSTCODE}', matched: 3, values: 3}},
      ],
    },
    // Three GSS codes in four values is below the default share of 0.9, but not below 0.7.
    {file: 'share.csv', options: {minShare: 0.7}, findings: [{rowNumber: 2, fieldNumber: 1, details: {kind: 'gss-code', matched: 3, values: 4}}]},
    // Only the kinds asked for are looked for.
    {file: 'invalid.csv', options: {kinds: ['postcode']}, findings: [{rowNumber: 3, fieldNumber: 3, details: {kind: 'postcode'}}]},
  ],
})

const LINKING_CASES: Array<{rule: string; check: AnyCheck; file: string; options?: Record<string, unknown>}> = [
  {rule: 'link-opportunity', check: linkOpportunity, file: 'invalid.csv'},
  {rule: 'link-opportunity', check: linkOpportunity, file: 'share.csv', options: {minShare: 0.7}},
  {rule: 'uri-column', check: uriColumn, file: 'invalid.csv'},
]

describe('linking checks merge chunk states to the single-pass result', () => {
  for (const c of LINKING_CASES) {
    it(`${c.rule} on ${c.file}, cut before every row`, async () => {
      const table = await loadFixture(c.rule, c.file)
      const expected = singlePass(hooksOf(c.check, c.options), table)
      expect(expected.length).toBeGreaterThan(0)
      for (let cut = 0; cut <= table.rows.length; cut++) expect(chunkedPass(hooksOf(c.check, c.options), table, [cut]), `cut before row index ${cut}`).toEqual(expected)
      expect(chunkedPass(hooksOf(c.check, c.options), table, [1, 2, 3])).toEqual(expected)
    })
  }

  it('gives the same findings for random columns of codes, URIs and text however they are chunked', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'E05000819', 'E08000009', 'M32 0TH', '2024-04', 'April 2024', '2024-Q1', '2024-25', '2024', 'Trafford'),
      fc.constantFrom('http://statistics.data.gov.uk/id/statistical-geography/E05000819', 'https://data.trafford.gov.uk/id/ward/1'),
    )
    const labels = ['area', 'year', 'link']
    const head = {labels, dialect: {header: true, skipRows: 0}} as unknown as TableHead
    fc.assert(
      fc.property(fc.array(fc.array(cell, {minLength: 3, maxLength: 3}), {minLength: 1, maxLength: 30}), fc.array(fc.nat(), {maxLength: 3}), (cells, rawCuts) => {
        const rows: Row[] = cells.map((c, i) => ({cells: c, rowNumber: i + 2, line: i + 2}))
        const table = {head, rows, stats: {rowCount: rows.length, lineEndings: {crlf: 0, lf: rows.length, cr: 0}, problems: [], bytes: 0}}
        const cuts = [...new Set(rawCuts.map((n) => n % (rows.length + 1)))].sort((a, b) => a - b)
        for (const [check, options] of [[linkOpportunity, {minShare: 0.5}], [uriColumn, {minShare: 0.5}]] as const) {
          expect(chunkedPass(hooksOf(check, options), table, cuts)).toEqual(singlePass(hooksOf(check, options), table))
        }
      }),
      {numRuns: 200},
    )
  })
})

ruleTester('uri-column', {
  // One URI among two non-blank values is not a column of URIs; URI templates (a table2qb column config) are patterns, not URIs.
  valid: ['valid.csv', 'templates.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 1, fieldName: 'ward', details: {uris: 3, values: 3, domains: ['statistics.data.gov.uk', 'data.trafford.gov.uk'], identifiers: 3, identifierDomains: ['statistics.data.gov.uk', 'data.trafford.gov.uk'], identifies: true, example: 'http://statistics.data.gov.uk/id/statistical-geography/E05000819'}},
        // Blank cells do not count against a column: its first URI is in row 3. Home pages are links to web pages, not URIs for things.
        {rowNumber: 3, fieldNumber: 3, fieldName: 'homepage', details: {uris: 2, values: 2, domains: ['www.trafford.gov.uk'], identifiers: 0, identifierDomains: [], identifies: false}},
      ],
    },
    {file: 'valid.csv', options: {minShare: 0.5}, findings: [{rowNumber: 3, fieldNumber: 2, details: {uris: 1, values: 2}}]},
  ],
})

describe('link kinds', () => {
  const keyOf = (id: string, value: string) => LINK_KINDS.find((k) => k.id === id)!.key(value)

  it('reads each kind of code into the key its URI template takes', () => {
    expect(keyOf('gss-code', 'E05000819')).toBe('E05000819')
    expect(keyOf('gss-code', 'E0500081')).toBeUndefined()
    expect(keyOf('gss-code', 'X05000819')).toBeUndefined()
    expect(keyOf('postcode', 'wa14 2pd')).toBe('WA142PD')
    expect(keyOf('postcode', 'WA14')).toBeUndefined()
    expect(keyOf('month', '2024-04')).toBe('2024-04')
    expect(keyOf('month', 'Sept 2024')).toBe('2024-09')
    expect(keyOf('month', 'December-2023')).toBe('2023-12')
    expect(keyOf('month', '2024-13')).toBeUndefined()
    expect(keyOf('month', 'Mar.-2024')).toBe('2024-03')
    for (const other of ['TX10000000', 'GB634501746', 'Mar2024', 'Marchy 2024', '2024-3', 'Mar 2024 ']) expect(keyOf('month', other), other).toBeUndefined()
    expect(keyOf('month', 'constructor 2024')).toBeUndefined()
    expect(keyOf('quarter', '2024 q3')).toBe('2024-Q3')
    expect(keyOf('quarter', '2024Q1')).toBe('2024-Q1')
    expect(keyOf('quarter', '2024-Q4')).toBe('2024-Q4')
    for (const other of ['2024-Q5', '8694.52', 'SC2689', '2024 Q']) expect(keyOf('quarter', other), other).toBeUndefined()
    expect(keyOf('government-year', '2023-24')).toBe('2023-2024')
    expect(keyOf('government-year', '1999/00')).toBe('1999-2000')
    expect(keyOf('government-year', '2024-26')).toBeUndefined()
    expect(keyOf('government-year', '2023/2024')).toBe('2023-2024')
    for (const other of ['8694.52', '28694.520', '2023.2024', '202324']) expect(keyOf('government-year', other), other).toBeUndefined()
    expect(keyOf('year', '2024')).toBe('2024')
    expect(keyOf('year', '2401')).toBeUndefined()
  })

  // Values are tried only against kinds whose lengths allow them: each kind's lengths must be exactly its shortest and longest values'.
  it.each([
    ['gss-code', 'E05000819', 'E05000819'],
    ['postcode', 'M11AA', 'SW1A 1AA'],
    ['month', '2024-04', 'September. 2024'],
    ['quarter', '2024Q1', '2024-Q1'],
    ['government-year', '2023-24', '2023/2024'],
    ['year', '2024', '2024'],
  ])('%s values run from %s to %s, the lengths the kind declares', (id, shortest, longest) => {
    expect(keyOf(id, shortest)).toBeDefined()
    expect(keyOf(id, longest)).toBeDefined()
    expect(LINK_KINDS.find((k) => k.id === id)!.lengths).toEqual([shortest.length, longest.length])
  })

  it('fills the URI template with the key', () => {
    expect(uriFor(LINK_KINDS.find((k) => k.id === 'government-year')!, '2023-2024')).toBe('http://reference.data.gov.uk/id/government-year/2023-2024')
  })
})
