/**
 * A Markdown summary for a GitHub job summary ($GITHUB_STEP_SUMMARY) or a pull request comment:
 * the verdict, a table of counts per file, then a table of findings for each file with any.
 * Every value from the data is escaped, so a `|` or `<` in a column name cannot break a table.
 */
import type {Finding} from '../../engine/types.js'
import type {JsonReport, RuleResult} from '../types.js'
import type {Formatter} from './formatter.js'
import {describeLocation, groupFindings, notRead} from './group.js'
import {formatNumber, plural} from '../../shared/text.js'
import {collapseRuns, describeRest, headerRowsOf, type FindingRun, type HeaderRows} from './runs.js'
import {relativeResourcePath} from './paths.js'
import {ruleDocsUrl} from './rule-docs.js'
import {visible} from './visible.js'

/** PR comments stop at 65,536 characters; past this many rows per file the rest is counted, not listed. */
export const MAX_ROWS_PER_FILE = 50

/** Escapes text for a table cell: Markdown punctuation, HTML and line breaks. */
export function escapeCell(text: string): string {
  // Line breaks become <br>; any other control character from the data is shown, not passed on.
  return visible(
    text
      .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
      .replace(/\r\n|\r|\n/g, '<br>'),
  )
}

/** A URL made safe inside `(...)` of a link in a table cell. */
function linkTarget(url: string): string {
  return url.replace(/[()\s|]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
}

/** Findings counted per severity, exact and after suppressions. */
function severityCounts(results: RuleResult[]): Record<'error' | 'warning' | 'info', number> {
  const counts = {error: 0, warning: 0, info: 0}
  for (const r of results) counts[r.severity] += r.count - (r.suppressed ?? 0)
  return counts
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

function table(header: string[], align: string[], rows: string[][]): string[] {
  return [row(header), row(align), ...rows.map(row)]
}

/** At most MAX_ROWS_PER_FILE table rows, one problem repeated in a column (or along a row) taking one (runs.ts). */
function shownRuns(findings: Finding[], headerRows: HeaderRows): FindingRun[] {
  return collapseRuns(findings, headerRows).slice(0, MAX_ROWS_PER_FILE)
}

function findingsTable(report: JsonReport, runs: FindingRun[], base: string): string[] {
  const docs = new Map(report.rules.map((r) => [r.id, ruleDocsUrl(r.docs)]))
  return table(
    ['Severity', 'Rule', 'Location', 'Message'],
    ['---', '---', '---', '---'],
    runs.map((run) => {
      const f = run.first
      const url = docs.get(f.rule)
      const rule = url ? `[${escapeCell(f.rule)}](${linkTarget(url)})` : escapeCell(f.rule)
      const where = [f.resource === base ? '' : f.resource, describeLocation(f)].filter(Boolean).join(' ')
      const rest = describeRest(run)
      return [f.severity, rule, escapeCell(where) || '—', escapeCell(f.message) + (rest ? `<br>${escapeCell(rest)}` : '')]
    }),
  )
}

export const markdown: Formatter = (report, {cwd}) => {
  const s = report.summary
  const out: string[] = []
  out.push(`## ${report.valid ? '✅ Fit to publish' : '❌ Not fit to publish'}`, '')
  const failOn = s.maxWarnings === null ? `fails on ${s.failOn}` : `fails on ${s.failOn} or more than ${plural(s.maxWarnings, 'warning')}`
  const size = s.triples === undefined ? plural(s.rows, 'row') : `${plural(s.rows, 'row')}, ${plural(s.triples, 'triple')}`
  out.push(`odcheck ${escapeCell(report.odcheck)} checked ${plural(s.files, 'file')} (${size}); the run ${failOn}.`, '')
  for (const limit of report.limits ?? []) out.push('> [!WARNING]', `> ${escapeCell(limit)}`, '')
  for (const skipped of report.skipped ?? []) out.push('> [!NOTE]', `> ${escapeCell(skipped.message)}`, '')

  const fileRows = report.resources.map((r) => [
    escapeCell(relativeResourcePath(r.path, cwd)) + (r.schemaSource ? ` (schema: ${escapeCell(relativeResourcePath(r.schemaSource, cwd))})` : ''),
    notRead(r) ? 'not read' : r.triples !== undefined ? plural(r.triples, 'triple') : formatNumber(r.rowCount),
    String(r.errors),
    String(r.warnings),
    String(r.infos),
    r.valid ? '✅' : '❌',
  ])
  if (report.dataset) {
    const c = severityCounts(report.dataset.results)
    fileRows.push([`${escapeCell(relativeResourcePath(report.dataset.resource, cwd))} (dataset)`, '', String(c.error), String(c.warning), String(c.info), c.error ? '❌' : '✅'])
  }
  const total = ['**Total**', s.triples === undefined ? String(s.rows) : size, String(s.errors), String(s.warnings), String(s.infos), report.valid ? '✅' : '❌']
  out.push(...table(['File', 'Rows', 'Errors', 'Warnings', 'Infos', 'Valid'], ['---', '---:', '---:', '---:', '---:', ':---:'], [...fileRows, total]), '')
  if (s.suppressed) out.push(`${plural(s.suppressed, 'finding')} suppressed as already known.`, '')
  const stale = report.suppressions?.stale.length ?? 0
  if (stale) out.push(`${plural(stale, 'suppression')} no longer needed: run with \`--prune-suppressions\` to remove them.`, '')

  const groups = groupFindings(report)
  const sections: Array<[string, string, Finding[], RuleResult[]]> = report.resources.map((r) => [
    relativeResourcePath(r.path, cwd),
    r.path,
    groups.tables.get(r.path) ?? [],
    r.results,
  ])
  if (report.dataset || groups.dataset.length) {
    const resource = report.dataset?.resource ?? 'dataset'
    sections.push([`${relativeResourcePath(resource, cwd)} (dataset)`, resource, groups.dataset, report.dataset?.results ?? []])
  }
  const headerRows = headerRowsOf(report)
  for (const [title, base, findings, results] of sections) {
    const c = severityCounts(results)
    const counted = Math.max(c.error + c.warning + c.info, findings.length)
    if (counted === 0) continue
    out.push(`### ${escapeCell(title)}`, '')
    const runs = shownRuns(findings, headerRows)
    if (runs.length) out.push(...findingsTable(report, runs, base), '')
    const unlisted = counted - runs.reduce((n, run) => n + 1 + run.rest.length, 0)
    if (unlisted > 0) {
      const what = findings.length ? `… and ${plural(unlisted, 'more finding')}` : plural(unlisted, 'finding')
      out.push(`${what} not listed here: see the full report (\`--format json\`).`, '')
    }
  }
  return out.join('\n').replace(/\n+$/, '') + '\n'
}
