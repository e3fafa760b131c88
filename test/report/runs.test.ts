/**
 * Runs of one problem down a column or along a row are shown as one line and a count in the
 * stylish report; every finding stays in the machine formats.
 */
import {describe, expect, it} from 'vitest'
import type {Finding} from '../../src/engine/types.js'
import {collapseRuns, describeRest} from '../../src/report/formatters/runs.js'
import {markdown} from '../../src/report/formatters/markdown.js'
import {stylish} from '../../src/report/formatters/stylish.js'
import {context} from './fixture-report.js'
import {reportOnTempTable} from './temp-table.js'

const none = new Map<string, number | null>()
const at = (rule: string, rowNumber?: number, fieldNumber?: number): Finding => ({rule, severity: 'error', message: `${rule} ${rowNumber}:${fieldNumber}`, resource: 'a.csv', rowNumber, fieldNumber})

describe('collapseRuns', () => {
  it('folds three or more findings of a rule in one column into the first, and keeps others where they were', () => {
    const findings = [at('blank-label', 1, 9), at('cell-whitespace', 2, 8), at('cell-whitespace', 3, 8), at('missing-cell', 3, 2), at('cell-whitespace', 4, 8), at('cell-whitespace', 6, 8), at('cell-whitespace', 7, 3)]
    const runs = collapseRuns(findings, none)
    expect(runs.map((r) => [r.first.message, r.rest.length])).toEqual([
      ['blank-label 1:9', 0],
      ['cell-whitespace 2:8', 3],
      ['missing-cell 3:2', 0],
      // Another column: one finding there.
      ['cell-whitespace 7:3', 0],
    ])
    expect(describeRest(runs[1])).toBe('… and 3 more like it in rows 3–4, 6')
  })

  it('names at most five ranges of rows and counts the rest', () => {
    const rows = [2, 3, 5, 8, 9, 10, 12, 15, 20, 21, 40]
    const [run] = collapseRuns(rows.map((n) => at('cell-whitespace', n, 4)), none)
    expect(describeRest(run)).toBe('… and 10 more like it in rows 3, 5, 8–10, 12, 15 and 3 more')
  })

  it('folds consecutive columns of one row', () => {
    const runs = collapseRuns([9, 10, 11, 12].map((n) => at('blank-label', 1, n)), none)
    expect(runs).toHaveLength(1)
    expect(describeRest(runs[0])).toBe('… and 3 more like it in columns 10–12')
  })

  it('prefers runs down columns: two neighbouring columns spaced alike in many rows are two runs, not pairs across', () => {
    const spaced = (rowNumber: number, fieldNumber: number): Finding => ({...at('cell-whitespace', rowNumber, fieldNumber), details: {value: 'Auto Rental   '}})
    const findings = [76, 77, 78, 79].flatMap((row) => [spaced(row, 3), spaced(row, 4)])
    const runs = collapseRuns(findings, none)
    expect(runs.map((r) => describeRest(r))).toEqual(['… and 3 more like it in rows 77–79', '… and 3 more like it in rows 77–79'])
    expect(runs.map((r) => r.first.fieldNumber)).toEqual([3, 4])
  })

  it('does not fold a rule\'s summaries of neighbouring columns that found different things', () => {
    const placeholder = (fieldNumber: number, value: string): Finding => ({...at('placeholder-value', 2, fieldNumber), details: {value, count: fieldNumber}})
    expect(collapseRuns([placeholder(7, 'Unknown'), placeholder(8, 'NA'), placeholder(9, 'NA')], none)).toHaveLength(3)
  })

  it('keeps a finding about a column name apart from the same problem in the column\'s cells', () => {
    const header = new Map([['a.csv', 1]])
    const findings = [at('cell-whitespace', 1, 9), ...[6, 7, 11, 18].map((n) => at('cell-whitespace', n, 9))]
    const runs = collapseRuns(findings, header)
    expect(runs.map((r) => [r.first.rowNumber, r.rest.length])).toEqual([[1, 0], [6, 3]])
    expect(collapseRuns(findings, none)).toHaveLength(1)
  })

  it('leaves two in a row as two lines, and never joins different rules, severities or files', () => {
    const warning = {...at('blank-row', 4), severity: 'warning' as const}
    const other = {...at('blank-row', 5), resource: 'b.csv'}
    const findings = [at('blank-row', 2), at('blank-row', 3), warning, other, at('missing-cell', 6)]
    expect(collapseRuns(findings, none).map((r) => r.first)).toEqual(findings)
  })
})

describe('stylish report of a table with trailing blank rows and unnamed columns', () => {
  it('shows each run as its first finding and a count, with the listed total unchanged', async () => {
    const csv = 'name,amount,,,\nA,1,,,\n' + ',,,,\n'.repeat(5)
    const {report} = await reportOnTempTable('export.csv', csv, ['blank-label', 'blank-row'])
    expect(report.findings.filter((f) => f.rule === 'blank-row')).toHaveLength(5)
    const lines = stylish(report, context).split('\n')
    expect(lines.filter((l) => l.includes('blank-label'))).toEqual(['  row 1:3  error    Column 3 has no name in the header  blank-label'])
    expect(lines[lines.findIndex((l) => l.includes('blank-label')) + 1].trim()).toBe('… and 2 more like it in columns 4–5')
    expect(lines.filter((l) => l.includes('blank-row'))).toHaveLength(1)
    expect(lines).toContain('           … and 4 more like it in rows 4–7')
    expect(lines.at(-2)).toBe('✖ not fit to publish: 1 file, 6 rows, 8 errors, 0 warnings')
  })
})

describe('markdown report of the same table', () => {
  it('gives each run one table row, noting the rest in the message cell, and counts nothing as unlisted', async () => {
    const csv = 'name,amount,,,\nA,1,,,\n' + ',,,,\n'.repeat(5)
    const {report} = await reportOnTempTable('export.csv', csv, ['blank-label', 'blank-row'])
    const rows = markdown(report, context).split('\n').filter((l) => l.startsWith('| error'))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('Column 3 has no name in the header<br>… and 2 more like it in columns 4–5')
    expect(rows[1]).toContain('Row 3 is blank<br>… and 4 more like it in rows 4–7')
    expect(markdown(report, context)).not.toContain('not listed here')
  })
})

describe('stylish report of a column whose name and cells end with spaces', () => {
  it('shows the column name on its own line, and folds only the cells', async () => {
    const csv = 'Supplier,Description \n' + ['A,Fees ', 'B,Rent ', 'C,Rates ', 'D,Fuel '].join('\n') + '\n'
    const {report} = await reportOnTempTable('spend.csv', csv, ['cell-whitespace'])
    const lines = stylish(report, context).split('\n').map((l) => l.trim())
    expect(lines.filter((l) => l.startsWith('row ')).map((l) => l.split('  ')[0])).toEqual(['row 1:2', 'row 2:2'])
    expect(lines).toContain('… and 3 more like it in rows 3–5')
  })
})

describe('stylish report of a table with over a thousand blank rows', () => {
  it('writes the counts past the listed findings with thousands separators', async () => {
    const {report} = await reportOnTempTable('export.csv', 'id,name\n1,a\n' + ',\n'.repeat(1500), ['blank-row'])
    const lines = stylish(report, context).split('\n').map((l) => l.trim())
    expect(lines).toContain('… and 99 more like it in rows 4–102')
    expect(lines).toContain('… and 1,400 more blank-row (1,500 in all)')
    expect(lines.at(-2)).toBe('✖ not fit to publish: 1 file, 1,501 rows, 1,500 errors, 0 warnings')
  })
})
