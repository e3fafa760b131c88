/**
 * Runs of one problem down a column or along a row, for reports a person reads: 976 trailing
 * blank rows, or 24 unnamed columns left by a spreadsheet export, read better as one line and
 * "… and 975 more like it in rows 1250–2224" than as a screenful of near-identical lines.
 * The stylish and Markdown reports and GitHub annotations show runs so; JSON, SARIF and JUnit
 * keep every finding.
 */
import type {Finding} from '../../engine/types.js'

export interface FindingRun {
  /** The first finding of the run, shown in full. */
  first: Finding
  /** The findings after it, when it was collapsed with them. */
  rest: Finding[]
  /** rows: the same column of consecutive rows; columns: consecutive columns of one row. */
  axis?: 'rows' | 'columns'
}

/** Fewest findings that are shown as one line and a count. */
export const MIN_RUN = 3

function key(f: Finding, along: 'rows' | 'columns'): string {
  return [f.resource, f.rule, f.severity, along === 'rows' ? f.fieldNumber : f.rowNumber].join('\0')
}

function continues(last: Finding, f: Finding, along: 'rows' | 'columns'): boolean {
  if (last.rowNumber === undefined || f.rowNumber === undefined) return false
  if (along === 'rows') return f.rowNumber === last.rowNumber + 1
  // Along a row only the same problem repeated (unnamed columns), not a summary per column that differs in what it found.
  return f.rowNumber === last.rowNumber && f.fieldNumber !== undefined && f.fieldNumber === (last.fieldNumber ?? 0) + 1 && JSON.stringify(f.details) === JSON.stringify(last.details)
}

/** Runs of MIN_RUN or more along one axis among the findings not yet taken, by their first finding. */
function runsAlong(findings: Finding[], along: 'rows' | 'columns', taken: Set<Finding>): FindingRun[] {
  const open = new Map<string, Finding[]>()
  const all: Finding[][] = []
  for (const f of findings) {
    if (taken.has(f) || f.rowNumber === undefined || (along === 'columns' && f.fieldNumber === undefined)) continue
    const k = key(f, along)
    const run = open.get(k)
    if (run && continues(run.at(-1)!, f, along)) run.push(f)
    else {
      const fresh = [f]
      open.set(k, fresh)
      all.push(fresh)
    }
  }
  return all.filter((run) => run.length >= MIN_RUN).map(([first, ...rest]) => ({first, rest, axis: along}))
}

/**
 * The findings in their order, with each run of MIN_RUN or more of one rule (same severity,
 * same resource) in consecutive rows of one column, or else in consecutive columns of one row
 * with the same details, folded into its first finding. Runs down columns are found first:
 * cells spaced alike in two neighbouring columns of many rows are two runs down, not many
 * pairs across.
 */
export function collapseRuns(findings: Finding[]): FindingRun[] {
  const taken = new Set<Finding>()
  const folded = new Map<Finding, FindingRun>()
  for (const along of ['rows', 'columns'] as const) {
    for (const run of runsAlong(findings, along, taken)) {
      folded.set(run.first, run)
      taken.add(run.first)
      for (const f of run.rest) taken.add(f)
    }
  }
  return findings.filter((f) => folded.has(f) || !taken.has(f)).map((f) => folded.get(f) ?? {first: f, rest: []})
}

/** `… and 975 more like it in rows 1250–2224`, or undefined for a single finding. */
export function describeRest(run: FindingRun): string | undefined {
  if (run.rest.length === 0) return undefined
  const last = run.rest.at(-1)!
  const from = run.rest[0]
  const span = run.axis === 'columns' ? `columns ${from.fieldNumber}–${last.fieldNumber}` : `rows ${from.rowNumber}–${last.rowNumber}`
  return `… and ${run.rest.length} more like it in ${span}`
}
