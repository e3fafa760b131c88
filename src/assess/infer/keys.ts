/**
 * Which of a table's unique, always-filled columns to propose as its primary key. Being unique
 * is not enough: in a ward population table the population counts may all differ, but a count
 * identifies nothing. Identifier-like columns come first (named id, code, ref, number…, or
 * holding ONS GSS codes, UUIDs or URIs); measures (decimals, and whole numbers named as counts
 * or amounts) are never proposed, so a table whose only unique column is a measure gets no key.
 * Only an identifier is set as the key: a job title or an export's line reference may be unique
 * in the rows at hand without identifying anything, and a key set on it would fail the next
 * release that repeats a value. The other unique columns are listed for the user to judge.
 */
import type {InferredField} from './infer.js'

export type KeyRole = 'identifier' | 'measure' | 'other'

/** The name says the column identifies a row: `Ward code`, `ward_code`, `Transaction No`, `id`, `Identifier`. */
const KEY_NAME = /(^|[\s_.-])(id|ref|reference|code|number|no|key|uprn|usrn|urn)$|^id([\s_.-]|$)|identifier/i
/** Words that name a count or an amount rather than a thing. */
const MEASURE_WORDS = new Set([
  'count', 'counts', 'population', 'populations', 'total', 'totals', 'amount', 'amounts', 'sum', 'quantity', 'qty', 'value', 'values',
  'spend', 'spending', 'cost', 'costs', 'price', 'prices', 'households', 'household', 'people', 'persons', 'residents', 'average', 'mean',
  'median', 'rate', 'percent', 'percentage', 'income', 'votes', 'visits', 'frequency',
])
/** ONS GSS geography codes (E05000819): the codes that identify UK areas. */
export const GSS_CODE = /^[EWSNK]\d{8}$/

function words(label: string): string[] {
  return label
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
}

/** `Number of households`, `No. of pupils`, `population`, `Total spend`: a count or amount by its name. */
export function namedAsMeasure(label: string): boolean {
  const w = words(label)
  if (w.some((word) => MEASURE_WORDS.has(word))) return true
  return w.some((word, i) => (word === 'number' || word === 'no' || word === 'num') && w[i + 1] === 'of')
}

/** The longest value (characters) and the most spaces in one value, as an identifier's values would have them. */
export const TOKEN_MAX_LENGTH = 40
export const TOKEN_MAX_SPACES = 2

/**
 * `tokenLike`: every value is short with few spaces, as codes and reference numbers are; a
 * column named `Reference` that holds sentences is not an identifier.
 */
export function keyRole(field: Pick<InferredField, 'name' | 'type' | 'format'>, gssCodes: boolean, tokenLike = true): KeyRole {
  if (field.type === 'number' || (field.type === 'integer' && namedAsMeasure(field.name))) return 'measure'
  if (gssCodes || field.format === 'uuid' || field.format === 'uri' || (KEY_NAME.test(field.name.trim()) && tokenLike)) return 'identifier'
  return 'other'
}

/** The key candidates best first, measures left out: identifier-like columns, then the others, each in table order. */
export function rankKeyCandidates(columns: Array<{name: string; role: KeyRole}>): string[] {
  const of = (role: KeyRole) => columns.filter((c) => c.role === role).map((c) => c.name)
  return [...of('identifier'), ...of('other')]
}
