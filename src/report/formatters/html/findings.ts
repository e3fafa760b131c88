/** Findings grouped by rule: what each rule found, how often and where, with examples; then the checks that passed. */
import type {Finding} from '../../../engine/types.js'
import type {JsonReport, ReportRule, RuleResult} from '../../types.js'
import {effectiveSeverity} from '../group.js'
import {relativeResourcePath} from '../paths.js'
import {ruleDocsUrl} from '../rule-docs.js'
import {html, type Html} from './escape.js'
import {plural} from '../../../shared/text.js'
import {SEVERITY_LABELS} from './text.js'

/** Examples shown per rule; more fold away, up to MAX_LISTED. */
const SHOWN = 5
const MAX_LISTED = 50
const ORDER = {error: 0, warning: 1, info: 2}

interface RuleGroup {
  rule: ReportRule
  severity: 'error' | 'warning' | 'info'
  /** Exact, after suppressions. */
  count: number
  files: number
  findings: Finding[]
}

function allResults(report: JsonReport): RuleResult[][] {
  return [...report.resources.map((r) => r.results), report.dataset?.results ?? []]
}

function groups(report: JsonReport): RuleGroup[] {
  const out: RuleGroup[] = []
  for (const rule of report.rules) {
    let count = 0
    let files = 0
    for (const results of allResults(report)) {
      const found = results.filter((r) => r.rule === rule.id).reduce((n, r) => n + r.count - (r.suppressed ?? 0), 0)
      count += found
      if (found > 0) files++
    }
    const findings = report.findings.filter((f) => f.rule === rule.id)
    if (count === 0 && findings.length === 0) continue
    out.push({rule, severity: effectiveSeverity(report, rule), count: Math.max(count, findings.length), files, findings})
  }
  return out.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || b.count - a.count || a.rule.id.localeCompare(b.rule.id))
}

function column(f: Finding): Html {
  if (f.fieldNumber === undefined) return html`${f.fieldName ?? '—'}`
  return f.fieldName !== undefined ? html`${f.fieldNumber} <span class="hint">“${f.fieldName}”</span>` : html`${f.fieldNumber}`
}

function examples(findings: Finding[], cwd: string): Html {
  // Columns nobody fills (a dataset-level finding has no row or column) are left out.
  const files = new Set(findings.map((f) => f.resource)).size > 1
  const rows = findings.some((f) => f.rowNumber !== undefined || f.line !== undefined)
  const columns = findings.some((f) => f.fieldNumber !== undefined || f.fieldName !== undefined)
  const row = (f: Finding) =>
    html`<tr>${files ? html`<td>${relativeResourcePath(f.resource, cwd)}</td>` : ''}${rows ? html`<td class="num">${f.rowNumber ?? (f.line !== undefined ? `line ${f.line}` : '—')}</td>` : ''}${columns ? html`<td>${column(f)}</td>` : ''}<td>${f.message}</td></tr>`
  const head = html`<tr>${files ? html`<th class="w-file">File</th>` : ''}${rows ? html`<th class="num w-row">Row</th>` : ''}${columns ? html`<th class="w-col">Column</th>` : ''}<th>What odcheck found</th></tr>`
  const shown = findings.slice(0, SHOWN)
  const rest = findings.slice(SHOWN, MAX_LISTED)
  return html`<div class="scroll"><table class="examples">${head}${shown.map(row)}</table></div>${
    rest.length ? html`<details><summary>${plural(rest.length, 'more example')}</summary><div class="scroll"><table class="examples">${head}${rest.map(row)}</table></div></details>` : ''
  }`
}

function ruleBlock(g: RuleGroup, cwd: string): Html {
  const where = g.files > 1 ? ` in ${plural(g.files, 'file')}` : ''
  const unlisted = g.count - Math.min(g.findings.length, MAX_LISTED)
  return html`<div class="rule" id="rule-${g.rule.id}">
<h3><span class="badge ${g.severity}">${SEVERITY_LABELS[g.severity]}</span> ${g.rule.description}</h3>
<p class="hint">${plural(g.count, 'finding')}${where} · rule <code>${g.rule.id}</code> · <a href="${ruleDocsUrl(g.rule.docs)}" rel="noopener noreferrer">what it means and how to fix it</a></p>
${g.findings.length ? examples(g.findings, cwd) : ''}
${unlisted > 0 ? html`<p class="hint">${plural(unlisted, 'more finding')} not listed here: the JSON report (<code>--format json</code>) lists up to the per-rule cap.</p>` : ''}
</div>`
}

export function findingsSection(report: JsonReport, cwd: string): Html {
  const found = groups(report)
  const failed = new Set(found.map((g) => g.rule.id))
  // Rules that publish facts (the column profile) find nothing by design: they are not checks that passed.
  const passed = report.rules.filter((r) => !failed.has(r.id) && !r.tags.includes('#profile'))
  const summary = found.length ? html`<p>${plural(found.length, 'rule')} found something, most serious first.</p>` : html`<p>No rule found anything.</p>`
  return html`${summary}${found.map((g) => ruleBlock(g, cwd))}
${passed.length ? html`<details><summary>${plural(passed.length, 'check')} passed</summary><ul class="passes">${passed.map((r) => html`<li title="${r.description}"><code>${r.id}</code></li>`)}</ul></details>` : ''}
<p class="hint">${plural(report.rules.length, 'rule')} ran.</p>`
}
