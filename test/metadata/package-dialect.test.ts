/**
 * A data package resource's dialect says how its CSV is quoted: quoteChar, doubleQuote and escapeChar are read
 * the way the package says (checked through the CLI on the cells odcheck reads), nullSequence counts as a missing
 * value, and the properties odcheck cannot apply are reported as dialect-not-applied instead of being ignored.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readDialect} from '../../src/metadata/package/dialect.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir, ruleTester} from '../helpers/rule-tester.js'

interface ReportFinding {
  rule: string
  severity: string
  rowNumber?: number
  fieldNumber?: number
  details?: Record<string, unknown>
}

interface Report {
  resources: Array<{dialect: {delimiter: string; quoteChar: string} | null}>
  findings: ReportFinding[]
}

/** The findings about how the table was read and about its values against the schema. */
const READING_RULES = ['stray-quote', 'unclosed-quote', 'extra-cell', 'missing-cell', 'type-error', 'resource-error', 'dialect-not-applied']

async function checkPackage(folder: string): Promise<{code: number; report: Report; findings: Array<Omit<ReportFinding, 'severity'>>}> {
  const r = await odcheck(['check', join(fixturesDir, 'package-dialect', folder), '--json'])
  expect(r.stderr).toBe('')
  const report = JSON.parse(r.stdout) as Report
  const findings = report.findings.filter((f) => READING_RULES.includes(f.rule)).map(({rule, rowNumber, fieldNumber, details}) => ({rule, rowNumber, fieldNumber, details}))
  return {code: r.code, report, findings}
}

const typeError = (rowNumber: number, fieldNumber: number, field: string, cell: string) => ({
  rule: 'type-error',
  rowNumber,
  fieldNumber,
  details: expect.objectContaining({field, cell}) as unknown,
})

describe('a data package dialect sets how the CLI reads quotes', () => {
  it("reads quoteChar \"'\": commas and doubled '' inside single quotes stay in one cell", async () => {
    const {report, findings} = await checkPackage('single-quote')
    expect(report.resources[0].dialect?.quoteChar).toBe("'")
    // The only problem is the one in the data: a note in the amount column, read whole and without its quotes.
    expect(findings).toEqual([typeError(4, 3, 'amount', "TBC, see supplier's note")])
  })

  it('reads escapeChar "\\" with doubleQuote false: \\" is a quote inside the cell, not its end', async () => {
    const {findings} = await checkPackage('backslash')
    expect(findings).toEqual([typeError(3, 3, 'amount', '12.50 "approx", net')])
  })

  it('reads quoteChar "" as no quoting: inch marks and quoted words are plain characters', async () => {
    const {report, findings} = await checkPackage('no-quote')
    expect(report.resources[0].dialect?.quoteChar).toBe('')
    expect(findings).toEqual([typeError(3, 2, 'length_mm', '12" long')])
  })

  it('counts the nullSequence as a missing value, not a type error', async () => {
    const {findings} = await checkPackage('null-sequence')
    expect(findings).toEqual([typeError(4, 2, 'spaces', 'about 40')])
  })

  it('reports a property it cannot apply as a warning, which does not fail the run', async () => {
    const r = await odcheck(['check', join(fixturesDir, 'dialect-not-applied', 'invalid'), '--json', '--only', 'dialect-not-applied'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as Report
    expect(report.findings.length).toBeGreaterThan(0)
    expect(new Set(report.findings.map((f) => `${f.rule} ${f.severity}`))).toEqual(new Set(['dialect-not-applied warning']))
  })
})

const invalid = 'dialect-not-applied/invalid/datapackage.json'
const at = (path: string, reason: string, resource = invalid) => ({resource, details: {path, reason}})

ruleTester('dialect-not-applied', {
  valid: ['valid'],
  invalid: [
    {
      file: 'invalid',
      findings: [
        // A dialect in its own file: the problem is at its place in that file (line 1, so listed first).
        at('$.commentChar', 'not-supported', 'dialect-not-applied/invalid/dialect.json'),
        at('$.resources[0].dialect.commentChar', 'not-supported'),
        at('$.resources[1].dialect.commentRows', 'not-supported'),
        at('$.resources[1].dialect.skipInitialSpace', 'not-supported'),
        at('$.resources[2].dialect.headerRows', 'not-supported'),
        at('$.resources[3].dialect.lineTerminator', 'not-supported'),
        at('$.resources[4].dialect.doubleQuote', 'one-escape'),
        at('$.resources[5].dialect.escapeChar', 'not-supported'),
        at('$.resources[6].dialect.delimiter', 'not-supported'),
      ],
    },
  ],
})

describe('readDialect maps Table Dialect quoting to the table reader', () => {
  it('leaves the default quoting (", doubled) to the reader', () => {
    expect(readDialect({}).dialect).toEqual({})
    expect(readDialect({quoteChar: '"', doubleQuote: true}).dialect).toEqual({quoteChar: '"'})
  })

  it('doubles the declared quote character inside quotes, as doubleQuote (default true) says', () => {
    expect(readDialect({quoteChar: "'"}).dialect).toEqual({quoteChar: "'", escapeChar: "'"})
  })

  it('takes escapeChar as the escape of a quote inside quotes', () => {
    expect(readDialect({doubleQuote: false, escapeChar: '\\'})).toEqual({dialect: {escapeChar: '\\'}, notApplied: []})
    expect(readDialect({quoteChar: "'", doubleQuote: false, escapeChar: '\\'}).dialect).toEqual({quoteChar: "'", escapeChar: '\\'})
  })

  it('reads doubleQuote false without escapeChar as the default: no quote can be inside quotes anyway', () => {
    expect(readDialect({doubleQuote: false})).toEqual({dialect: {}, notApplied: []})
  })

  it('applies neither a delimiter of several characters nor the v2 headerRows beyond [1], and says so', () => {
    const {dialect, notApplied} = readDialect({delimiter: '||', headerRows: [2]})
    expect(dialect).toEqual({})
    expect(notApplied.map((n) => n.property)).toEqual(['delimiter', 'headerRows'])
    expect(readDialect({headerRows: []}).dialect).toEqual({header: false})
  })
})
