/**
 * Reads a table's column names for the small-counts rule: which columns are counts by name,
 * which are keys (area codes, categories), which can never be counts (ids, years, money,
 * coordinates), and whether the table is a spend file or a list of people rather than an
 * aggregate table.
 */
import {columnHints, labelWords} from './labels.js'

export type CountRole = 'count' | 'key' | 'excluded' | 'other'

export interface CountTablePlan {
  roles: CountRole[]
  /** Why the whole table is out of scope, if it is. */
  skip?: 'spend' | 'people'
}

const words = (text: string) => new Set(text.split(' '))

/** Never counts, whatever else the name says. */
const NEVER = words(
  'id ids ref reference code codes urn uprn usrn key index idx seq sequence serial objectid fid uid uuid easting northing x y lat latitude ' +
    'lon long lng longitude coord coords coordinate postcode phone tel percent percentage pct rate rates ratio average avg mean median score ' +
    'rank ranking decile quintile quartile amount cost costs price prices spend spent salary pay income expenditure budget gbp vat fee fees ' +
    'version size length height width weight hectares ha sqm capacity distance wattage watts kw kwh m km metres meters miles kg tonnes litres mph speed temperature',
)
/** Not counts unless the name also says it counts something (`Year 7 pupils`). */
const USUALLY_NOT = words('year years yr month months quarter date period week day time age aged')
const MONEY = words('amount net gross spend spent expenditure value payment paid')
const PAYEE = words('supplier payee beneficiary merchant vendor expense creditor')

function isNumberLabel(w: string[]): 'count' | 'identifier' | undefined {
  const i = w.findIndex((x) => x === 'number' || x === 'no' || x === 'num' || x === 'nos' || x === 'numbers')
  if (i < 0) return undefined
  if (w[i + 1] === 'of' || w.length === 1) return 'count'
  return 'identifier'
}

export function planCountTable(labels: string[], countHints: string[], keyHints: string[]): CountTablePlan {
  const counting = new Set(countHints.map((h) => h.toLowerCase()))
  const keys = new Set(keyHints.map((h) => h.toLowerCase()))
  const all = labels.map(labelWords)
  const flat = all.flat()
  if (flat.some((w) => MONEY.has(w)) && flat.some((w) => PAYEE.has(w))) return {roles: labels.map(() => 'other'), skip: 'spend'}
  const people = labels.some((label) => {
    const hints = columnHints(label)
    return (hints.nameColumn && !hints.genericName) || hints.kinds.some((k) => k === 'date-of-birth' || k === 'nino' || k === 'nhs-number')
  })
  if (people) return {roles: labels.map(() => 'other'), skip: 'people'}
  const roles = all.map((w): CountRole => {
    const number = isNumberLabel(w)
    const hinted = number === 'count' || w.some((x) => counting.has(x))
    if (w.some((x) => NEVER.has(x)) || number === 'identifier') {
      // `Area code`, `Ward code`: a key, however it is spelt.
      return w.some((x) => keys.has(x)) ? 'key' : 'excluded'
    }
    if (hinted) return 'count'
    if (w.some((x) => keys.has(x))) return 'key'
    if (w.some((x) => USUALLY_NOT.has(x))) return 'excluded'
    return 'other'
  })
  return {roles}
}

/** ONS GSS codes: a letter for the country, two digits for the entity, six for the instance (`E05000819`). */
export const GSS_CODE = /^[EWSNKLM]\d{8}$/

const NON_NEGATIVE_INTEGER = /^(?:\d+|\d{1,3}(?:,\d{3})+)$/

/** Values a statistical table writes where a small count was suppressed: `*`, `c`, `[c]`, `..`, `<5`. */
const SUPPRESSION = /^(?:\*+|\[?[cxz]\]?|\.\.|~|:|-|<\s*\d+|\[?suppressed\]?|\[?low\]?)$/i

export type CountCell = {type: 'integer'; value: number; leadingZero: boolean} | {type: 'suppressed'} | {type: 'other'}

export function readCountCell(value: string): CountCell {
  if (NON_NEGATIVE_INTEGER.test(value)) {
    return {type: 'integer', value: Number(value.replace(/,/g, '')), leadingZero: value.length > 1 && value.startsWith('0')}
  }
  return SUPPRESSION.test(value) ? {type: 'suppressed'} : {type: 'other'}
}
