import {stripVTControlCharacters} from 'node:util'
import {describe, expect, it} from 'vitest'
import {stylish} from '../../src/report/formatters/stylish.js'
import {context, fixturePath, fixtureReport, stable} from './fixture-report.js'

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
})
