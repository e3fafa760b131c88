import {describe, expect, it} from 'vitest'
import {escapeData, escapeProperty, github} from '../../src/report/formatters/github.js'
import {context, fixturePath, fixtureReport} from './fixture-report.js'
import {reportOnTempTable} from './temp-table.js'

describe('github formatter', () => {
  it('writes one workflow command per finding, by severity, with the relative path and physical line', async () => {
    const report = await fixtureReport()
    const out = github(report, context)
    const mixed = fixturePath('mixed.csv')
    // The reader words the source-error message; what matters here is that it is carried unchanged.
    const unreadable = report.findings.find((f) => f.rule === 'source-error')!.message
    expect(out.split('\n')).toEqual([
      `::error file=${fixturePath('empty.csv')},title=source-error::${unreadable}`,
      `::error file=${mixed},line=1,title=duplicate-label::Column 4 is named "ward|area", like column 2`,
      `::error file=${mixed},line=4,title=missing-cell::Row 3 has 4 cells but the header has 5: column "<note> & "x"" is missing`,
      `::notice file=${mixed},line=5,title=blank-row::Row 4 is blank`,
      `::warning file=${mixed},line=6,title=extra-cell::Row 5 has 6 cells but the header has 5: cell 6 is extra`,
      '',
    ])
  })

  it('escapes %, line breaks, colons and commas in properties, and shows control characters in messages as symbols', async () => {
    // A header cell with a line break in it: the message names the column, its line break shown as ␊ rather than splitting the annotation.
    const {report, cwd} = await reportOnTempTable('q1, 100%: spend.csv', 'id,"ward\nname"\n1\n', ['missing-cell'])
    expect(github(report, {color: false, cwd})).toBe(
      '::error file=q1%2C 100%25%3A spend.csv,line=3,title=missing-cell::Row 2 has 1 cell but the header has 2: column "ward␊name" is missing\n',
    )
  })

  it('shows an ESC from a cell as ␛, so a value cannot restyle the Actions log', async () => {
    const {report, cwd} = await reportOnTempTable('spend.csv', 'id,supplier\n1,"Acme\u001b[31m Ltd "\n', ['cell-whitespace'])
    const out = github(report, {color: false, cwd})
    expect(out).not.toContain('\u001b')
    expect(out).toContain('Acme␛[31m Ltd')
  })

  it('escapes the way @actions/core does', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b')
    expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b')
  })

  it('gives a run of one problem in consecutive rows one annotation spanning its lines, within GitHub\'s ten per step', async () => {
    const {report, cwd} = await reportOnTempTable('export.csv', 'name,amount\nA,1\n' + ',\n'.repeat(12) + 'B,2\n', ['blank-row'])
    expect(report.findings).toHaveLength(12)
    expect(github(report, {color: false, cwd})).toBe('::error file=export.csv,line=3,endLine=14,title=blank-row::Row 3 is blank … and 11 more like it in rows 4–14\n')
  })

  it('prints nothing for a clean dataset', async () => {
    const report = await fixtureReport([fixturePath('clean.csv')])
    expect(report.resources).toHaveLength(1)
    expect(github(report, context)).toBe('')
  })
})
