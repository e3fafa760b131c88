/** The row estimate that sizes key tables up front: from the sample read to open a table and the file's size. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {openTable} from '../../src/table/open.js'
import {expectedRows} from '../../src/table/expected-rows.js'

const dir = mkdtempSync(join(tmpdir(), 'odcheck-expected-rows-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('expectedRows', () => {
  it('is within a few per cent of the real count for a file of similar rows, and scales with a byte range', async () => {
    const rows = ['id,supplier,amount', ...Array.from({length: 20_000}, (_, i) => `TX${String(i).padStart(8, '0')},Supplier ${i % 37} Ltd,${(i * 7.31).toFixed(2)}`)]
    const path = join(dir, 'spend.csv')
    writeFileSync(path, rows.join('\n') + '\n')
    const {head, size} = await openTable(path, 'spend.csv')
    expect(head.bytes).toBe(size)
    const estimate = expectedRows(head)
    expect(estimate).toBeGreaterThan(20_000 * 0.95)
    expect(estimate).toBeLessThan(20_000 * 1.05)
    expect(expectedRows(head, size / 4)).toBeCloseTo(estimate / 4, -2)
  })

  it('is 0 (unknown) for a table opened from no file', () => {
    expect(expectedRows({resource: 'x', path: 'x', format: 'csv', encoding: {encoding: 'utf-8', bom: false, confidence: 1}, dialect: {} as never, labels: [], preamble: [], headerLine: 1} as never)).toBe(0)
  })
})
