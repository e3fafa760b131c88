/**
 * The CSV on the Web table model odcheck validates against, after the metadata document has
 * been processed (https://www.w3.org/TR/tabular-metadata/): inherited properties resolved,
 * invalid values dropped with a warning, links resolved to absolute URLs. Everything here is
 * plain data, so a table's description travels to worker threads with its TableHead.
 */

/** A problem the CSVW specification names: errors make the metadata (or data) invalid, warnings do not. */
export interface CsvwProblem {
  severity: 'error' | 'warning'
  /** Stable kind, for tests and docs (e.g. `json-syntax`, `property-value`, `unknown-property`). */
  code: string
  /** What is wrong, in plain words. */
  message: string
  /** The document the problem is in, as named in reports. */
  file: string
  /** JSON pointer to the value at fault (`/tables/0/url`). */
  pointer?: string
  line?: number
  column?: number
  /** The table the problem is about, as named in reports. */
  table?: string
  /** Absolute URL of the document (`file:` for a local one): which metadata file it is, for other rules. */
  url?: string
  /** Absolute URL of the table the problem is about. */
  tableUrl?: string
  /** A JSON syntax error odcheck read past (trailing commas), using the rest of the document for the tables. */
  readOn?: boolean
}

export type TrimMode = 'true' | 'false' | 'start' | 'end'

export interface CsvwDialect {
  encoding: string
  /** Whether `encoding` was written in the metadata (otherwise odcheck still detects it). */
  encodingGiven: boolean
  lineTerminators: string[]
  quoteChar: string | null
  doubleQuote: boolean
  skipRows: number
  commentPrefix: string | null
  header: boolean
  headerRowCount: number
  delimiter: string
  skipColumns: number
  skipBlankRows: boolean
  skipInitialSpace: boolean
  trim: TrimMode
}

export interface NumberFormat {
  pattern?: string
  decimalChar: string
  groupChar: string | null
}

export interface CsvwDatatype {
  /** A built-in datatype name (`integer`, `date`, `string`, ...). */
  base: string
  /** `@id` of a derived datatype. */
  id?: string
  /** Regular expression (strings, durations), date/time pattern, or boolean `true|false` values. */
  format?: string
  /** Number pattern and separators, for numeric bases. */
  numberFormat?: NumberFormat
  length?: number
  minLength?: number
  maxLength?: number
  minInclusive?: string | number
  maxInclusive?: string | number
  minExclusive?: string | number
  maxExclusive?: string | number
}

export interface CsvwColumn {
  /** 1-based position among the schema's columns. */
  number: number
  /** The name annotation: `name`, else derived from the first title, else `_col.N`. */
  name: string
  /** Whether `name` was written in the metadata (column references match written names). */
  nameGiven: boolean
  /** Titles by language tag (`und` when none). */
  titles: Record<string, string[]>
  virtual: boolean
  suppressOutput: boolean
  required: boolean
  null: string[]
  default: string
  separator: string | null
  ordered: boolean
  lang: string
  textDirection: string
  datatype: CsvwDatatype
  aboutUrl?: string
  propertyUrl?: string
  valueUrl?: string
  /** Where the column is described: JSON pointer in `file`. */
  pointer: string
  file: string
}

export interface CsvwForeignKey {
  /** `<table url> #<index>`: identifies the key across the group. */
  id: string
  columns: string[]
  reference: {table: string; columns: string[]}
  pointer: string
  file: string
}

export interface CsvwSchema {
  id?: string
  columns: CsvwColumn[]
  primaryKey: string[]
  rowTitles: string[]
  foreignKeys: CsvwForeignKey[]
}

export interface CsvwTable {
  /** Absolute, normalised URL (`file:` for local tables). */
  url: string
  /** Local file holding the table (downloaded for http tables); absent when it cannot be read. */
  path?: string
  /** How reports name the table. */
  name: string
  id?: string
  suppressOutput: boolean
  dialect: CsvwDialect
  /** Absent when the metadata gives no tableSchema: columns then come from the header alone. */
  schema?: CsvwSchema
  /** Language of titles read from the header (the table's `lang`). */
  lang: string
  /** Keys of other tables (or this one) that point at this table. */
  referencedBy: Array<{id: string; columns: string[]}>
  /** The metadata document describing the table, as named in reports, and where in it. */
  metadata: string
  pointer: string
  /** Line of the table's description in the metadata file. */
  line?: number
}

export interface CsvwGroup {
  /** URL of the metadata document. */
  url: string
  /** How reports name it. */
  name: string
  tables: CsvwTable[]
}

/** What a table's head carries: its description and the metadata it came from. */
export interface CsvwTableHead {
  table: CsvwTable
  /** Metadata document, as named in reports. */
  metadata: string
}
