/**
 * Kinds of value a UK open dataset often holds as plain codes that have well-known linked-data
 * URIs: ONS GSS geography codes, full postcodes and calendar intervals on reference.data.gov.uk.
 * Each kind recognises a cell value and fills its URI template.
 */

export interface LinkKind {
  id: 'gss-code' | 'postcode' | 'year' | 'month' | 'quarter' | 'government-year'
  /** What the values are, for messages. */
  name: string
  uriTemplate: string
  /** The template's variable filled from a value, or undefined when the value is not of this kind. */
  key(value: string): string | undefined
  /** The shortest and longest a value of this kind can be: values of other lengths are not tried. */
  lengths: [min: number, max: number]
  /** Label words a column must have before its values are read as this kind (years are plain numbers). */
  labelHint?: RegExp
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
/** Full and three-letter month names (and "sept") → month number. */
const MONTHS = new Map<string, number>([...MONTH_NAMES.flatMap((name, i): Array<[string, number]> => [[name, i + 1], [name.slice(0, 3), i + 1]]), ['sept', 9]])
const POSTCODE = /^(GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/i

function fill(template: string, key: string): string {
  return template.replace(/\{[^}]+\}/, key)
}

export const LINK_KINDS: LinkKind[] = [
  {
    id: 'gss-code',
    name: 'ONS GSS geography codes',
    uriTemplate: 'http://statistics.data.gov.uk/id/statistical-geography/{code}',
    lengths: [9, 9],
    key: (v) => (v.length === 9 && /^[EWSNK]\d{8}$/.test(v) ? v : undefined),
  },
  {
    id: 'postcode',
    name: 'full postcodes',
    uriTemplate: 'http://data.ordnancesurvey.co.uk/id/postcodeunit/{POSTCODE}',
    lengths: [5, 8],
    key: (v) => (v.length >= 5 && v.length <= 8 && POSTCODE.test(v) ? v.toUpperCase().replace(/ /g, '') : undefined),
  },
  {
    id: 'month',
    name: 'months',
    uriTemplate: 'http://reference.data.gov.uk/id/month/{month}',
    // "2024-03" to "September. 2024".
    lengths: [7, 15],
    key(v) {
      const first = v.charCodeAt(0)
      // "2024-03", or a month name first ("Mar 2024"): other values starting with a digit are not months.
      if (first >= 48 && first <= 57) {
        const iso = v.length === 7 ? /^((?:19|20)\d{2})-(0[1-9]|1[0-2])$/.exec(v) : null
        return iso ? `${iso[1]}-${iso[2]}` : undefined
      }
      // A name ends in a space or dash and a year: most text fails at that character, before any pattern runs.
      const before = v.charCodeAt(v.length - 5)
      if (before !== 32 && before !== 45) return undefined
      const named = /^([a-z]+)\.?[ -]((?:19|20)\d{2})$/i.exec(v)
      const month = named ? MONTHS.get(named[1].toLowerCase()) : undefined
      return month ? `${named![2]}-${String(month).padStart(2, '0')}` : undefined
    },
  },
  {
    id: 'quarter',
    name: 'quarters',
    uriTemplate: 'http://reference.data.gov.uk/id/quarter/{quarter}',
    lengths: [6, 7],
    key(v) {
      // "2024 Q1", "2024-Q1", "2024q1": a Q before the last character, which most values of this length lack.
      if (v.length < 6 || v.length > 7 || (v.charCodeAt(v.length - 2) | 32) !== 113) return undefined
      const m = /^((?:19|20)\d{2})[ -]?Q([1-4])$/i.exec(v)
      return m ? `${m[1]}-Q${m[2]}` : undefined
    },
  },
  {
    id: 'government-year',
    name: 'financial years',
    uriTemplate: 'http://reference.data.gov.uk/id/government-year/{governmentYear}',
    lengths: [7, 9],
    key(v) {
      // "2024-25", "2024/2025": a dash or slash after the first year, which amounts and codes of these lengths lack.
      const sep = v.charCodeAt(4)
      if ((v.length !== 7 && v.length !== 9) || (sep !== 45 && sep !== 47)) return undefined
      const m = /^((?:19|20)\d{2})[-/](\d{2}|\d{4})$/.exec(v)
      if (!m) return undefined
      const start = Number(m[1])
      const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) + (Number(m[2]) < start % 100 ? 100 : 0) : Number(m[2])
      return end === start + 1 ? `${start}-${end}` : undefined
    },
  },
  {
    id: 'year',
    name: 'years',
    uriTemplate: 'http://reference.data.gov.uk/id/year/{year}',
    lengths: [4, 4],
    key: (v) => (v.length === 4 && /^(1[89]|20)\d{2}$/.test(v) ? v : undefined),
    labelHint: /year|\byr\b|period/i,
  },
]

export function uriFor(kind: LinkKind, key: string): string {
  return fill(kind.uriTemplate, key)
}
