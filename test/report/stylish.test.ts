import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {stripVTControlCharacters} from 'node:util'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {buildReport} from '../../src/report/build.js'
import {stylish} from '../../src/report/formatters/stylish.js'
import {context, fixturePath, fixtureReport, stable, TEST_VERSION} from './fixture-report.js'
import {reportOnTempTable} from './temp-table.js'
import {markdown} from '../../src/report/formatters/markdown.js'

describe('stylish formatter', () => {
  it('matches the snapshot', async () => {
    await expect(stable(stylish(await fixtureReport(), context))).toMatchFileSnapshot('__snapshots__/report.stylish.txt')
  })

  it('groups findings under each file and ends with the verdict and counts', async () => {
    const lines = stylish(await fixtureReport(), context).trimEnd().split('\n')
    expect(lines.filter((l) => !l.startsWith(' ') && l !== '').map((l) => l.split(' ')[0])).toEqual([
      fixturePath('clean.csv'),
      fixturePath('empty.csv'),
      fixturePath('mixed.csv'),
      '✖',
    ])
    expect(lines.at(-1)).toBe('✖ not fit to publish: 3 files, 7 rows, 3 errors, 1 warning, 1 info')
  })

  it('lines up the same columns with and without colour', async () => {
    const report = await fixtureReport()
    const coloured = stylish(report, {...context, color: true})
    expect(coloured).not.toBe(stylish(report, context))
    expect(stripVTControlCharacters(coloured)).toBe(stylish(report, context))
  })

  it('says which counts --quiet hid instead of calling the file clean', async () => {
    const report = await fixtureReport([fixturePath('mixed.csv')])
    const quiet = {...report, findings: report.findings.filter((f) => f.severity === 'error')}
    const out = stylish(quiet, context)
    expect(out).not.toContain('no problems found')
    expect(out).toContain('1 warning, 1 info not shown (--quiet)')
  })

  it('names a metadata file in the dataset block from the dataset folder, and does not pad every message to its length', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'odcheck-stylish-'))
    try {
      const folder = join(cwd, 'a-long-folder-name-for-the-spend-dataset')
      await import('node:fs/promises').then((fs) => fs.mkdir(folder))
      await writeFile(join(folder, 'spend.csv'), 'id,amount\n1,2\n')
      await writeFile(join(folder, 'spend.csv-metadata.json'), '{"url": "spend.csv",\n "dc:title": "Spend "over" 500"}\n')
      const config = await loadConfig({cwd, searchFrom: folder, builtInChecks: builtInChecksUrl})
      const result = await run({inputs: [folder], cwd, config, only: ['metadata-unreadable', 'licence-missing']})
      const lines = stylish(buildReport(result, {version: TEST_VERSION, failOn: 'error'}), {color: false, cwd}).split('\n')
      const invalid = lines.find((l) => l.endsWith('metadata-unreadable'))!
      expect(invalid.startsWith('  spend.csv-metadata.json line 2  error')).toBe(true)
      // The other dataset finding has no location, and is not pushed right by that long one.
      expect(lines.find((l) => l.endsWith('licence-missing'))).toMatch(/^ {4}error/)
    } finally {
      await rm(cwd, {recursive: true, force: true})
    }
  })

  it('shows control characters from the data as visible symbols, so a CR in a cell cannot overwrite the line on screen', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'odcheck-stylish-'))
    try {
      // A cell ending in CR and holding an ESC that would restyle a terminal.
      await writeFile(join(cwd, 'spend.csv'), 'id,supplier\n1,"Acme\u001b[31m Ltd "\n2,"Brick Co \r\r"\n')
      const config = await loadConfig({cwd, searchFrom: cwd, builtInChecks: builtInChecksUrl})
      const result = await run({inputs: [join(cwd, 'spend.csv')], cwd, config, only: ['cell-whitespace', 'spreadsheet-error-value']})
      const report = buildReport(result, {version: TEST_VERSION, failOn: 'error'})
      report.findings[1] = {...report.findings[1], message: report.findings[1].message + ' (was "Brick Co \r\r")'}
      const out = stylish(report, {color: false, cwd})
      expect(out).not.toMatch(/[\r\u001b]/)
      expect(out).toContain('Acme␛[31m Ltd')
      expect(out).toContain('(was "Brick Co ␍␍")')
    } finally {
      await rm(cwd, {recursive: true, force: true})
    }
  })

  it('writes counts with thousands separators, as the HTML report does: 1,200 rows', async () => {
    const rows = Array.from({length: 1200}, (_, i) => `${i + 1},Car park ${i % 40}\n`).join('')
    const {report, cwd} = await reportOnTempTable('car-parks.csv', `id,name\n${rows}`, ['blank-row'])
    const out = stylish(report, {color: false, cwd})
    expect(out).toContain('car-parks.csv (1,200 rows, 2 columns')
    expect(out.trimEnd().split('\n').at(-1)).toBe('✓ fit to publish: 1 file, 1,200 rows, 0 errors, 0 warnings')
    expect(markdown(report, {color: false, cwd})).toContain('| car-parks.csv | 1,200 |')
  })
})
