import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
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
})
