/**
 * A Markdown summary for a GitHub job summary ($GITHUB_STEP_SUMMARY) or a pull request comment:
 * the verdict, a table of counts per file, then a table of findings for each file with any.
 * Every value from the data is escaped, so a `|` or `<` in a column name cannot break a table.
 */
import type {Finding} from '../../engine/types.js'
import type {JsonReport} from '../types.js'
import type {Formatter} from './formatter.js'
import {describeLocation, findingsByResource, plural} from './group.js'
import {relativeResourcePath} from './paths.js'
import {ruleDocsUrl} from './rule-docs.js'

/** PR comments stop at 65,536 characters; past this many rows per file the rest is counted, not listed. */
export const MAX_ROWS_PER_FILE = 50

/** Escapes text for a table cell: Markdown punctuation, HTML and line breaks. */
export function escapeCell(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '<br>')
}

/** A URL made safe inside `(...)` of a link in a table cell. */
function linkTarget(url: string): string {
  return url.replace(/[()\s|]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

function table(header: string[], align: string[], rows: string[][]): string[] {
  return [row(header), row(align), ...rows.map(row)]
}

function findingsTable(report: JsonReport, findings: Finding[]): string[] {
  const docs = new Map(report.rules.map((r) => [r.id, ruleDocsUrl(r.docs)]))
  const shown = findings.slice(0, MAX_ROWS_PER_FILE)
  return table(
    ['Severity', 'Rule', 'Location', 'Message'],
    ['---', '---', '---', '---'],
    shown.map((f) => {
      const url = docs.get(f.rule)
      const rule = url ? `[${escapeCell(f.rule)}](${linkTarget(url)})` : escapeCell(f.rule)
      return [f.severity, rule, escapeCell(describeLocation(f)), escapeCell(f.message)]
    }),
  )
}

export const markdown: Formatter = (report, {cwd}) => {
  const s = report.summary
  const out: string[] = []
  out.push(`## ${report.valid ? '✅ Fit to publish' : '❌ Not fit to publish'}`, '')
  const failOn = s.maxWarnings === null ? `fails on ${s.failOn}` : `fails on ${s.failOn} or more than ${plural(s.maxWarnings, 'warning')}`
  out.push(`odcheck ${escapeCell(report.odcheck)} checked ${plural(s.files, 'file')} (${plural(s.rows, 'row')}); the run ${failOn}.`, '')
  if (report.partial) out.push('> [!WARNING]', '> A limit stopped part of the run: counts are lower bounds.', '')

  const totals = [String(s.errors), String(s.warnings), String(s.infos)]
  const fileRows = report.resources.map((r) => [
    escapeCell(relativeResourcePath(r.path, cwd)),
    r.dialect ? String(r.rowCount) : 'not read',
    String(r.errors),
    String(r.warnings),
    String(r.infos),
    r.valid ? '✅' : '❌',
  ])
  out.push(...table(['File', 'Rows', 'Errors', 'Warnings', 'Infos', 'Valid'], ['---', '---:', '---:', '---:', '---:', ':---:'], [...fileRows, ['**Total**', String(s.rows), ...totals, report.valid ? '✅' : '❌']]), '')
  if (s.suppressed) out.push(`${plural(s.suppressed, 'finding')} suppressed as already known.`, '')
  const stale = report.suppressions?.stale.length ?? 0
  if (stale) out.push(`${plural(stale, 'suppression')} no longer needed: run with \`--prune-suppressions\` to remove them.`, '')

  const byResource = findingsByResource(report)
  for (const resource of report.resources) {
    const findings = byResource.get(resource.path) ?? []
    const counted = resource.results.reduce((n, r) => n + r.count, 0)
    if (counted === 0) continue
    out.push(`### ${escapeCell(relativeResourcePath(resource.path, cwd))}`, '')
    if (findings.length) out.push(...findingsTable(report, findings), '')
    const unlisted = counted - Math.min(findings.length, MAX_ROWS_PER_FILE)
    if (unlisted > 0) {
      const what = findings.length ? `… and ${plural(unlisted, 'more finding')}` : plural(unlisted, 'finding')
      out.push(`${what} not listed here: see the full report (\`--format json\`).`, '')
    }
  }
  return out.join('\n').replace(/\n+$/, '') + '\n'
}
