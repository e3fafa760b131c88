import {describe, expect, it} from 'vitest'
import {linkOpportunity} from '../../src/checks/linking/link-opportunity.js'
import {uriColumn} from '../../src/checks/linking/uri-column.js'
import type {FindingInput} from '../../src/engine/types.js'
import type {Row, TableHead, TableStats} from '../../src/table/types.js'
import {ruleTester} from '../helpers/rule-tester.js'

ruleTester('link-opportunity', {
  valid: ['valid.csv', 'share.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 1, fieldName: 'ward_code', details: {kind: 'gss-code', uriTemplate: 'http://statistics.data.gov.uk/id/statistical-geography/{code}', exampleUri: 'http://statistics.data.gov.uk/id/statistical-geography/E05000819', matched: 4, values: 4, unlocksStar: 5}},
        {rowNumber: 2, fieldNumber: 4, fieldName: 'month', details: {kind: 'month', uriTemplate: 'http://reference.data.gov.uk/id/month/{month}', exampleUri: 'http://reference.data.gov.uk/id/month/2024-04', matched: 4}},
        {rowNumber: 2, fieldNumber: 5, fieldName: 'year', details: {kind: 'year', uriTemplate: 'http://reference.data.gov.uk/id/year/{year}', exampleUri: 'http://reference.data.gov.uk/id/year/2024'}},
        // The first postcode is in row 3: row 2's cell is blank. Postcodes go upper case without the space
        // into the URI, and are masked in the report like every value that may be personal.
        {rowNumber: 3, fieldNumber: 3, fieldName: 'postcode', details: {kind: 'postcode', uriTemplate: 'http://data.ordnancesurvey.co.uk/id/postcodeunit/{POSTCODE}', example: 'M33 5**', exampleUri: 'http://data.ordnancesurvey.co.uk/id/postcodeunit/M335**', matched: 3, values: 3}},
      ],
    },
    // Three GSS codes in four values is below the default share of 0.9, but not below 0.7.
    {file: 'share.csv', options: {minShare: 0.7}, findings: [{rowNumber: 2, fieldNumber: 1, details: {kind: 'gss-code', matched: 3, values: 4}}]},
    // Only the kinds asked for are looked for.
    {file: 'invalid.csv', options: {kinds: ['postcode']}, findings: [{rowNumber: 3, fieldNumber: 3, details: {kind: 'postcode'}}]},
  ],
})

function head(labels: string[]): TableHead {
  return {
    resource: 't.csv',
    path: '/t.csv',
    encoding: {encoding: 'utf-8', bom: false, source: 'utf8-valid'},
    dialect: {delimiter: ',', quoteChar: '"', header: true, lineTerminator: '\n', skipRows: 0},
    labels,
    preamble: [],
    headerLine: 1,
  } as TableHead
}

const rows: Row[] = [
  ['E08000009', 'http://statistics.data.gov.uk/id/statistical-geography/E08000009', '2023-24'],
  ['', 'http://statistics.data.gov.uk/id/statistical-geography/E08000001', '2024-25'],
  ['E08000001', 'https://data.trafford.gov.uk/id/ward/1', '2024/2025'],
  ['E08000002', 'not a uri', '2024-26'],
].map((cells, i) => ({cells, rowNumber: i + 2, line: i + 2}))
const stats: TableStats = {rowCount: rows.length, lineEndings: {crlf: 0, lf: rows.length, cr: 0}, problems: [], bytes: 0}

/** Runs a check's hooks over the rows split into chunks at `cuts`, merging states in order as the engine does. */
function runChunked(check: typeof linkOpportunity | typeof uriColumn, options: Record<string, unknown>, labels: string[], cuts: number[]): FindingInput[] {
  const hooks = check.create(options as never)
  const found: FindingInput[] = []
  const report = (f: FindingInput) => found.push(f)
  const h = head(labels)
  const bounds = [0, ...cuts, rows.length]
  let state: unknown
  for (let c = 0; c + 1 < bounds.length; c++) {
    const chunk = structuredClone(hooks.init!(h))
    for (const row of rows.slice(bounds[c], bounds[c + 1])) hooks.row!(chunk as never, row, report)
    state = state === undefined ? chunk : hooks.merge!(state as never, structuredClone(chunk) as never, h, report)
  }
  hooks.end!(state as never, h, stats, report)
  return found
}

describe('linking checks merge chunk states', () => {
  const labels = ['area', 'area_uri', 'financial_year']
  const linkOptions = {minShare: 0.6, minValues: 1, kinds: ['gss-code', 'postcode', 'year', 'month', 'quarter', 'government-year']}

  it('link-opportunity finds the same columns whether the rows come in one chunk or several', () => {
    const whole = runChunked(linkOpportunity, linkOptions, labels, [])
    expect(whole.map((f) => [f.rowNumber, f.fieldNumber, f.details?.kind, f.details?.matched])).toEqual([
      [2, 1, 'gss-code', 3],
      // 2024-26 is not a financial year: three of four values are.
      [2, 3, 'government-year', 3],
    ])
    expect(whole.find((f) => f.fieldNumber === 3)?.details?.exampleUri).toBe('http://reference.data.gov.uk/id/government-year/2023-2024')
    for (const cuts of [[1], [2], [1, 3], [1, 2, 3]]) expect(runChunked(linkOpportunity, linkOptions, labels, cuts)).toEqual(whole)
  })

  it('uri-column counts URIs and their hosts across chunks', () => {
    const whole = runChunked(uriColumn, {minShare: 0.7}, labels, [])
    expect(whole).toEqual([
      expect.objectContaining({rowNumber: 2, fieldNumber: 2, details: {uris: 3, values: 4, domains: ['statistics.data.gov.uk', 'data.trafford.gov.uk'], example: 'http://statistics.data.gov.uk/id/statistical-geography/E08000009'}}),
    ])
    for (const cuts of [[1], [3], [1, 2]]) expect(runChunked(uriColumn, {minShare: 0.7}, labels, cuts)).toEqual(whole)
    expect(runChunked(uriColumn, {minShare: 0.9}, labels, [2])).toEqual([])
  })
})

ruleTester('uri-column', {
  // One URI among two non-blank values is not a column of URIs.
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 1, fieldName: 'ward', details: {uris: 3, values: 3, domains: ['statistics.data.gov.uk', 'data.trafford.gov.uk'], example: 'http://statistics.data.gov.uk/id/statistical-geography/E05000819'}},
        // Blank cells do not count against a column: its first URI is in row 3.
        {rowNumber: 3, fieldNumber: 3, fieldName: 'homepage', details: {uris: 2, values: 2, domains: ['www.trafford.gov.uk']}},
      ],
    },
    {file: 'valid.csv', options: {minShare: 0.5}, findings: [{rowNumber: 3, fieldNumber: 2, details: {uris: 1, values: 2}}]},
  ],
})
