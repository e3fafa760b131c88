/**
 * column-profile: the facts it publishes for each column (type, missing values, distinct
 * values, range, histogram, masking), that they reach the JSON report valid against its schema,
 * and that chunked runs merge to exactly the one-pass profile (every cut, then random tables).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {columnProfile} from '../../src/checks/profile/index.js'
import {parseDay} from '../../src/checks/profile/dates.js'
import {addDistinct, distinctCount, DISTINCT_EXACT_CAP, hashValue, mergeDistinct, newDistinct} from '../../src/checks/profile/distinct.js'
import {addToHistogram, binsOf, MAX_BINS, mergeHistograms, newHistogram} from '../../src/checks/profile/histogram.js'
import type {TableProfile} from '../../src/checks/profile/types.js'
import type {TableCheckHooks} from '../../src/engine/check.js'
import {buildReport} from '../../src/report/build.js'
import type {Row, TableHead} from '../../src/table/types.js'
import {findingsOf} from '../helpers/rule-tester.js'
import {reportValidator} from '../report/report-schema.js'
import {hooksOf, loadFixture, type LoadedTable} from './merge-harness.js'


function byName(profile: TableProfile) {
  return Object.fromEntries(profile.columns.map((c) => [c.name, c]))
}

/** The profile after cutting the rows before each index in `cuts` and merging the chunk states in order. */
function profileOf(hooks: TableCheckHooks<unknown>, table: LoadedTable, cuts: number[] = []): TableProfile {
  const bounds = [0, ...cuts, table.rows.length]
  let state: unknown
  for (let c = 0; c + 1 < bounds.length; c++) {
    const chunk = hooks.init!(table.head)
    for (const row of table.rows.slice(bounds[c], bounds[c + 1])) hooks.row!(chunk, row, () => {})
    state = c === 0 ? structuredClone(chunk) : hooks.merge!(state, structuredClone(chunk), table.head, () => {})
  }
  return hooks.facts!(state, table.head, table.stats)!.profile as TableProfile
}

