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
import type {Report} from './types.js'
import type {Row, TableHead, TableStats} from '../table/types.js'

export interface TableCheckHooks<State = unknown> {
  /** Called once, before any row, on the main thread. */
  header?(head: TableHead, report: Report): void
  init?(head: TableHead): State
  row?(state: State, row: Row, report: Report): void
  /** Fold `right` (the rows after `left`) into `left`. May report findings spanning both. */
  merge?(left: State, right: State, head: TableHead, report: Report): State
  end?(state: State, head: TableHead, stats: TableStats, report: Report): void
}

export interface CheckDefinition<Options = Record<string, unknown>, State = unknown> {
  /** Registry name, referenced by `check:` in a rule set. */
  name: string
  /** JSON Schema of the options; validated with ajv before the run. */
  optionsSchema: Record<string, unknown>
  /** Message templates; `{{key}}` is filled from the finding's details, fieldName, rowNumber, fieldNumber. */
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
