/**
 * The contract between the engine and a check implementation.
 *
 * A check is created once per rule with the rule's validated options. For tables the
 * engine may split the data rows into chunks checked in parallel: each chunk gets its own
 * state from `init`, sees its rows through `row`, and the engine folds the chunk states
 * together in file order with `merge` before calling `end` once. State must therefore be
 * structured-cloneable (plain objects, arrays, Maps, Sets) and `merge` must make the result
 * equal to what one chunk would have produced.
 */
import type {ActiveRule, Finding, FindingInput, Report} from './types.js'
import type {Row, TableHead, TableStats} from '../table/types.js'
import type {JsonDocument} from '../table/json.js'
import type {RdfStatement} from '../table/rdf.js'
import type {DatasetMetadata} from '../metadata/model.js'
import type {MetadataLoad} from '../metadata/load-types.js'
import type {CheckedLink} from '../metadata/links.js'
import type {Compression} from '../load/archive-kind.js'

/** What dataset-level hooks see once every table has been checked. */
export interface DatasetContext {
  /** The normalised metadata found for the dataset, if any. */
  metadata?: DatasetMetadata
  /** Every metadata document that was read (several sources may describe one dataset). */
  metadataSources: DatasetMetadata[]
  /** How odcheck found and read the metadata (files it could not use, where it looked, local paths), when it looked itself. */
  metadataLoad?: MetadataLoad
  /** With --online: every web link in the metadata with what asking for it gave. Absent offline. */
  links?: CheckedLink[]
  /**
   * The dataset-level rules of this pass, with their options. A general rule leaves a problem
   * to a more specific rule that reports it when that rule is running (one finding per problem),
   * and reports it itself when it is not. Table rules that ran show in each table's `counts`.
   */
  rules?: ActiveRule[]
  tables: Array<{
    resource: string
    /** Absolute path of the file the table was read from (through the archive, for a file inside a zip or tar archive). */
    path?: string
    /** Read from inside a .zip, .gz or tar archive: sizes and hashes declared for the file stored are the archive's. */
    compression?: Compression
    head?: TableHead
    stats?: TableStats
    /** Findings listed so far for this table (capped per rule) and exact counts per rule id. */
    findings: Finding[]
    counts: Record<string, number>
  }>
}

/**
 * Equal cells of one column, as `value` hooks see them: the value, how many cells hold it and
 * where the first of them is. Read-only, and only valid during the call: copy what you keep.
 */
export interface CellRun {
  /** 0-based column index (fieldNumber - 1). */
  column: number
  /** The cell exactly as read (never empty; not trimmed). */
  value: string
  /** How many cells of the column hold it. */
  count: number
  /** Row number and physical line of the first of them. */
  rowNumber: number
  line: number
  /** Row numbers of the first few of them, ascending (at least `valueRows` of them when there are that many). */
  rowNumbers: number[]
}

