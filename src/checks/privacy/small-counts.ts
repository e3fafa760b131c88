/**
 * small-counts: an aggregate table with counts between 1 and a threshold (by default 1 to 4)
 * lets a reader single out the few people behind a cell, the disclosure risk the ICO's
 * anonymisation guidance describes. Count columns are found by name (`households`, `pupils`,
 * `number of people`, ...) or, in a table keyed by area codes (GSS codes, wards, LSOAs) or
 * demographic categories, by holding only non-negative integers. Ids, years, coordinates, money and spend files are left alone.
 */
import {defineCheck} from '../../engine/check.js'
import {GSS_CODE, planCountTable, readCountCell, type CountTablePlan} from './count-columns.js'

interface Options {
  threshold: number
  countHints: string[]
  keyHints: string[]
}

interface CountColumn {
  nonEmpty: number
  integers: number
  others: number
  suppressed: number
  leadingZeros: number
  years: number
  gssCodes: number
  small: number
  firstSmallRow: number
}

interface State {
  plan: CountTablePlan
  columns: CountColumn[]
}

/** Words that make a column a count of people wherever it is. Plain `count` or `total` columns only count in keyed tables. */
const DEFAULT_COUNT_HINTS = (
  'people persons population households residents pupils patients cases claimants children adults individuals families deaths births ' +
  'victims offenders referrals applicants clients users respondents admissions learners students employees staff members recipients ' +
  'beneficiaries carers males females men women boys girls headcount'
).split(' ')

/** Words that make a column an area code or a demographic category, the keys of an aggregate table. */
const DEFAULT_KEY_HINTS = (
  'ward lsoa msoa oa lad gss geography geo constituency parish neighbourhood age ageband sex gender ethnicity ethnic religion disability nationality'
).split(' ')

/** A stray text cell (a footnote, a `Total` label) does not stop a column being a count column. */
const MAX_OTHER_SHARE = 0.02

function emptyColumn(): CountColumn {
  return {nonEmpty: 0, integers: 0, others: 0, suppressed: 0, leadingZeros: 0, years: 0, gssCodes: 0, small: 0, firstSmallRow: 0}
}

function merge(left: CountColumn, right: CountColumn): CountColumn {
  return {
    nonEmpty: left.nonEmpty + right.nonEmpty,
    integers: left.integers + right.integers,
    others: left.others + right.others,
    suppressed: left.suppressed + right.suppressed,
    leadingZeros: left.leadingZeros + right.leadingZeros,
    years: left.years + right.years,
    gssCodes: left.gssCodes + right.gssCodes,
    small: left.small + right.small,
    firstSmallRow: left.small > 0 ? left.firstSmallRow : right.firstSmallRow,
  }
}

function isCountColumn(c: CountColumn, role: string, keyed: boolean): boolean {
  if (c.integers === 0 || c.leadingZeros > 0 || c.others > (c.integers + c.others) * MAX_OTHER_SHARE) return false
  if (role === 'count') return true
  return role === 'other' && keyed && c.years < c.integers
}

export const smallCounts = defineCheck<Options, State>({
  name: 'small-counts',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      threshold: {type: 'integer', minimum: 2, default: 5, description: 'Counts from 1 up to (not including) this are small.'},
      countHints: {type: 'array', items: {type: 'string', minLength: 1}, default: DEFAULT_COUNT_HINTS, description: 'Words in a column name that make it a count of people.'},
      keyHints: {type: 'array', items: {type: 'string', minLength: 1}, default: DEFAULT_KEY_HINTS, description: 'Words in a column name that make it an area code or demographic category key.'},
    },
  },
  messages: {
    default:
      'Column "{{fieldName}}" has {{smallCells|count}} between 1 and {{maxSmall}}: people in such small groups can be identified. Suppress or round them (e.g. show "<{{threshold}}") before release.',
  },
  create(options) {
    return {
      init: (head): State => ({plan: planCountTable(head.labels, options.countHints, options.keyHints), columns: head.labels.map(emptyColumn)}),
      row(state, row) {
        if (state.plan.skip) return
        const n = Math.min(row.cells.length, state.columns.length)
        for (let i = 0; i < n; i++) {
          const value = row.cells[i].trim()
          if (value === '') continue
          const column = state.columns[i]
          column.nonEmpty++
          if (GSS_CODE.test(value)) column.gssCodes++
          const cell = readCountCell(value)
          if (cell.type === 'suppressed') column.suppressed++
          else if (cell.type === 'other') column.others++
          else {
            column.integers++
            if (cell.leadingZero) column.leadingZeros++
            if (cell.value >= 1900 && cell.value <= 2100) column.years++
            if (cell.value >= 1 && cell.value < options.threshold && column.small++ === 0) column.firstSmallRow = row.rowNumber
          }
        }
      },
      merge: (left, right) => ({plan: left.plan, columns: left.columns.map((c, i) => merge(c, right.columns[i]))}),
      end(state, _head, _stats, report) {
        if (!state || state.plan.skip) return
        const {roles} = state.plan
        const keyed = state.columns.some((c, i) => (roles[i] === 'key' && c.nonEmpty > 0) || (c.gssCodes > 0 && c.gssCodes >= c.nonEmpty * 0.9))
        state.columns.forEach((c, i) => {
          if (c.small === 0 || !isCountColumn(c, roles[i], keyed)) return
          report({
            fieldNumber: i + 1,
            rowNumber: c.firstSmallRow,
            details: {
              smallCells: c.small,
              countCells: c.integers,
              suppressedCells: c.suppressed,
              threshold: options.threshold,
              maxSmall: options.threshold - 1,
              basis: roles[i] === 'count' ? 'column-name' : 'keyed-table',
            },
          })
        })
      },
    }
  },
})
