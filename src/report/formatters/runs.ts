/**
 * One problem repeated down a column or along a row, for reports a person reads: 976 trailing
 * blank rows, 24 unnamed columns left by a spreadsheet export, or a column whose empty cells
 * hold spaces in 37 rows here and there read better as one line and "… and 975 more like it in
 * rows 1250–2224" than as a screenful of near-identical lines. The stylish and Markdown reports
 * and GitHub annotations show them so; JSON, SARIF and JUnit keep every finding.
 */
import {formatNumber, ranges} from '../../shared/text.js'
import type {Finding} from '../../engine/types.js'
import type {JsonReport} from '../types.js'

export interface FindingRun {
  /** The first finding, shown in full. */
  first: Finding
  /** The findings folded into it. */
  rest: Finding[]
  /** rows: the same rule in other rows of the same column (or, for row findings, other rows); columns: consecutive columns of one row. */
  axis?: 'rows' | 'columns'
}

/** Fewest findings that are shown as one line and a count. */
export const MIN_RUN = 3

/** Each table's header row (after any title rows), by resource path. */
export type HeaderRows = ReadonlyMap<string, number | null>

export function headerRowsOf(report: JsonReport): HeaderRows {
  return new Map(report.resources.map((r) => [r.path, r.dialect?.headerRow ?? null]))
}

/** A finding about a column name (or a title row) does not fold into findings about the column's cells: "Column name "Description " ends with a space … and 71 more like it" would read as 71 more names. */
const aboveData = (f: Finding, headerRows: HeaderRows) => {
  const header = headerRows.get(f.resource)
  return header !== null && header !== undefined && f.rowNumber !== undefined && f.rowNumber <= header
}

const columnKey = (f: Finding, headerRows: HeaderRows) => [f.resource, f.rule, f.severity, f.fieldNumber, aboveData(f, headerRows)].join('\0')

/** Whether f continues a run along a row: the next column, and the same problem (unnamed columns), not a per-column summary that found something else. */
function nextColumn(last: Finding, f: Finding): boolean {
  return f.rowNumber === last.rowNumber && f.fieldNumber !== undefined && f.fieldNumber === (last.fieldNumber ?? 0) + 1 && JSON.stringify(f.details) === JSON.stringify(last.details)
}

/** MIN_RUN or more findings of one rule in one column (or, without a column, anywhere in the table). */
function downColumns(findings: Finding[], headerRows: HeaderRows): FindingRun[] {
  const groups = new Map<string, Finding[]>()
  for (const f of findings) {
    if (f.rowNumber === undefined) continue
    const k = columnKey(f, headerRows)
    const group = groups.get(k)
    if (group) group.push(f)
    else groups.set(k, [f])
  }
  return [...groups.values()].filter((g) => g.length >= MIN_RUN).map(([first, ...rest]) => ({first, rest, axis: 'rows'}))
}

/** MIN_RUN or more findings of one rule in consecutive columns of one row, among those not yet taken. */
function alongRows(findings: Finding[], taken: Set<Finding>): FindingRun[] {
  const runs: Finding[][] = []
  let current: Finding[] = []
  for (const f of findings) {
    if (taken.has(f) || f.rowNumber === undefined || f.fieldNumber === undefined) continue
    const last = current.at(-1)
    if (last && last.resource === f.resource && last.rule === f.rule && last.severity === f.severity && nextColumn(last, f)) current.push(f)
    else runs.push((current = [f]))
  }
  return runs.filter((r) => r.length >= MIN_RUN).map(([first, ...rest]) => ({first, rest, axis: 'columns'}))
}

/**
 * The findings in their order, with the findings of one rule (same severity, same resource)
 * folded into the first of them when there are MIN_RUN or more in one column, and otherwise
 * when MIN_RUN or more with the same details lie in consecutive columns of one row. Findings
 * in the header (or above it) fold only with each other.
 */
export function collapseRuns(findings: Finding[], headerRows: HeaderRows): FindingRun[] {
  const taken = new Set<Finding>()
  const folded = new Map<Finding, FindingRun>()
  for (const run of downColumns(findings, headerRows)) {
    folded.set(run.first, run)
    for (const f of [run.first, ...run.rest]) taken.add(f)
  }
  for (const run of alongRows(findings, taken)) {
    folded.set(run.first, run)
    for (const f of [run.first, ...run.rest]) taken.add(f)
  }
  return findings.filter((f) => folded.has(f) || !taken.has(f)).map((f) => folded.get(f) ?? {first: f, rest: []})
}

/** `… and 975 more like it in rows 1250–2224`, or undefined for a single finding. */
export function describeRest(run: FindingRun): string | undefined {
  if (run.rest.length === 0) return undefined
  const span = run.axis === 'columns' ? `columns ${ranges(run.rest.map((f) => f.fieldNumber!))}` : `rows ${ranges(run.rest.map((f) => f.rowNumber!))}`
  return `… and ${formatNumber(run.rest.length)} more like it in ${span}`
}
