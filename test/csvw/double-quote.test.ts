/**
 * CSVW `doubleQuote: false`: a quote inside a quoted field is written `\"` (and a backslash `\\`).
 * The dialect makes the reader use the backslash as csv-parse's `escape`, so the cells are read as
 * written, the CSVW checks see them whole, and no quote is taken for a stray one.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {strayQuoteFields} from '../../src/checks/structure/stray-quote.js'
import {isScannable} from '../../src/table/boundaries.js'
import {fixturesDir} from '../helpers/rule-tester.js'

describe('CSVW doubleQuote: false', {timeout: 60_000}, () => {
  it('reads backslash-escaped quotes and backslashes as the cells they stand for', async () => {
    const config = await loadConfig({cwd: fixturesDir, searchFrom: fixturesDir, builtInChecks: builtInChecksUrl})
    const result = await run({inputs: [join(fixturesDir, 'csvw-dialect/backslash/complaints.csv')], cwd: fixturesDir, config, only: ['#csvw', '#structure']})
    const table = result.tables[0]
    expect(table.head?.dialect.escapeChar).toBe('\\')
    // Only the value that is not an integer; no stray quote, and the 38-character summary is within maxLength 40.
    expect(table.findings.filter((f) => f.rule !== 'nonrfc-line-breaks').map((f) => [f.rule, f.rowNumber, f.fieldNumber, f.details?.value])).toEqual([['csvw-datatype', 3, 3, 'five']])
  })

  it('the reader hands on the cells unescaped', async () => {
    const {openTable} = await import('../../src/table/open.js')
    const {readRows} = await import('../../src/table/rows.js')
    const {loadCsvw} = await import('../../src/metadata/csvw/load.js')
    const path = join(fixturesDir, 'csvw-dialect/backslash/complaints.csv')
    const csvw = await loadCsvw({inputs: [path], cwd: fixturesDir, tables: [path]})
    const {head} = await openTable(path, 'complaints.csv', {csvw: csvw.load.byPath[path]})
    const rows: string[][] = []
    await readRows(head, {start: 0, firstRowNumber: 1, firstLine: 1, skipRecords: 1}, (row) => rows.push(row.cells))
    await csvw.close()
    expect(rows.map((r) => r[1])).toEqual(['Bin not emptied, "again" says resident', 'Path at \\Moss Lane\\ flooded', 'Streetlight out'])
  })

  it('stray-quote knows the escape; the parallel scan, which knows doubled quotes only, is not used', () => {
    expect(strayQuoteFields('1,"said \\"hi\\"",2', ',', '"', '\\')).toEqual([])
    expect(strayQuoteFields('1,"said \\"hi\\"",2', ',', '"')).toEqual([2])
    expect(strayQuoteFields('1,x\\"y,2', ',', '"', '\\')).toEqual([2])
    const encoding = {encoding: 'utf-8', bom: false, source: 'utf8-valid' as const}
    expect(isScannable(encoding, {delimiter: ',', quoteChar: '"'})).toBe(true)
    expect(isScannable(encoding, {delimiter: ',', quoteChar: '"', escapeChar: '\\'})).toBe(false)
  })
})
