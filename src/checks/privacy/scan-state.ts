/**
 * The personal-data scan's state: per column, how many cells were scanned and, per kind,
 * how many matched, where the first match was and a few masked examples. Plain data, so it
 * crosses worker threads; `mergeScanStates` folds two chunks (left = earlier rows) into
 * exactly what one pass over both would have built.
 */
import type {PersonalKind} from './kinds.js'
import type {CellMatch, ColumnPlan, MatchTag} from './match-cell.js'

export interface KindTally {
  matches: number
  /** Row number of the first matching cell. */
  firstRow: number
  /** First distinct masked examples of personal-looking matches, in file order. */
  examples: string[]
  /** First distinct masked examples of matches that are probably not personal (role mailboxes, service numbers). */
  secondaryExamples: string[]
  tags: Partial<Record<MatchTag, number>>
}

export interface ColumnTally {
  /** Non-empty cells scanned (placeholders such as `NA` and redaction markers left out). */
  cells: number
  /** Cells holding a redaction marker. */
  redacted: number
  kinds: Partial<Record<PersonalKind, KindTally>>
}

export interface ScanState {
  plans: ColumnPlan[]
  columns: ColumnTally[]
  /** How many distinct examples to keep per list. */
  keep: number
}

export function emptyColumn(): ColumnTally {
  return {cells: 0, redacted: 0, kinds: {}}
}

function addExample(list: string[], example: string, keep: number): void {
  if (list.length < keep && !list.includes(example)) list.push(example)
}

/** Counts `count` equal cells matching `match`, the first of them in row `rowNumber`. */
export function recordMatch(column: ColumnTally, match: CellMatch, rowNumber: number, keep: number, count = 1): void {
  let tally = column.kinds[match.kind]
  if (!tally) {
    tally = {matches: 0, firstRow: rowNumber, examples: [], secondaryExamples: [], tags: {}}
    column.kinds[match.kind] = tally
  }
  tally.matches += count
  addExample(match.secondary ? tally.secondaryExamples : tally.examples, match.example, keep)
  for (const tag of match.tags) tally.tags[tag] = (tally.tags[tag] ?? 0) + count
}

/** Left's examples, then right's that left lacks: the first distinct examples of both, as one pass would keep. */
function mergeExamples(left: string[], right: string[], keep: number): string[] {
  const out = [...left]
  for (const example of right) addExample(out, example, keep)
  return out
}

function mergeTally(left: KindTally | undefined, right: KindTally | undefined, keep: number): KindTally | undefined {
  if (!left || !right) return left ?? right
  const tags: Partial<Record<MatchTag, number>> = {...left.tags}
  for (const [tag, n] of Object.entries(right.tags) as Array<[MatchTag, number]>) tags[tag] = (tags[tag] ?? 0) + n
  return {
    matches: left.matches + right.matches,
    firstRow: left.firstRow,
    examples: mergeExamples(left.examples, right.examples, keep),
    secondaryExamples: mergeExamples(left.secondaryExamples, right.secondaryExamples, keep),
    tags,
  }
}

function mergeColumn(left: ColumnTally | undefined, right: ColumnTally | undefined, keep: number): ColumnTally {
  if (!left || !right) return left ?? right ?? emptyColumn()
  const kinds: ColumnTally['kinds'] = {}
  for (const kind of new Set([...Object.keys(left.kinds), ...Object.keys(right.kinds)]) as Set<PersonalKind>) {
    kinds[kind] = mergeTally(left.kinds[kind], right.kinds[kind], keep)
  }
  return {cells: left.cells + right.cells, redacted: left.redacted + right.redacted, kinds}
}

export function mergeScanStates(left: ScanState, right: ScanState): ScanState {
  const width = Math.max(left.columns.length, right.columns.length)
  const columns: ColumnTally[] = []
  for (let i = 0; i < width; i++) columns.push(mergeColumn(left.columns[i], right.columns[i], left.keep))
  return {plans: left.plans.length >= right.plans.length ? left.plans : right.plans, columns, keep: left.keep}
}
