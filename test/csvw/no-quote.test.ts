/**
 * CSVW `quoteChar: null`: the table has no quoting, so every `"` is an ordinary character. An
 * export of repairs with inch marks and quoted names is read cell by cell as written: no stray or
 * unclosed quotes, the quotes stay in the cells (and count towards their length), and the rows
 * after a lone `"` are still read. The same file described without the null quote is the contrast.
 */
import {describe, expect, it} from 'vitest'
import type {JsonReport} from '../../src/report/types.js'
import {odcheck} from '../helpers/cli.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const RULES = new Set(['stray-quote', 'unclosed-quote', 'csvw-length', 'csvw-datatype'])

async function check(metadata: string) {
  const {code, stdout} = await odcheck(['check', 'csvw-dialect/no-quote/repairs.csv', '--metadata', `csvw-dialect/no-quote/${metadata}`, '--json'], {cwd: fixturesDir})
  const report = JSON.parse(stdout) as JsonReport
  const findings = report.findings.filter((f) => RULES.has(f.rule)).map((f) => [f.rule, f.rowNumber, f.fieldNumber, f.line, f.details?.value])
  return {code, report, findings}
}

describe('CSVW dialect quoteChar: null', {timeout: 60_000}, () => {
  it('reads every quote as an ordinary character, keeping it in the cell', async () => {
    const {code, report, findings} = await check('repairs-no-quote-metadata.json')
    expect(code).toBe(1)
    expect(report.resources[0].dialect).toMatchObject({delimiter: ',', quoteChar: ''})
    expect(findings).toEqual([
      // `"broken"` is 8 characters with its quotes: over maxLength 6.
      ['csvw-length', 3, 3, 3, '"broken"'],
      // The lone quote in row 4 does not swallow the rest of the file.
      ['csvw-datatype', 5, 4, 5, 'many'],
    ])
  })

  it('reads the same file with the default quote as quoted, with stray and unclosed quotes', async () => {
    const {report, findings} = await check('repairs-quoted-metadata.json')
    expect(report.resources[0].dialect).toMatchObject({quoteChar: '"'})
    expect(findings.map((f) => f.slice(0, 3))).toEqual([
      ['stray-quote', 2, 2],
      ['stray-quote', 3, 2],
      ['unclosed-quote', 4, undefined],
    ])
  })
})
