import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {formatMessage} from '../../src/engine/message.js'
import {run} from '../../src/engine/run.js'
import {fixturesDir} from '../helpers/rule-tester.js'

describe('finding messages', () => {
  it('name a column without a name by its number, not as ""', async () => {
    const cwd = join(fixturesDir, 'messages')
    const config = await loadConfig({cwd, searchFrom: cwd, builtInChecks: builtInChecksUrl})
    const result = await run({inputs: [join(cwd, 'unnamed-columns.csv')], cwd, config, only: ['cell-whitespace']})
    const messages = result.tables[0].findings.map((f) => [f.rowNumber, f.fieldNumber, f.message])
    expect(messages).toEqual([
      [2, 2, 'Column 2 in row 2 starts with a space and ends with a space: "Timperley"'],
      [3, 4, 'Column 4 in row 3 starts with 2 spaces and ends with a space: "extra"'],
    ])
  })

  it('count with their word: "1 time", "2 times", "1 cell"', async () => {
    const cwd = join(fixturesDir, 'messages')
    const config = await loadConfig({cwd, searchFrom: cwd, builtInChecks: builtInChecksUrl})
    const result = await run({inputs: [join(cwd, 'placeholders.csv')], cwd, config, only: ['placeholder-value']})
    expect(result.tables[0].findings.map((f) => f.message)).toEqual([
      'Column "note" uses "NA" for a missing value 2 times, first in row 2: leave the cell empty or say what it means in the metadata',
      'Column "households" uses "N/A" for a missing value 1 time, first in row 3: leave the cell empty or say what it means in the metadata',
    ])
  })
})

describe('message templates', () => {
  it('count with their word, singular for one, with thousands separators', () => {
    const template = 'Column "{{fieldName}}" uses "{{value}}" {{count|time}}; {{cells|child|children}}; ({{lines|#}} lines)'
    expect(formatMessage(template, {fieldName: 'Ward', details: {value: 'NA', count: 1, cells: 3, lines: 1739}})).toBe('Column "Ward" uses "NA" 1 time; 3 children; (1,739 lines)')
    expect(formatMessage(template, {fieldName: 'Ward', details: {value: 'NA', count: 19318, cells: 1, lines: 2}})).toBe('Column "Ward" uses "NA" 19,318 times; 1 child; (2 lines)')
  })

  it('name a list after its word, whole numbers as ranges', () => {
    const template = 'Row 217 holds the sums of the rows above it ({{sumColumns|column}})'
    expect(formatMessage(template, {details: {sumColumns: [3, 4, 5, 6, 7, 8, 9, 10]}})).toBe('Row 217 holds the sums of the rows above it (columns 3–10)')
    expect(formatMessage(template, {details: {sumColumns: [2]}})).toBe('Row 217 holds the sums of the rows above it (column 2)')
    expect(formatMessage('in {{files|file}}', {details: {files: ['a.csv', 'b.csv']}})).toBe('in files a.csv, b.csv')
  })

  it('write a value that is not a number as it is, with the word after it', () => {
    expect(formatMessage('{{count|row}} and {{total|#}}', {details: {count: 'some', total: 'n/a'}})).toBe('some row and n/a')
  })
})
