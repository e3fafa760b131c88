import {describe, expect, it} from 'vitest'
import {escapeCell, markdown, MAX_ROWS_PER_FILE} from '../../src/report/formatters/markdown.js'
import {context, fixturePath, fixtureReport, stable} from './fixture-report.js'
import {reportOnTempTable} from './temp-table.js'

/** Cells of a Markdown table row, split on pipes that are not escaped (as GFM does). */
function cells(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim())
}

describe('markdown formatter', () => {
  it('matches the snapshot', async () => {
    await expect(stable(markdown(await fixtureReport(), context))).toMatchFileSnapshot('__snapshots__/report.md')
  })

  it('gives the verdict and a counts table with a row per file and a total', async () => {
    const lines = markdown(await fixtureReport(), context).split('\n')
    expect(lines[0]).toBe('## ❌ Not fit to publish')
    const header = lines.findIndex((l) => l.startsWith('| File |'))
    expect(lines.slice(header + 2, header + 6).map(cells)).toEqual([
      [fixturePath('clean.csv'), '2', '0', '0', '0', '✅'],
      [fixturePath('empty.csv'), 'not read', '1', '0', '0', '❌'],
      [fixturePath('mixed.csv'), '5', '2', '1', '1', '❌'],
      ['**Total**', '7', '3', '1', '1', '❌'],
    ])
  })

  it('escapes a | in a column name so the findings table keeps four cells a row', async () => {
    const out = markdown(await fixtureReport(), context)
    const row = out.split('\n').find((l) => l.includes('duplicate-label'))!
    expect(row).toContain('"ward\\|area"')
    expect(cells(row)).toEqual([
      'error',
      expect.stringMatching(/^\[duplicate-label\]\(https:\/\/github\.com\/odcheck\/odcheck\/blob\/main\/docs\/.+\)$/),
      'row 1, column 4 "ward\\|area"',
      'Column 4 is named "ward\\|area", like column 2',
    ])
    const tableRows = out.split('\n').filter((l) => l.startsWith('| error') || l.startsWith('| warning') || l.startsWith('| info'))
    expect(tableRows).toHaveLength(5)
    for (const line of tableRows) expect(cells(line)).toHaveLength(4)
  })

  it('keeps HTML and line breaks in data from breaking out of a cell', () => {
    expect(escapeCell('<b>a|b</b>\nnext *x*')).toBe('\\<b\\>a\\|b\\</b\\><br>next \\*x\\*')
    // A tab or ESC from a cell is shown as its control picture, not written into the comment.
    expect(escapeCell('Acme\u001b[31m\tLtd')).toBe('Acme␛\\[31m␉Ltd')
  })

  it('says a clean dataset is fit to publish and lists no findings', async () => {
    const out = markdown(await fixtureReport([fixturePath('clean.csv')]), context)
    expect(out.split('\n')[0]).toBe('## ✅ Fit to publish')
    expect(out).not.toContain('| Severity |')
  })

  it(`lists at most ${MAX_ROWS_PER_FILE} findings (or runs of them) per file and counts the rest`, async () => {
    // One stray space in each column, a different row each time: nothing to fold.
    const width = MAX_ROWS_PER_FILE + 7
    const header = Array.from({length: width}, (_, i) => `c${i + 1}`).join(',')
    const rows = Array.from({length: width}, (_, r) => Array.from({length: width}, (_, c) => (c === r ? ' x' : 'x')).join(','))
    const {report, cwd} = await reportOnTempTable('spaced.csv', `${header}\n${rows.join('\n')}\n`, ['cell-whitespace'])
    const out = markdown(report, {color: false, cwd})
    expect(out.split('\n').filter((l) => l.startsWith('| warning'))).toHaveLength(MAX_ROWS_PER_FILE)
    expect(out).toContain('… and 7 more findings not listed here')
  })
})
