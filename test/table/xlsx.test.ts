/** A council's Excel export is judged like its CSV: every sheet is a table through the same rules. */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it, onTestFinished} from 'vitest'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const workbook = join(fixturesDir, 'proprietary-format', 'car-parks.xlsx')

describe('spreadsheets', () => {
  it('checks each sheet as its own table with the structure rules', async () => {
    const r = await odcheck(['check', workbook, '--json', '--only', '#structure'])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.resources.map((x: {path: string; format: string; rowCount: number; fieldNames: string[]}) => [x.path.split('#')[1], x.format, x.rowCount, x.fieldNames])).toEqual([
      ['Car parks', 'xlsx', 5, ['Name', 'Spaces', 'Opened', 'Charge']],
      ['Notes', 'xlsx', 1, ['Note']],
    ])
    const found = report.findings.map((f: {rule: string; rowNumber?: number; fieldNumber?: number; resource: string}) => [f.rule, f.rowNumber, f.fieldNumber, f.resource.split('#')[1]])
    expect(found).toEqual([
      ['title-row', 1, undefined, 'Car parks'],
      ['blank-row', 6, undefined, 'Car parks'],
      ['totals-row', 7, undefined, 'Car parks'],
    ])
  })

  it('reports a formula error where the spreadsheet shows it', async () => {
    const r = await odcheck(['check', workbook, '--json', '--only', 'spreadsheet-error-value'])
    const report = JSON.parse(r.stdout)
    expect(report.findings.map((f: {rule: string; rowNumber: number; fieldNumber: number; details: unknown}) => [f.rule, f.rowNumber, f.fieldNumber, f.details])).toEqual([
      ['spreadsheet-error-value', 5, 4, {value: '#REF!'}],
    ])
  })

  it('explains a .xlsx file that is not a real workbook, naming it, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-xlsx-'))
    onTestFinished(() => rm(dir, {recursive: true, force: true}))
    const fake = join(dir, 'spend.xlsx')
    await writeFile(fake, 'Date,Supplier,Amount\n01/09/2025,Amey,10\n')
    const r = await odcheck(['check', fake, '--json'])
    expect(r.code).toBe(1)
    const [finding] = JSON.parse(r.stdout).findings
    expect([finding.rule, finding.details.reason]).toEqual(['source-error', 'unreadable'])
    expect(finding.message).toContain('spend.xlsx cannot be read as an Excel workbook')
    expect(r.stderr).toBe('')
  })
})
