/**
 * Every core check gives the same findings when a table is split into chunks (as the
 * parallel path does) as in one pass: for each fixture, every single cut and a sample of
 * three-chunk cuts; then random tables with fast-check for the checks that keep most state.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {checks} from '../../src/checks/index.js'
import type {AnyCheck} from '../../src/engine/check.js'
import type {Row} from '../../src/table/types.js'
import {chunkedPass, hooksOf, loadFixture, singlePass, type LoadedTable} from './merge-harness.js'

const byName = new Map(checks.map((c) => [c.name, c]))
function check(name: string): AnyCheck {
  const found = byName.get(name)
  if (!found) throw new Error(`check ${name} is not registered`)
  return found
}

const cases: Array<{rule: string; file: string; options?: Record<string, unknown>; encoding?: string}> = [
  {rule: 'encoding-error', file: 'invalid.csv', encoding: 'utf-8'},
  {rule: 'encoding-error', file: 'damaged.csv'},
  {rule: 'encoding-not-utf8', file: 'windows-1252.csv'},
  {rule: 'lost-characters', file: 'invalid.csv'},
  {rule: 'lost-characters', file: 'invalid.csv', options: {maxRows: 2}},
  {rule: 'stray-quote', file: 'invalid.csv'},
  {rule: 'mixed-line-endings', file: 'invalid.csv'},
  {rule: 'mixed-line-endings', file: 'in-cells.csv'},
  {rule: 'mixed-line-endings', file: 'valid.csv'},
  {rule: 'mixed-line-endings', file: 'one-lf.csv'},
  {rule: 'nonrfc-line-breaks', file: 'valid.csv'},
  {rule: 'nonrfc-line-breaks', file: 'lf.csv'},
  {rule: 'single-column', file: 'colon.csv'},
  {rule: 'single-column', file: 'list.csv'},
  {rule: 'totals-row', file: 'label.csv'},
  {rule: 'totals-row', file: 'notes.csv'},
  {rule: 'totals-row', file: 'sum.csv'},
  {rule: 'totals-row', file: 'valid.csv'},
  {rule: 'totals-row', file: 'borough.csv'},
  {rule: 'totals-row', file: 'borough-two-wards.csv'},
  {rule: 'totals-row', file: 'year-contradicts.csv'},
  {rule: 'duplicate-row', file: 'invalid.csv'},
  {rule: 'cell-whitespace', file: 'invalid.csv'},
  {rule: 'spreadsheet-error-value', file: 'invalid.csv'},
  {rule: 'placeholder-value', file: 'invalid.csv'},
  {rule: 'placeholder-value', file: 'invalid.csv', options: {maxRows: 2}},
  {rule: 'placeholder-value', file: 'country-codes.csv'},
  {rule: 'placeholder-value', file: 'codes.csv'},
  {rule: 'placeholder-value', file: 'surnames.csv'},
  {rule: 'placeholder-value', file: 'codes-and-counts.csv'},
  {rule: 'inconsistent-values', file: 'invalid.csv'},
  {rule: 'inconsistent-values', file: 'valid.csv', options: {minValues: 3}},
  {rule: 'inconsistent-values', file: 'mixed-date-formats.csv'},
  {rule: 'inconsistent-values', file: 'named-months.csv'},
]

describe('chunk states merge to the single-pass result', () => {
  for (const c of cases) {
    it(`${c.rule} on ${c.file}${c.options ? ' ' + JSON.stringify(c.options) : ''}`, async () => {
      const table = await loadFixture(c.rule, c.file, c.encoding ? {encoding: c.encoding} : {})
      const hooks = () => hooksOf(check(c.rule), c.options)
      const expected = singlePass(hooks(), table)
      const n = table.rows.length
      expect(n).toBeGreaterThan(1)
      for (let cut = 0; cut <= n; cut++) expect(chunkedPass(hooks(), table, [cut]), `cut before row index ${cut}`).toEqual(expected)
      for (let a = 1; a < n; a += 2) {
        for (let b = a; b < n; b += 3) expect(chunkedPass(hooks(), table, [a, b]), `cuts ${a}, ${b}`).toEqual(expected)
      }
    })
  }

  it('the fixtures above give findings, so the comparisons are not all of empty lists', async () => {
    const table = await loadFixture('duplicate-row', 'invalid.csv')
    expect(singlePass(hooksOf(check('duplicate-row')), table)).toHaveLength(3)
  })
})

/** Random tables from a small alphabet, so that duplicates, placeholders, totals and mixed kinds occur. */
const cellArb = fc.constantFrom('', 'NA', 'n/a', '-', '12', '7.50', '(3.00)', '03/09/2025', '2025-09-03', 'Sale', ' Hale', 'Total', '#REF!', 'x"y', 'a\nb')
const tableArb = fc.array(fc.array(cellArb, {minLength: 3, maxLength: 3}), {minLength: 2, maxLength: 40})

function syntheticTable(base: LoadedTable, cells: string[][]): LoadedTable {
  let line = base.head.headerLine + 1
  const rows: Row[] = cells.map((r, i) => {
    const row: Row = {cells: r, rowNumber: i + 2, line}
    line += 1 + r.join('').split('\n').length - 1
    return row
  })
  return {head: {...base.head, labels: ['a', 'b', 'c']}, rows, stats: base.stats}
}

describe('random tables merge like one pass', () => {
  for (const rule of ['duplicate-row', 'totals-row', 'placeholder-value', 'inconsistent-values', 'cell-whitespace', 'mixed-line-endings']) {
    it(rule, async () => {
      const base = await loadFixture('duplicate-row', 'valid.csv')
      const options = rule === 'inconsistent-values' ? {minValues: 2} : undefined
      fc.assert(
        fc.property(tableArb, fc.nat(), fc.nat(), (cells, x, y) => {
          const table = syntheticTable(base, cells)
          const n = table.rows.length
          const cuts = [x % (n + 1), y % (n + 1)].sort((a, b) => a - b)
          const hooks = () => hooksOf(check(rule), options)
          expect(chunkedPass(hooks(), table, cuts)).toEqual(singlePass(hooks(), table))
        }),
        {numRuns: 200},
      )
    })
  }
})

describe('random tables with lost characters merge like one pass', () => {
  const lostArb = fc.array(fc.array(fc.constantFrom('', '?7.50', '?1,300.00', '-?2.00', 'Caf?s', 'Women?s', '12', 'Sale?'), {minLength: 3, maxLength: 3}), {minLength: 2, maxLength: 40})
  it('lost-characters', async () => {
    const base = await loadFixture('duplicate-row', 'valid.csv')
    fc.assert(
      fc.property(lostArb, fc.nat(), fc.nat(), fc.integer({min: 1, max: 3}), (cells, x, y, maxRows) => {
        const table = syntheticTable(base, cells)
        const n = table.rows.length
        const cuts = [x % (n + 1), y % (n + 1)].sort((a, b) => a - b)
        const hooks = () => hooksOf(check('lost-characters'), {maxRows})
        expect(chunkedPass(hooks(), table, cuts)).toEqual(singlePass(hooks(), table))
      }),
      {numRuns: 300},
    )
  })
})