describe('rule column-profile', () => {
  it('reports no findings and publishes a profile of every column', async () => {
    const {findings, count, table} = await findingsOf('column-profile', 'typed.csv')
    expect(findings).toEqual([])
    expect(count).toBe(0)
    const profile = table.facts!.profile as TableProfile
    expect(profile.rows).toBe(10)
    expect(profile.columns.map((c) => [c.fieldNumber, c.name, c.type])).toEqual([
      [1, 'Ref', 'integer'],
      [2, 'Amount', 'number'],
      [3, 'Paid On', 'date'],
      [4, 'Approved', 'boolean'],
      [5, 'Cost Centre', 'string'],
      [6, 'Supplier', 'string'],
      [7, 'Notes', 'string'],
      [8, 'Telephone', 'string'],
      [9, 'Spare', 'empty'],
      [10, 'Date of Birth', 'date'],
      [11, 'Patient Ref', 'integer'],
    ])
  })

  it('counts blanks, placeholders and distinct values, and gives the range and histogram of numbers', async () => {
    const {table} = await findingsOf('column-profile', 'typed.csv')
    const c = byName(table.facts!.profile as TableProfile)
    expect(c.Ref).toMatchObject({present: 10, blank: 0, placeholders: 0, missingShare: 0, distinct: 10, distinctExact: true, min: 1, max: 10})
    // Whole numbers get bins at least one wide.
    expect(c.Ref.histogram!.every((b) => (b.to as number) - (b.from as number) >= 1)).toBe(true)
    expect(c.Amount).toMatchObject({present: 8, blank: 1, placeholders: 1, missingShare: 0.2, distinct: 8, min: -20, max: 1250, kinds: {decimal: 3, integer: 5}})
    expect(c.Amount.typeShare).toBe(1)
    const amountBins = c.Amount.histogram!
    expect(amountBins.reduce((n, b) => n + b.count, 0)).toBe(8)
    expect(amountBins[0].from as number).toBeLessThanOrEqual(-20)
    expect(amountBins.at(-1)!.to as number).toBeGreaterThan(1250)
    expect(amountBins.length).toBeLessThanOrEqual(MAX_BINS)
    expect(c['Cost Centre']).toMatchObject({distinct: 3, kinds: {code: 10}, minLength: 3, maxLength: 3})
    expect(c['Cost Centre'].min).toBeUndefined()
    expect(c.Supplier).toMatchObject({distinct: 4, minLength: 8, maxLength: 12})
    expect(c.Notes).toMatchObject({present: 2, blank: 8, missingShare: 0.8})
    expect(c.Spare).toMatchObject({present: 0, blank: 10, missingShare: 1, distinct: 0})
    expect(c.Approved).toMatchObject({distinct: 2, kinds: {boolean: 10}})
  })

  it('gives dates as ISO dates, reading day-first dates as UK publishers write them', async () => {
    const {table} = await findingsOf('column-profile', 'typed.csv')
    const paid = byName(table.facts!.profile as TableProfile)['Paid On']
    expect(paid).toMatchObject({min: '2025-04-01', max: '2025-09-30', distinct: 9})
    expect(paid.histogram!.reduce((n, b) => n + b.count, 0)).toBe(10)
    expect(typeof paid.histogram![0].from).toBe('string')
  })

  it('withholds the range of columns that look personal: by name (date of birth) or by value (NHS numbers)', async () => {
    const {table} = await findingsOf('column-profile', 'typed.csv')
    const c = byName(table.facts!.profile as TableProfile)
    for (const name of ['Date of Birth', 'Patient Ref']) {
      expect(c[name].masked).toBe(true)
      expect(c[name].min).toBeUndefined()
      expect(c[name].max).toBeUndefined()
      expect(c[name].histogram).toBeUndefined()
    }
    const text = JSON.stringify(table.facts)
    expect(text).not.toContain('4505577104')
    expect(text).not.toContain('1950-02-28')
  })

  it('puts the profile in the JSON report, valid against schemas/report.schema.json', async () => {
    const {table, result} = await findingsOf('column-profile', 'typed.csv')
    const report = buildReport(result, {version: '0.0.0-test', failOn: 'error'})
    expect(report.resources[0].profile).toEqual(table.facts!.profile)
    const validate = reportValidator()
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
  })

  it('is off by default: a plain check has no profile', async () => {
    const {result} = await findingsOf('blank-row', '../column-profile/typed.csv')
    expect(result.tables[0].facts).toBeUndefined()
  })

  it('gives the same profile when worker threads check the table in chunks', async () => {
    const single = await findingsOf('column-profile', 'typed.csv', undefined, {jobs: 1})
    const parallel = await findingsOf('column-profile', 'typed.csv', undefined, {jobs: 3, parallel: {chunkBytes: 120, minBytes: 0}})
    expect(parallel.table.facts).toEqual(single.table.facts)
  })

  it('merges chunk states to the one-pass profile at every cut', async () => {
    const table = await loadFixture('column-profile', 'typed.csv')
    const hooks = hooksOf(columnProfile)
    const whole = profileOf(hooks, table)
    for (let cut = 1; cut < table.rows.length; cut++) expect(profileOf(hooks, table, [cut])).toEqual(whole)
    expect(profileOf(hooks, table, [2, 5, 7])).toEqual(whole)
  })
})

const cell = fc.oneof(
  fc.integer({min: -5000, max: 5000}).map(String),
  fc.double({min: -1e6, max: 1e6, noNaN: true}).map((n) => n.toFixed(2)),
  fc.date({min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true}).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('', 'N/A', ' x ', 'yes', '007', 'Acme Ltd'),
  fc.string({maxLength: 6}),
)

