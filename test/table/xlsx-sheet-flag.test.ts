/**
 * `--sheet NAME|NUMBER` chooses which sheets of a workbook are checked: by name (case aside, as
 * Excel compares them), by number counting tabs from 1, repeated or comma-separated. A sheet the
 * workbook does not have is a usage error (exit 2) naming the workbook and listing its sheets.
 * Workbooks are written by test/fixtures/sheet-flag/make-workbook.mjs.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {chooseSheets} from '../../src/table/xlsx.js'
import {odcheck} from '../helpers/cli.js'
import {oneLine} from '../config/helpers.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const dir = join(fixturesDir, 'sheet-flag')

async function check(workbook: string, args: string[], command = 'check') {
  const r = await odcheck([command, workbook, ...args, '--json'], {cwd: dir})
  const report = r.code === 2 ? undefined : (JSON.parse(r.stdout) as JsonReport)
  return {
    ...r,
    report,
    sheets: report?.resources.map((x) => x.path.split('#')[1]),
    findings: report?.findings.filter((f) => f.resource.includes('#')).map((f) => [f.rule, f.resource.split('#')[1], f.rowNumber]),
  }
}

describe('odcheck check --sheet', {timeout: 60_000}, () => {
  it('checks every sheet without it', async () => {
    const {sheets, findings} = await check('spend-2023-24.xlsx', ['--only', '#structure'])
    expect(sheets).toEqual(['Notes', 'Spend', '2023'])
    expect(findings).toEqual([
      ['totals-row', 'Spend', 5],
      ['blank-row', '2023', 3],
    ])
  })

  it('checks only the sheet it names, and reports findings of that sheet only', async () => {
    const {code, sheets, findings} = await check('spend-2023-24.xlsx', ['--sheet', 'Spend', '--only', '#structure'])
    expect(sheets).toEqual(['Spend'])
    expect(findings).toEqual([['totals-row', 'Spend', 5]])
    // The blank row of the sheet left out (an error) no longer fails the run.
    expect(code).toBe(0)
  })

  it('takes a number counting tabs from 1, and a name made of digits as a name', async () => {
    expect((await check('spend-2023-24.xlsx', ['--sheet', '3'])).sheets).toEqual(['2023'])
    expect((await check('spend-2023-24.xlsx', ['--sheet', '2023'])).sheets).toEqual(['2023'])
  })

  it('takes several sheets, comma-separated or repeated, names in any case', async () => {
    expect((await check('spend-2023-24.xlsx', ['--sheet', 'notes,3'])).sheets).toEqual(['Notes', '2023'])
    expect((await check('spend-2023-24.xlsx', ['--sheet', 'NOTES', '--sheet', '3'])).sheets).toEqual(['Notes', '2023'])
  })

  it('counts sheets in tab order, not in the order of the files inside the workbook', async () => {
    expect((await check('moved-tabs.xlsx', ['--sheet', '1'])).sheets).toEqual(['Summary'])
    expect((await check('moved-tabs.xlsx', ['--sheet', '2'])).sheets).toEqual(['April'])
  })

  it('gives the schema to the sheet chosen, not the first of the workbook', async () => {
    const {report} = await check('moved-tabs.xlsx', ['--sheet', 'April', '--schema', 'april.schema.json', '--only', '#schema'])
    expect(report!.resources.map((r) => [r.path.split('#')[1], r.schemaSource])).toEqual([['April', 'april.schema.json']])
    // "Amey" is not a number: the schema was applied to April's rows.
    expect(report!.findings.map((f) => [f.rule, f.rowNumber, f.fieldNumber])).toEqual([['type-error', 2, 2]])
  })

  it('is a usage error naming the workbook and its sheets when a sheet is not there', async () => {
    const missing = await odcheck(['check', 'spend-2023-24.xlsx', '--sheet', 'Budget'], {cwd: dir})
    expect(missing.code).toBe(2)
    expect(oneLine(missing.stderr)).toContain('spend-2023-24.xlsx has no sheet "Budget" (--sheet): its sheets are 1 "Notes", 2 "Spend", 3 "2023".')
    const number = await odcheck(['check', 'moved-tabs.xlsx', '--sheet', 'April,3'], {cwd: dir})
    expect(number.code).toBe(2)
    expect(oneLine(number.stderr)).toContain('moved-tabs.xlsx has no sheet "3" (--sheet): its sheets are 1 "Summary", 2 "April".')
    expect(number.stdout).toBe('')
  })

  it('is a usage error when no workbook is checked', async () => {
    const r = await odcheck(['check', join(fixturesDir, 'csvw-dialect', 'no-quote', 'repairs.csv'), '--sheet', '1'])
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toContain('--sheet chooses sheets of .xlsx workbooks, and no workbook is being checked.')
  })

  it('chooses the sheets stars and certificate judge too', async () => {
    expect((await check('spend-2023-24.xlsx', ['--sheet', 'Spend'], 'stars')).sheets).toEqual(['Spend'])
    expect((await check('spend-2023-24.xlsx', ['--sheet', '2'], 'certificate')).sheets).toEqual(['Spend'])
  })
})

describe('chooseSheets', () => {
  const names = ['Notes', 'Spend, April', '2023']
  it('takes a whole value that names a sheet before splitting it at commas', () => {
    expect(chooseSheets(['Spend, April'], names)).toEqual({numbers: new Set([2]), unknown: []})
    expect(chooseSheets(['notes, 3'], names)).toEqual({numbers: new Set([1, 3]), unknown: []})
  })
  it('lists what matches no sheet: names, numbers out of range, empty values', () => {
    expect(chooseSheets(['Budget,4,0', ''], names)).toEqual({numbers: new Set(), unknown: ['Budget', '4', '0', '']})
  })
})
