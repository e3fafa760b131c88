/** How the formatters show what is not one table's own finding: dataset-level rules, workbook sheets, suppressed findings. */
import ExcelJS from 'exceljs'
import {XMLParser} from 'fast-xml-parser'
import {beforeAll, describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {buildReport} from '../../src/report/build.js'
import {github} from '../../src/report/formatters/github.js'
import {junit} from '../../src/report/formatters/junit.js'
import {markdown} from '../../src/report/formatters/markdown.js'
import {sarif} from '../../src/report/formatters/sarif.js'
import {stylish} from '../../src/report/formatters/stylish.js'
import type {JsonReport} from '../../src/report/types.js'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {context, fixturePath, repoRoot, TEST_VERSION} from './fixture-report.js'
import {reportValidator} from './report-schema.js'
import {reportOnTempTable} from './temp-table.js'

interface Suite {
  name: string
  testcase: Array<{name: string; failure?: {'#text': string}; 'system-out'?: string}>
}

function suites(xml: string): Suite[] {
  const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase'})
  return parser.parse(xml).testsuites.testsuite
}

async function reportOn(file: string, only: string[], suppressed?: Map<string, Map<string, number>>): Promise<JsonReport> {
  const config = await loadConfig({cwd: repoRoot, searchFrom: repoRoot, builtInChecks: builtInChecksUrl})
  const result = await run({inputs: [fixturePath(file)], cwd: repoRoot, config, only})
  return buildReport(result, {version: TEST_VERSION, failOn: 'error', suppressed})
}

describe('dataset-level rules', () => {
  // A CSV on its own has no metadata, so licence-missing fails once for the dataset.
  let report: JsonReport

  beforeAll(async () => {
    report = await reportOn('clean.csv', ['licence-missing', 'blank-row'])
  })

  it('are recorded in the report with passes and failures, valid against the schema', () => {
    expect(report.dataset?.results.map((r) => [r.rule, r.status])).toEqual([['licence-missing', 'fail']])
    const validate = reportValidator()
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
  })

  it('get a JUnit suite of their own, and are not passed on each table', () => {
    const [table, dataset] = suites(junit(report, context))
    expect(table.testcase.map((t) => t.name)).toEqual(['blank-row'])
    expect(dataset.name).toBe(`${fixturePath('clean.csv')} (dataset)`)
    expect(dataset.testcase.map((t) => [t.name, Boolean(t.failure)])).toEqual([['licence-missing', true]])
  })

  it('are listed under the dataset in stylish, leaving the table clean', () => {
    const out = stylish(report, context)
    expect(out).toContain(`${fixturePath('clean.csv')} (2 rows, 3 columns, utf-8, delimiter ",")\n  ✓ no problems found`)
    expect(out).toMatch(new RegExp(`${fixturePath('clean.csv')} \\(dataset: 1 rule\\)\\n +error +.*licence-missing`))
  })

  it('get a row in the Markdown counts table and a section', () => {
    const out = markdown(report, context)
    expect(out).toContain(`| ${fixturePath('clean.csv')} (dataset) |  | 1 | 0 | 0 | ❌ |`)
    expect(out).toContain(`### ${fixturePath('clean.csv')} (dataset)`)
  })
})

describe('suppressed findings', () => {
  let report: JsonReport

  beforeAll(async () => {
    report = await reportOn('mixed.csv', ['duplicate-label', 'blank-row'], new Map([[fixturePath('mixed.csv'), new Map([['blank-row', 1]])]]))
  })

  it('are held back from the findings but counted in the results', () => {
    expect(report.findings.map((f) => f.rule)).toEqual(['duplicate-label'])
    expect(report.resources[0].results.find((r) => r.rule === 'blank-row')).toMatchObject({status: 'fail', count: 1, suppressed: 1})
  })

  it('pass in JUnit with a note rather than fail with nothing listed', () => {
    const [suite] = suites(junit(report, context))
    const blank = suite.testcase.find((t) => t.name === 'blank-row')!
    expect(blank.failure).toBeUndefined()
    expect(blank['system-out']).toBe('1 finding suppressed as already known')
    expect(suite.testcase.find((t) => t.name === 'duplicate-label')!.failure).toBeDefined()
  })

  it('are not reported as unlisted in Markdown', () => {
    const out = markdown(report, context)
    expect(out).toContain('1 finding suppressed as already known.')
    expect(out).not.toContain('not listed here')
  })
})

describe('workbook sheets', () => {
  let report: JsonReport
  let cwd: string

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Wards 2024').addRows([
      ['id', 'name', 'name'],
      [1, 'a', 'b'],
    ])
    workbook.addWorksheet('Notes').addRows([
      ['key', 'value'],
      [1, 2],
    ])
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
    ;({report, cwd} = await reportOnTempTable('book.xlsx', buffer, ['duplicate-label']))
  })

  it('are one resource each, named file#sheet', () => {
    expect(report.resources.map((r) => [r.path, r.format])).toEqual([
      ['book.xlsx#Wards 2024', 'xlsx'],
      ['book.xlsx#Notes', 'xlsx'],
    ])
  })

  it('point GitHub annotations at the workbook file, naming the sheet in the title', () => {
    expect(github(report, {color: false, cwd})).toBe('::error file=book.xlsx,line=1,title=duplicate-label (sheet Wards 2024)::Column 3 is named "name", like column 2\n')
  })

  it('share one SARIF artifact, the file, with the sheet in the result', () => {
    const log = JSON.parse(sarif(report, {color: false, cwd}))
    expect(log.runs[0].artifacts).toHaveLength(1)
    expect(log.runs[0].artifacts[0]).toMatchObject({location: {uri: 'book.xlsx'}, properties: {sheets: ['Wards 2024', 'Notes'], valid: false}})
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toMatchObject({uri: 'book.xlsx', index: 0})
    expect(log.runs[0].results[0].properties).toMatchObject({sheet: 'Wards 2024', fieldNumber: 3})
  })

  it('are read tables in stylish, not unread files', () => {
    expect(stylish(report, {color: false, cwd})).toContain('book.xlsx#Notes (1 row, 2 columns, xlsx)\n  ✓ no problems found')
  })
})
