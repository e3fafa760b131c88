import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {beforeAll, describe, expect, it} from 'vitest'
import {junit} from '../../src/report/formatters/junit.js'
import {context, fixturePath, fixtureReport, PINNED_RULES, stable} from './fixture-report.js'
import {reportOnTempTable} from './temp-table.js'

interface TestCase {
  name: string
  classname: string
  failure?: {'#text': string; message: string; type: string}
  skipped?: {message: string}
}
interface TestSuite {
  name: string
  tests: string
  failures: string
  skipped: string
  testcase: TestCase[]
}

function parse(xml: string): {testsuites: {tests: string; failures: string; skipped: string; testsuite: TestSuite[]}} {
  const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase'})
  return parser.parse(xml)
}

describe('junit formatter', () => {
  let xml: string
  let suites: Record<string, TestSuite>

  beforeAll(async () => {
    xml = junit(await fixtureReport(), context)
    suites = Object.fromEntries(parse(xml).testsuites.testsuite.map((s) => [s.name, s]))
  })

  it('matches the snapshot', async () => {
    await expect(stable(xml)).toMatchFileSnapshot('__snapshots__/report.junit.xml')
  })

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
  })

  it('has one suite per table and one testcase per active rule, passes included', () => {
    expect(Object.keys(suites)).toEqual(['clean.csv', 'empty.csv', 'mixed.csv'].map(fixturePath))
    for (const suite of Object.values(suites)) {
      expect(suite.testcase.map((t) => t.name).sort()).toEqual([...PINNED_RULES].sort())
      expect(Number(suite.tests)).toBe(PINNED_RULES.length)
    }
    const totals = parse(xml).testsuites
    expect([totals.tests, totals.failures, totals.skipped]).toEqual(['18', '5', '5'])
  })

  it('fails the rules that found something, listing their findings, and passes the rest', () => {
    const mixed = suites[fixturePath('mixed.csv')]
    const failed = mixed.testcase.filter((t) => t.failure)
    expect(failed.map((t) => [t.name, t.failure!.type]).sort()).toEqual([
      ['blank-row', 'info'],
      ['duplicate-label', 'error'],
      ['extra-cell', 'warning'],
      ['missing-cell', 'error'],
    ])
    expect(mixed.failures).toBe('4')
    expect(suites[fixturePath('clean.csv')].testcase.every((t) => !t.failure && !t.skipped)).toBe(true)
    expect(suites[fixturePath('clean.csv')].failures).toBe('0')
  })

  it('escapes markup in column names so the text round-trips', () => {
    const missing = suites[fixturePath('mixed.csv')].testcase.find((t) => t.name === 'missing-cell')!
    // fast-xml-parser leaves entities in text by default; decode the five XML ones.
    const text = missing.failure!['#text'].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    expect(text).toContain('row 3, column 5 "<note> & "x"" (line 4)')
  })

  it('skips the other rules on a table that could not be read', () => {
    const empty = suites[fixturePath('empty.csv')]
    expect(empty.testcase.find((t) => t.name === 'source-error')!.failure).toBeDefined()
    expect(empty.testcase.filter((t) => t.skipped).map((t) => t.name).sort()).toEqual(PINNED_RULES.filter((r) => r !== 'source-error').sort())
    expect([empty.failures, empty.skipped]).toEqual(['1', '5'])
  })

  it('stays well-formed when a column name holds control characters XML cannot carry', async () => {
    const {report, cwd} = await reportOnTempTable('controls.csv', 'id,a\u0001b,a\u0001b\n1,2,3\n', ['duplicate-label'])
    const out = junit(report, {color: false, cwd})
    expect(XMLValidator.validate(out)).toBe(true)
    expect(out).toContain('a\\u0001b')
  })

  it('says how many findings are not listed when the per-rule cap was reached', async () => {
    const {report, cwd} = await reportOnTempTable('blanks.csv', 'id\n1\n,\n,\n,\n', ['blank-row'], {maxFindingsPerRule: 1})
    const failure = parse(junit(report, {color: false, cwd})).testsuites.testsuite[0].testcase[0].failure!
    expect(failure.message).toBe('3 errors from blank-row')
    expect(failure['#text']).toContain('and 2 more not listed (3 in all)')
  })
})
