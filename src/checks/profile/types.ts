/** The profile of a table as the JSON report carries it (`resources[].profile`, schemas/report.schema.json). */

/** The type a column's values fit, judged as most cells go: at least TYPE_SHARE of them. */
export const PROFILE_TYPES = ['empty', 'integer', 'number', 'boolean', 'date', 'datetime', 'time', 'string'] as const
export type ProfileType = (typeof PROFILE_TYPES)[number]

export interface HistogramBin {
  /** Lower bound (inclusive): a number, or an ISO date for date columns. */
  from: number | string
  /** Upper bound (exclusive). */
  to: number | string
  count: number
}

export interface ColumnProfile {
  /** 1-based, as findings' fieldNumber. */
  fieldNumber: number
  name: string
  type: ProfileType
  /** Share of the present values that fit `type` (0 to 1). */
  typeShare: number
  /** Present values per kind of value (integer, decimal, digits, date, datetime, time, boolean, text; `code` for integers with a leading zero). */
  kinds: Record<string, number>
  /** Cells with a value (not blank, not a placeholder such as N/A). */
  present: number
  /** Blank cells, including cells missing from short rows. */
  blank: number
  /** Cells holding a placeholder for a missing value (N/A, -, #N/A, [x], ...). */
  placeholders: number
  /** Share of rows with no value: (blank + placeholders) / rows. */
  missingShare: number
  /** Distinct present values (trimmed); exact up to 1000, estimated above. */
  distinct: number
  distinctExact: boolean
  /** Smallest and largest value: numbers for number columns, ISO dates for date columns; absent for text and when masked. */
  min?: number | string
  max?: number | string
  /** Shortest and longest present value, in characters. */
  minLength?: number
  maxLength?: number
  /** Values counted in the histogram (those that read as the column's type). */
  histogram?: HistogramBin[]
  /** True when the range and histogram are withheld because the column looks like personal data. */
  masked?: boolean
}

export interface TableProfile {
  rows: number
  columns: ColumnProfile[]
}