export interface TableCheckHooks<State = unknown> {
  /** Called once, before any row, on the main thread. */
  header?(head: TableHead, report: Report): void
  /**
   * Whether `row` and `value` have anything to do on this table: false (a schema check on a
   * table without a schema) and the engine does not call them for its rows, which costs a call
   * per row otherwise. `init`, `merge` and `end` still run. Asked once per chunk.
   */
  appliesTo?(head: TableHead): boolean
  /** `rows`: about how many rows this state will see (table/expected-rows.ts; 0 or absent when unknown), for sizing tables up front. */
  init?(head: TableHead, rows?: number): State
  row?(state: State, row: Row, report: Report): void
  /**
   * For a check that judges a cell by its value and column alone (personal data, value kinds,
   * placeholders): called instead of once per cell, once per run of equal non-empty cells of a
   * column (src/engine/value-groups.ts), so a value repeated down a column is judged once.
   * Runs of one column come in order of their first row; one value may come in several runs.
   * Runs of different columns interleave.
   */
  value?(state: State, run: CellRun, report: Report): void
  /** How many row numbers of each run `value` needs in `run.rowNumbers` (default 1). */
  valueRows?: number
  /** Fold `right` (the rows after `left`) into `left`. May report findings spanning both. */
  merge?(left: State, right: State, head: TableHead, report: Report): State
  end?(state: State, head: TableHead, stats: TableStats, report: Report): void
  /**
   * Facts about the table for the report rather than findings (e.g. `profile`, a column
   * profile), from the merged state, once after `end`. Plain JSON data; TableResult.facts
   * gathers them by key.
   */
  facts?(state: State, head: TableHead, stats: TableStats): Record<string, unknown> | undefined
  /**
   * For JSON and GeoJSON data, which is parsed whole rather than read row by row: called once
   * with the document (src/engine/run-document.ts). Checks with this hook run only on JSON
   * resources, and no other table check does (but source-error,
   * which says when the file cannot be read). A finding whose `details.pointer` is a JSON
   * Pointer gets the record it falls in from the engine: `rowNumber` = feature (or top-level
   * array item) index + 1 and `fieldName` = the property (or `geometry`), unless it sets
   * them, and the `line` the value starts on.
   */
  document?(doc: JsonDocument, head: TableHead, report: Report): void
  /**
   * For RDF data (Turtle, N-Triples, RDF/XML, JSON-LD, ...), which has statements rather than
   * rows (src/engine/run-rdf.ts): called once per distinct statement, in the order the parser
   * gives them. Checks with this hook or `graphEnd` run only on RDF resources, and no other
   * table check does (but source-error and rdf-syntax-error, which say when the file cannot be
   * read). Keep what you count in the closure `create` makes: it is called once per file.
   */
  triple?(statement: RdfStatement, report: Report): void
  /** After the last statement of an RDF file that was read through: how many distinct statements it holds. */
  graphEnd?(graph: RdfGraph, report: Report): void
  /**
   * Called once per dataset after all tables, for rules about metadata, licences and the
   * dataset as a whole. Findings without a `resource` are attributed to the metadata file
   * (or the dataset folder when there is none).
   */
  dataset?(context: DatasetContext, report: DatasetReport): void
}

/**
 * Whether hooks read a table (its head, rows or cells): false only for checks that look at the
 * dataset as a whole, at parsed JSON documents or at RDF statements alone. Such checks do not run on each table,
 * nor in the worker threads that check large tables (which load checks/table.ts).
 */
export function readsRows(hooks: TableCheckHooks<unknown>): boolean {
  return Boolean(hooks.header || hooks.init || hooks.row || hooks.value || hooks.end || (!hooks.dataset && !hooks.document && !hooks.triple && !hooks.graphEnd))
}

/** What `graphEnd` hooks learn about an RDF file read through. */
export interface RdfGraph {
  head: TableHead
  /** Distinct statements (triples, or quads in TriG and N-Quads). */
  statements: number
}

/** Like Report, but a dataset-level finding may name the resource it is about. */
export type DatasetReport = (finding: FindingInput & {resource?: string}) => void

export interface CheckDefinition<Options = Record<string, unknown>, State = unknown> {
  /** Registry name, referenced by `check:` in a rule set. */
  name: string
  /** JSON Schema of the options; validated with ajv before the run. */
  optionsSchema: Record<string, unknown>
  /** Message templates; `{{key}}` is filled from the finding's details, fieldName, rowNumber, fieldNumber; `{{count|row}}` writes "1 row" or "1,739 rows", `{{count|#}}` "1,739", `{{columns|column}}` "columns 3–10" (engine/message.ts). */
  messages: Record<string, string>
  create(options: Options): TableCheckHooks<State>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheck = CheckDefinition<any, any>

/** What a check module (built-in or plugin) exports. */
export interface CheckModule {
  checks: AnyCheck[]
}

export function defineCheck<Options, State>(check: CheckDefinition<Options, State>): CheckDefinition<Options, State> {
  return check
}
