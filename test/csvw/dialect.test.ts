/**
 * A table's CSVW dialect decides how odcheck reads it, in place of sniffing: delimiter, rows
 * above the header, several header rows, skipped columns, comment and blank rows, trimming
 * and the encoding. Each fixture breaks one value that is only found when it is read right.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const dir = join(fixturesDir, 'csvw-dialect')

async function check(file: string) {
  const config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
  const result = await run({inputs: [join(dir, file)], cwd: dir, config, only: ['#csvw']})
  const table = result.tables[0]
  const findings = [...result.tables.flatMap((t) => t.findings), ...(result.dataset?.findings ?? [])]
  return {head: table.head!, findings: findings.map((f) => ({rule: f.rule, rowNumber: f.rowNumber, fieldNumber: f.fieldNumber, value: f.details?.value}))}
}

describe('a CSVW dialect drives reading', () => {
  it('uses its delimiter and skips its title rows, and a decimal comma from the format', async () => {
    const {head, findings} = await check('semicolon.csv')
    expect(head.dialect).toMatchObject({delimiter: ';', skipRows: 2, header: true})
    expect(head.labels).toEqual(['Site', 'Plots', 'Rent'])
    expect(findings).toEqual([{rule: 'csvw-datatype', rowNumber: 5, fieldNumber: 2, value: 'x'}])
  })

  it('reads several header rows as the titles of each column', async () => {
    const {head, findings} = await check('two-headers.csv')
    expect(head.labels).toEqual(['', '2011', '2021'])
    expect(findings).toEqual([{rule: 'csvw-datatype', rowNumber: 4, fieldNumber: 2, value: 'abc'}])
  })

  it('leaves skipped columns out, counting fields as in the file', async () => {
    const {findings} = await check('skip-columns.csv')
    expect(findings).toEqual([{rule: 'csvw-datatype', rowNumber: 3, fieldNumber: 3, value: 'many'}])
  })

  it('does not read comment rows or skipped blank rows as data', async () => {
    const {findings} = await check('comments.csv')
    expect(findings).toEqual([])
  })

  it('keeps the spaces around a cell when trim is false', async () => {
    const {findings} = await check('no-trim.csv')
    expect(findings).toEqual([{rule: 'csvw-length', rowNumber: 2, fieldNumber: 1, value: ' Moss Lane '}])
  })

  it('decodes the file in the encoding the dialect names', async () => {
    const given = await check('latin1.csv')
    expect(given.head.encoding).toMatchObject({encoding: 'windows-1252', source: 'given'})
    expect(given.findings).toEqual([])
    const wrong = await check('latin1-as-utf8.csv')
    expect(wrong.head.encoding.encoding).toBe('utf-8')
    expect(wrong.findings.map((f) => f.rule)).toEqual(['csvw-datatype'])
  })
})
