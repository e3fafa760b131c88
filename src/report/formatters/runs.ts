/**
 * Runs of one problem down a column or along a row, for reports a person reads: 976 trailing
 * blank rows, or 24 unnamed columns left by a spreadsheet export, read better as one line and
 * "… and 975 more like it in rows 1250–2224" than as a screenful of near-identical lines.
 * Machine formats (JSON, SARIF, JUnit, GitHub) keep every finding.
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
  return [f.resource, f.rule, f.severity, along, along === 'rows' ? f.fieldNumber : f.rowNumber].join('\0')
}

function continues(run: FindingRun, f: Finding, along: 'rows' | 'columns'): boolean {
  if (run.axis && run.axis !== along) return false
  const last = run.rest.at(-1) ?? run.first
  if (last.rowNumber === undefined || f.rowNumber === undefined) return false
  if (along === 'rows') return f.rowNumber === last.rowNumber + 1
  // Along a row only the same problem repeated (unnamed columns), not a summary per column that differs in what it found.
  return f.rowNumber === last.rowNumber && f.fieldNumber !== undefined && f.fieldNumber === (last.fieldNumber ?? 0) + 1 && JSON.stringify(f.details) === JSON.stringify(last.details)
}

/**
 * The findings in their order, with each run of MIN_RUN or more of one rule (same severity,
 * same resource) in consecutive rows of one column, or consecutive columns of one row with the
 * same details, folded
 * into its first finding. Shorter runs stay as separate entries where they were.
 */
export function collapseRuns(findings: Finding[]): FindingRun[] {
  const runs: FindingRun[] = []
  const open = new Map<string, FindingRun>()
  for (const f of findings) {
    let joined = false
    if (f.rowNumber !== undefined) {
      for (const along of ['rows', 'columns'] as const) {
        const run = open.get(key(f, along))
        if (!run || !continues(run, f, along)) continue
        run.axis = along
        run.rest.push(f)
        joined = true
        break
      }
    }
    if (joined) continue
    const run: FindingRun = {first: f, rest: []}
    runs.push(run)
    if (f.rowNumber === undefined) continue
    open.set(key(f, 'rows'), run)
    if (f.fieldNumber !== undefined) open.set(key(f, 'columns'), run)
  }
  const folded = new Map<Finding, FindingRun>()
  const hidden = new Set<Finding>()
  for (const run of runs) {
    if (run.rest.length + 1 < MIN_RUN) continue
    folded.set(run.first, run)
    for (const f of run.rest) hidden.add(f)
  }
  return findings.filter((f) => !hidden.has(f)).map((f) => folded.get(f) ?? {first: f, rest: []})
}

/** `… and 975 more like it in rows 1250–2224`, or undefined for a single finding. */
export function describeRest(run: FindingRun): string | undefined {
  if (run.rest.length === 0) return undefined
  const last = run.rest.at(-1)!
  const from = run.rest[0]
  const span = run.axis === 'columns' ? `columns ${from.fieldNumber}–${last.fieldNumber}` : `rows ${from.rowNumber}–${last.rowNumber}`
  return `… and ${run.rest.length} more like it in ${span}`
}