describe('column-profile on random tables', () => {
  it('gives the same profile however the rows are cut into chunks', () => {
    const head = {labels: ['a', 'b', 'c']} as TableHead
    fc.assert(
      fc.property(fc.array(fc.array(cell, {minLength: 0, maxLength: 4}), {maxLength: 60}), fc.array(fc.nat(), {maxLength: 4}), (cells, rawCuts) => {
        const rows: Row[] = cells.map((c, i) => ({cells: c, rowNumber: i + 2, line: i + 2}))
        const table: LoadedTable = {head, rows, stats: {rowCount: rows.length, lineEndings: {crlf: 0, lf: 0, cr: 0}, problems: [], bytes: 0}}
        const cuts = [...new Set(rawCuts.map((n) => (rows.length ? n % rows.length : 0)))].filter((n) => n > 0).sort((x, y) => x - y)
        const hooks = hooksOf(columnProfile)
        expect(profileOf(hooks, table, cuts)).toEqual(profileOf(hooks, table))
      }),
      {numRuns: 200},
    )
  })
})

describe('distinct counts', () => {
  it('are exact up to the cap, then estimated within a few per cent', () => {
    const exact = newDistinct()
    for (let i = 0; i < DISTINCT_EXACT_CAP; i++) addDistinct(exact, hashValue(`v${i}`))
    expect(distinctCount(exact)).toEqual({count: DISTINCT_EXACT_CAP, exact: true})
    const many = newDistinct()
    for (let i = 0; i < 50_000; i++) addDistinct(many, hashValue(`value ${i % 20_000}`))
    const {count, exact: isExact} = distinctCount(many)
    expect(isExact).toBe(false)
    expect(Math.abs(count - 20_000) / 20_000).toBeLessThan(0.05)
  })

  it('merge an exact half and an estimated half to what one pass gives', () => {
    const whole = newDistinct()
    const left = newDistinct()
    const right = newDistinct()
    for (let i = 0; i < 3000; i++) {
      const h = hashValue(String(i % 1500))
      addDistinct(whole, h)
      addDistinct(i < 600 ? left : right, h)
    }
    expect(left.exact).not.toBeNull()
    expect(right.exact).toBeNull()
    expect(distinctCount(mergeDistinct(left, right))).toEqual(distinctCount(whole))
  })
})

describe('histogram sketch', () => {
  it('keeps at most 32 bins covering every value, and merges exactly', () => {
    // Subnormal numbers count as 0 in the sketch (dividing them is not exact); they are not data anyone publishes.
    const value = fc.oneof(fc.integer({min: -1e6, max: 1e6}), fc.double({min: -1e9, max: 1e9, noNaN: true}).filter((v) => v === 0 || Math.abs(v) > 1e-100))
    fc.assert(
      fc.property(fc.array(value, {minLength: 1, maxLength: 200}), fc.nat(), (values, at) => {
        const whole = newHistogram(-10)
        values.forEach((v) => addToHistogram(whole, v))
        const cut = at % values.length
        const left = newHistogram(-10)
        const right = newHistogram(-10)
        values.forEach((v, i) => addToHistogram(i < cut ? left : right, v))
        expect(structuredClone(mergeHistograms(structuredClone(left), structuredClone(right)))).toEqual(whole)
        const bins = binsOf(whole)
        expect(bins.length).toBeLessThanOrEqual(MAX_BINS)
        expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length)
        expect(bins[0].from).toBeLessThanOrEqual(Math.min(...values))
        expect(bins.at(-1)!.to).toBeGreaterThan(Math.max(...values))
      }),
      {numRuns: 300},
    )
  })
})

describe('dates', () => {
  it('reads ISO, day-first and month-name dates, and rejects impossible ones', () => {
    const iso = (text: string) => {
      const day = parseDay(text)
      return day === undefined ? undefined : new Date(day * 86_400_000).toISOString().slice(0, 10)
    }
    expect(iso('2025-09-29')).toBe('2025-09-29')
    expect(iso('2025-09-29T10:00:00Z')).toBe('2025-09-29')
    expect(iso('29/09/2025')).toBe('2025-09-29')
    expect(iso('03/04/2025')).toBe('2025-04-03')
    expect(iso('29-Sep-2025')).toBe('2025-09-29')
    expect(iso('1 September 2025')).toBe('2025-09-01')
    expect(iso('Sep-25')).toBe('2025-09-01')
    expect(iso('31/02/2025')).toBeUndefined()
    expect(iso('2025-13-01')).toBeUndefined()
    expect(iso('1 Smarch 2025')).toBeUndefined()
  })
})
