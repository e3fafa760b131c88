/** The top of the page: what was checked, the verdict in one sentence, counts by severity, and what the metadata says the dataset is. */
import type {JsonReport} from '../../types.js'
import {relativeResourcePath} from '../paths.js'
import {html, safeHref, type Html} from './escape.js'
import {formatNumber, plural} from '../../../shared/text.js'
import {SEVERITY_MEANINGS} from './text.js'

/** What the page is about: the metadata's title, else the one file checked, else how many files. */
export function reportTitle(report: JsonReport, cwd: string): string {
  if (report.metadata?.title) return report.metadata.title
  if (report.resources.length === 1) return relativeResourcePath(report.resources[0].path, cwd)
  return report.dataset ? relativeResourcePath(report.dataset.resource, cwd) : `${plural(report.resources.length, 'file')}`
}

function verdictReason(report: JsonReport): string {
  const s = report.summary
  const reasons: string[] = []
  const failing = s.failOn === 'error' ? s.errors : s.failOn === 'warning' ? s.errors + s.warnings : s.errors + s.warnings + s.infos
  if (failing > 0) reasons.push(s.failOn === 'error' ? `${plural(s.errors, 'error')} must be fixed before publishing` : `${plural(failing, 'finding')} at or above ${s.failOn} level must be dealt with`)
  if (s.maxWarnings !== null && s.warnings > s.maxWarnings) reasons.push(`more warnings than the ${formatNumber(s.maxWarnings)} allowed`)
  if (report.certificate?.belowMinimum) reasons.push(`below the certificate level required (${report.certificate.minLevel})`)
  if (report.stars?.belowMinimum) reasons.push(`fewer stars than the ${report.stars.minStars} required`)
  if (reasons.length > 0) return reasons.join('; ')
  if (s.warnings > 0) return `No errors. ${plural(s.warnings, 'warning')} ${s.warnings === 1 ? 'is' : 'are'} still worth fixing.`
  return 'No errors or warnings.'
}

function tile(kind: 'error' | 'warning' | 'info', count: number, label: string): Html {
  return html`<div class="tile ${kind}"><b>${formatNumber(count)}</b>${label} <small>(${SEVERITY_MEANINGS[kind]})</small></div>`
}

function link(url: string | undefined, text: string): Html {
  const href = safeHref(url)
  return href ? html`<a href="${href}" rel="noopener noreferrer">${text}</a>` : html`${text}`
}

function about(report: JsonReport): Html {
  const m = report.metadata
  if (!m) {
    return html`<p class="hint">No metadata file (odcheck.yaml, datapackage.json, CSVW, DCAT, CKAN) was found beside the data, so the dataset has no title, publisher or licence odcheck can read. <code>odcheck init</code> writes a template to fill in.</p>`
  }
  const rows: Array<[string, Html]> = []
  if (m.publisher?.name || m.publisher?.url) rows.push(['Publisher', link(m.publisher.url, m.publisher.name ?? m.publisher.url ?? '')])
  if (m.licence) rows.push(['Licence', link(m.licence.url, m.licence.title ?? m.licence.raw)])
  if (m.updateFrequency) rows.push(['Updated', html`${m.updateFrequency}`])
  if (m.description) rows.push(['Description', html`${m.description.length > 400 ? `${m.description.slice(0, 400)}…` : m.description}`])
  const sources = m.sources.map((s) => s.path).join(', ')
  if (sources) rows.push(['Metadata from', html`${sources}`])
  return html`<dl class="about">${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>`
}

export function overview(report: JsonReport, cwd: string, sections: Array<[string, string]>): Html {
  const s = report.summary
  const files = report.resources.map((r) => relativeResourcePath(r.path, cwd))
  const checked = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${plural(files.length - 3, 'more file')}`
  return html`<header>
<h1>${reportTitle(report, cwd)}</h1>
<p class="sub">Data quality report · ${plural(s.files, 'file')}, ${plural(s.rows, 'row')} checked${checked ? html` (${checked})` : ''}</p>
</header>
<nav aria-label="Sections">${sections.map(([id, title]) => html`<a href="#${id}">${title}</a>`)}</nav>
<div class="verdict ${report.valid ? 'fit' : 'unfit'}" role="status"><div class="mark" aria-hidden="true">${report.valid ? '✔' : '✘'}</div><div><strong>${report.valid ? 'Fit to publish' : 'Not fit to publish'}</strong><span>${verdictReason(report)}</span></div></div>
${(report.limits ?? []).map((limit) => html`<p class="hint">${limit}</p>`)}${(report.skipped ?? []).map((skipped) => html`<p class="hint">${skipped.message}</p>`)}
<div class="tiles">${tile('error', s.errors, s.errors === 1 ? 'error' : 'errors')}${tile('warning', s.warnings, s.warnings === 1 ? 'warning' : 'warnings')}${tile('info', s.infos, s.infos === 1 ? 'note' : 'notes')}</div>
${s.suppressed ? html`<p class="hint">${plural(s.suppressed, 'finding')} already known and accepted (suppressed) ${s.suppressed === 1 ? 'is' : 'are'} not counted.</p>` : ''}
<section id="about" aria-labelledby="about-title"><h2 id="about-title">About this dataset</h2>${about(report)}</section>
`
}
