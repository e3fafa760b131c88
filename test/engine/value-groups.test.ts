/**
 * Value hooks see equal cells of a column grouped into runs. However the groups are cut (a
 * column's map filling up and starting again, or a column of unique values no longer grouped),
 * the runs must add up to the cells, start in file order per column, and give the checks that
 * use them the same findings as runs of one cell each.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {CellRun} from '../../src/engine/check.js'
import {rowFeeder} from '../../src/engine/chunk.js'
import type {FindingInput} from '../../src/engine/types.js'
import {ValueGroups, type RunSink} from '../../src/engine/value-groups.js'
import {checks} from '../../src/checks/index.js'
import type {Row} from '../../src/table/types.js'
import {hooksOf, loadFixture} from '../rules/merge-harness.js'

/** A sink that hands each run to `see`, as a check's value hook would get it. */
function sink(see: (run: CellRun) => void): RunSink {
  return {value: (_state, run) => see(run), state: undefined, report: () => {}}
}

function rowsOf(cells: string[][]): Row[] {
  return cells.map((c, i) => ({cells: c, rowNumber: i + 2, line: i * 2 + 2}))
}

/** Columns that repeat a few values, and columns of (nearly) unique values, with blanks. */
const tables = fc
  .array(fc.tuple(fc.constantFrom('', 'a', 'b', 'NA', ' a'), fc.nat(40), fc.constantFrom('x', 'y', '')), {maxLength: 60})
  .map((rows) => rows.map(([a, n, c], i) => [a, String(n * 1000 + i), c]))

describe('value groups', () => {
  it('add up to the cells, start in file order per column, and list each run’s first rows', () => {
    fc.assert(
      fc.property(tables, fc.integer({min: 1, max: 6}), fc.integer({min: 1, max: 4}), fc.integer({min: 1, max: 7}), (cells, capacity, sampleRows, batch) => {
        const rows = rowsOf(cells)
        const runs: CellRun[] = []
        // A second sink sees the same runs, in the same order, when batches of ungrouped cells go sink by sink.
        const second: CellRun[] = []
        const groups = new ValueGroups([sink((run) => runs.push({...run, rowNumbers: [...run.rowNumbers]})), sink((run) => second.push({...run, rowNumbers: [...run.rowNumbers]}))], sampleRows, capacity, batch)
        for (const row of rows) groups.add(row)
        groups.flush()

        const expected = new Map<string, number>()
        rows.forEach((row) => row.cells.forEach((v, i) => v !== '' && expected.set(`${i}|${v}`, (expected.get(`${i}|${v}`) ?? 0) + 1)))
        const counted = new Map<string, number>()
        for (const run of runs) counted.set(`${run.column}|${run.value}`, (counted.get(`${run.column}|${run.value}`) ?? 0) + run.count)
        expect(counted).toEqual(expected)
        expect(second).toEqual(runs)

        const lastStart: number[] = []
        for (const run of runs) {
          expect(run.value).not.toBe('')
          expect(run.rowNumber).toBeGreaterThan(lastStart[run.column] ?? 0)
          lastStart[run.column] = run.rowNumber
          const at = rows.find((r) => r.rowNumber === run.rowNumber)!
          expect(at.cells[run.column]).toBe(run.value)
          expect(run.line).toBe(at.line)
          expect(run.rowNumbers[0]).toBe(run.rowNumber)
          expect(run.rowNumbers.length).toBe(Math.min(run.count, sampleRows))
          expect([...run.rowNumbers].sort((x, y) => x - y)).toEqual(run.rowNumbers)
          for (const n of run.rowNumbers) expect(rows.find((r) => r.rowNumber === n)!.cells[run.column]).toBe(run.value)
        }
      }),
    )
  })

  it('judge no more than maxColumns columns of a runaway row, and no batch buffers for columns still grouped', () => {
    const runs: CellRun[] = []
    const groups = new ValueGroups([sink((run) => runs.push({...run})), sink(() => {})], 1, 4, 8, 3)
    const runaway = Array.from({length: 100_000}, (_, i) => `v${i}`)
    for (const row of rowsOf([['a', 'b', 'c'], runaway])) groups.add(row)
    groups.flush()
    expect(new Set(runs.map((r) => r.column))).toEqual(new Set([0, 1, 2]))
    expect(runs.map((r) => r.value).sort()).toEqual(['a', 'b', 'c', 'v0', 'v1', 'v2'])
  })

  // [rule, fixture, findings expected]: country-codes.csv has "NA" among codes, which must stay unreported.
  const cases: Array<[string, string, boolean]> = [
    ['personal-data', 'people.csv', true],
    ['placeholder-value', 'invalid.csv', true],
    ['placeholder-value', 'country-codes.csv', false],
    ['inconsistent-values', 'invalid.csv', true],
    ['link-opportunity', 'invalid.csv', true],
    ['totals-row', 'sum.csv', true],
  ]

  it.each(cases)('give %s on %s the same findings when every value is its own run', async (ruleId, file, expectFindings) => {
    const table = await loadFixture(ruleId, file)
    const check = checks.find((c) => c.name === ruleId)!
    const findingsWith = (capacity?: number) => {
      const hooks = hooksOf(check)
      const found: FindingInput[] = []
      const report = (f: FindingInput) => found.push(f)
      const state = hooks.init!(table.head)
      const feed = rowFeeder([hooks], [state], [report], capacity)
      for (const row of table.rows) feed.onRow(row)
      feed.end()
      hooks.end!(state, table.head, table.stats, report)
      return found
    }
    const grouped = findingsWith()
    expect(grouped.length > 0).toBe(expectFindings)
    expect(findingsWith(1)).toEqual(grouped)
  })
})
