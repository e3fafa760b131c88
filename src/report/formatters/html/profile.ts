/** One table per file: what each column holds, in words, with a small histogram of its numbers or dates. */
import type {ColumnProfile} from '../../../checks/profile/index.js'
import type {JsonReport, ReportResource} from '../../types.js'
import {notRead} from '../group.js'
import {relativeResourcePath} from '../paths.js'
import {histogramSvg, shareBar} from './charts.js'
import {html, type Html} from './escape.js'
import {formatNumber, plural} from '../../../shared/text.js'
import {formatShare} from './text.js'

const TYPE_NAMES: Record<ColumnProfile['type'], string> = {
  empty: 'Empty',
  integer: 'Whole number',
  number: 'Number',
  boolean: 'Yes/no',
  date: 'Date',
  datetime: 'Date and time',
  time: 'Time',
  string: 'Text',
}

const KIND_NAMES: Record<string, string> = {integer: 'whole numbers', decimal: 'decimals', digits: 'grouped digits', date: 'dates', datetime: 'dates with times', time: 'times', boolean: 'yes/no', text: 'text', code: 'codes with a leading zero'}

function typeCell(c: ColumnProfile): Html {
  const kinds = Object.entries(c.kinds).map(([k, n]) => `${formatNumber(n)} ${KIND_NAMES[k] ?? k}`).join(', ')
  const share = c.typeShare < 1 && c.type !== 'string' ? html` <span class="hint">(${formatShare(c.typeShare)})</span>` : ''
  return html`<span title="${kinds}">${TYPE_NAMES[c.type]}</span>${share}`
}

function missingCell(c: ColumnProfile): Html {
  const parts = [c.blank ? plural(c.blank, 'blank') : '', c.placeholders ? plural(c.placeholders, 'placeholder') : ''].filter(Boolean).join(', ')
  return html`${shareBar(c.missingShare)}${formatShare(c.missingShare)}${parts ? html`<br><span class="hint">${parts}</span>` : ''}`
}

function distinctCell(c: ColumnProfile): Html {
  const n = c.distinctExact ? formatNumber(c.distinct) : `about ${formatNumber(c.distinct)}`
  if (c.distinctExact && c.present > 1 && c.distinct === c.present) return html`${n}<br><span class="hint">all different</span>`
  if (c.present > 1 && c.distinct === 1) return html`${n}<br><span class="hint">always the same</span>`
  return html`${n}`
}

function value(v: number | string): string {
  return typeof v === 'number' ? formatNumber(v) : v
}

function rangeCell(c: ColumnProfile): Html {
  if (c.masked) return html`<span class="hint">hidden: looks like personal data</span>`
  if (c.min !== undefined && c.max !== undefined) return c.min === c.max ? html`${value(c.min)}` : html`${value(c.min)} to ${value(c.max)}`
  if (c.minLength !== undefined && c.maxLength !== undefined) {
    const chars = c.minLength === c.maxLength ? plural(c.minLength, 'character') : `${formatNumber(c.minLength)} to ${plural(c.maxLength, 'character')}`
    return html`<span class="hint">${chars}</span>`
  }
  return html`—`
}

function chartCell(c: ColumnProfile): Html {
  if (!c.histogram?.length || c.min === undefined || c.max === undefined) return html``
  const label = `Distribution of ${c.name}, from ${value(c.min)} to ${value(c.max)}`
  return html`${histogramSvg(c.histogram, label, c.type === 'integer')}<div class="axis"><span>${value(c.min)}</span><span>${value(c.max)}</span></div>`
}

function columnRow(c: ColumnProfile, personal: Set<number>): Html {
  const flag = personal.has(c.fieldNumber) ? html` <span class="badge error" title="A personal-data rule flagged this column: see What odcheck found">personal data</span>` : ''
  return html`<tr><td class="num">${c.fieldNumber}</td><td>${c.name}${flag}</td><td>${typeCell(c)}</td><td class="miss">${missingCell(c)}</td><td class="num">${distinctCell(c)}</td><td>${rangeCell(c)}</td><td>${chartCell(c)}</td></tr>`
}

/** Columns of a table that a #privacy rule reported, by fieldNumber. */
function personalColumns(report: JsonReport, resource: string): Set<number> {
  const privacy = new Set(report.rules.filter((r) => r.tags.includes('#privacy')).map((r) => r.id))
  return new Set(report.findings.filter((f) => f.resource === resource && privacy.has(f.rule) && f.fieldNumber !== undefined).map((f) => f.fieldNumber!))
}

function resourceProfile(report: JsonReport, r: ReportResource, cwd: string): Html {
  const title = relativeResourcePath(r.path, cwd)
  if (notRead(r)) return html`<h3>${title}</h3><p class="hint">This file could not be read as a table.</p>`
  if (!r.profile) return html`<h3>${title}</h3><p class="hint">No profile: the column-profile rule did not run on this file.</p>`
  const p = r.profile
  const personal = personalColumns(report, r.path)
  return html`<h3>${title}</h3>
<p class="hint">${plural(p.rows, 'row')}, ${plural(p.columns.length, 'column')}. Hover over a type or a bar for details.</p>
<div class="scroll"><table>
<tr><th class="num">#</th><th>Column</th><th>Type</th><th>Missing</th><th class="num">Distinct values</th><th>Range</th><th>Distribution</th></tr>
${p.columns.map((c) => columnRow(c, personal))}
</table></div>`
}

export function profileSection(report: JsonReport, cwd: string): Html {
  if (report.resources.length === 0) return html`<p class="hint">No tables were checked.</p>`
  return html`${report.resources.map((r) => resourceProfile(report, r, cwd))}`
}
