/** What odcheck learns about a table's bytes before and while it parses them. */
import type {PackageResourceInfo} from '../metadata/package/types.js'
import type {TableSchema} from '../metadata/table-schema/types.js'
import type {CsvwTableHead} from '../metadata/csvw/types.js'

export type LineTerminator = '\r\n' | '\n' | '\r'

export interface Dialect {
  delimiter: string
  quoteChar: string
  /** Escapes a quote inside a quoted field (csv-parse's `escape`); `"` (doubled quotes) when absent. CSVW `doubleQuote: false` makes it `\`. */
  escapeChar?: string
  /** Whether the table has a header row. */
  header: boolean
  lineTerminator: LineTerminator
  /** Records above the header (title rows, notes) that are not part of the table. */
  skipRows: number
}

export interface EncodingInfo {
  /** WHATWG / iconv-lite name: `utf-8`, `utf-16le`, `windows-1252`, ... */
  encoding: string
  bom: boolean
  /** How the encoding was decided. */
  source: 'bom' | 'utf8-valid' | 'detected' | 'given' | 'empty'
  confidence?: number
  /**
   * UTF-8 for now only because the bytes sampled to open the table were plain ASCII: the reader
   * decides at the first non-ASCII byte of the file (see late-encoding.ts).
   */
  provisional?: boolean
}

export interface LineEndingCounts {
  crlf: number
  lf: number
  cr: number
}

/** A problem the reader met below the level of rows: bytes it could not decode or parse. */
export interface SourceProblem {
  kind: 'encoding' | 'unclosed-quote' | 'parse'
  line: number
  rowNumber?: number
  message: string
}

/** Everything known about a table once the header is read; handed to every check. */
export interface TableHead {
  resource: string
  path: string
  /** `csv` / `tsv` for delimited text, `xlsx` for a spreadsheet sheet. */
  format: string
  /** Sheet name, for a spreadsheet. */
  sheet?: string
  encoding: EncodingInfo
  dialect: Dialect
  labels: string[]
  /** Records above the header (title rows), each with its row and line number. */
  preamble: Array<{rowNumber: number; line: number; cells: string[]}>
  /** Line of the header record (1-based, physical). */
  headerLine: number
  /** The delimiter was given (--delimiter, a data package or CSVW dialect), not sniffed. */
  delimiterGiven?: boolean
  /** Table Schema the values must match (`--schema`, or the table's data package resource), normalised. */
  schema?: TableSchema
  /** Where the schema came from: its file, or `datapackage.json#$.resources[2].schema`; for JSON data, its JSON Schema's. */
  schemaSource?: string
  /** The data package resource this file is (part of), with what the package declares about it. */
  packageResource?: PackageResourceInfo
  /** The CSV on the Web description of the table (columns, datatypes, keys) and the metadata file it is in. */
  csvw?: CsvwTableHead
  /** Size of the file in bytes, and average bytes per record in the sample read to open it: see expectedRows. */
  bytes?: number
  recordBytes?: number
}

export interface Row {
  cells: string[]
  /** Record number in the file, header = 1 when it is the first record (Frictionless' rowNumber). */
  rowNumber: number
  /** Physical line where the record starts. */
  line: number
  /** Raw text of the record as it appeared in the file (without its terminator). Only set when a cell holds a quote. */
  raw?: string
  /**
   * The record's text as it appeared in the file, without its terminator, for CSV and TSV (not
   * spreadsheet or JSON rows). Lets a check rule out a whole row with one search, e.g. no `#`
   * means no cell holds a spreadsheet error.
   */
  text?: string
  /** Cells of a runaway record past the parser's MAX_RECORD_CELLS: counted, not in `cells`. */
  dropped?: number
}

/** Where a record is: its row number and the physical line it starts on. */
export interface RecordPlace {
  rowNumber: number
  line: number
}

/** Counts gathered during the pass, available to checks' `end` hooks. */
export interface TableStats {
  rowCount: number
  lineEndings: LineEndingCounts
  /** Of each kind of line break that ends records (not those inside quoted values), the first record it ends. Delimited text only. */
  firstRecordEndings?: Partial<Record<keyof LineEndingCounts, RecordPlace>>
  problems: SourceProblem[]
  bytes: number
  /** Limits that made some of this file's counts approximate, each a sentence naming the file: the report's `limits`. */
  limits?: string[]
  /** Hex digests of the whole file by algorithm (md5, sha256, ...), when the metadata declares a hash to compare. */
  hashes?: Record<string, string>
  /**
   * What `end` hooks keep for dataset-level hooks, by check name: the key hashes a foreign key
   * in another table is checked against. Never reported.
   */
  forDataset?: Record<string, unknown>
}
