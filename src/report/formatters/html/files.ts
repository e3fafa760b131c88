/** The files checked: how each was read (format, encoding, size) and what was found in it. */
import type {JsonReport, ReportResource} from '../../types.js'
import {notRead} from '../group.js'
import {relativeResourcePath} from '../paths.js'
import {isRdfFormat, RDF_SYNTAX_NAMES} from '../../../load/rdf-kind.js'
import {html, type Html} from './escape.js'
import {formatNumber, plural} from '../../../shared/text.js'

function status(valid: boolean): Html {
  return valid ? html`<span class="badge ok">no errors</span>` : html`<span class="badge error">errors</span>`
}

function read(r: ReportResource): string {
  if (notRead(r)) return 'could not be read'
  const encoding = r.encoding ? `, ${r.encoding}${r.bom ? ' with BOM' : ''}` : ''
  return `${isRdfFormat(r.format) ? RDF_SYNTAX_NAMES[r.format] : r.format.toUpperCase()}${encoding}`
}

export function filesSection(report: JsonReport, cwd: string): Html {
  const rows = report.resources.map(
    (r) =>
      html`<tr><td>${relativeResourcePath(r.path, cwd)}${r.schemaSource ? html` <span class="hint">(schema: ${relativeResourcePath(r.schemaSource, cwd)})</span>` : ''}</td><td>${read(r)}</td><td class="num">${notRead(r) ? '—' : r.triples !== undefined ? plural(r.triples, 'triple') : formatNumber(r.rowCount)}</td><td class="num">${notRead(r) ? '—' : formatNumber(r.fieldCount)}</td><td class="num">${formatNumber(r.errors)}</td><td class="num">${formatNumber(r.warnings)}</td><td class="num">${formatNumber(r.infos)}</td><td>${status(r.valid)}</td></tr>`,
  )
  if (report.dataset) {
    const counts = {error: 0, warning: 0, info: 0}
    for (const r of report.dataset.results) counts[r.severity] += r.count - (r.suppressed ?? 0)
    rows.push(
      html`<tr><td>${relativeResourcePath(report.dataset.resource, cwd)} <span class="hint">(the dataset: metadata and licence)</span></td><td></td><td class="num"></td><td class="num"></td><td class="num">${formatNumber(counts.error)}</td><td class="num">${formatNumber(counts.warning)}</td><td class="num">${formatNumber(counts.info)}</td><td>${status(counts.error === 0)}</td></tr>`,
    )
  }
  return html`<div class="scroll"><table><tr><th>File</th><th>Read as</th><th class="num">Rows</th><th class="num">Columns</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Notes</th><th>Status</th></tr>${rows}</table></div>`
}
