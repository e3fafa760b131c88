/**
 * Which format-specific rule reports a mismatch metadata-mismatch would otherwise report: a
 * table a CSVW file describes that cannot be read (csvw-table-missing), CSVW metadata found
 * beside a table that describes another (csvw-table-not-described), a header against CSVW
 * columns (csvw-column-titles) or against a package's Table Schema (the label rules), a
 * package's declared rows and bytes (row-count, byte-count), a package path outside its folder
 * (resource-error). Each is left to that rule only when it runs, so one problem gives one
 * finding whatever rules are selected.
 */
import type {DatasetContext} from '../../engine/check.js'
import type {DatasetMetadata, Distribution} from '../../metadata/model.js'
import {fileUrl, normaliseUrl, resolveUrl} from '../../metadata/csvw/urls.js'
import {reportedCsvwProblems} from '../csvw/metadata-problems.js'

type Table = DatasetContext['tables'][number]

const LABEL_RULES = ['missing-label', 'extra-label', 'incorrect-label']

const ran = (table: Table, rule: string) => table.counts[rule] !== undefined

/** Absolute URL a CSVW table's `url` resolves to against its metadata file. */
function tableUrlOf(doc: DatasetMetadata, d: Distribution): string | undefined {
  const declared = d.path ?? d.url
  return declared === undefined ? undefined : resolveUrl(declared, fileUrl(doc.source.path))
}

function csvwReports(context: DatasetContext, doc: DatasetMetadata, code: string, tableUrl: string | undefined): boolean {
  if (doc.source.format !== 'csvw' || tableUrl === undefined) return false
  const docUrl = normaliseUrl(fileUrl(doc.source.path))
  return reportedCsvwProblems(context, (p) => p.code === code && p.url !== undefined && normaliseUrl(p.url) === docUrl && p.tableUrl !== undefined && normaliseUrl(p.tableUrl) === tableUrl).length > 0
}

/** A CSVW rule says the table this distribution names cannot be read (missing, outside, not CSV, offline). */
export function csvwTableMissingReported(context: DatasetContext, doc: DatasetMetadata, d: Distribution): boolean {
  return csvwReports(context, doc, 'table-missing', tableUrlOf(doc, d))
}

/** A CSVW rule says this metadata, found beside `table`, does not describe it. */
export function csvwNotDescribingReported(context: DatasetContext, doc: DatasetMetadata, table: string): boolean {
  return csvwReports(context, doc, 'not-describing', normaliseUrl(fileUrl(table)))
}

/** A path outside a package's folder is resource-error's, with its JSONPath. */
export function packagePathReported(context: DatasetContext, doc: DatasetMetadata): boolean {
  return doc.source.format === 'datapackage' && (context.rules ?? []).some((r) => r.check === 'frictionless-descriptor' && r.options.kind === 'resource-error')
}

/** The header was checked against these same columns by csvw-column-titles or the Table Schema label rules. */
export function columnsReported(doc: DatasetMetadata, d: Distribution, table: Table): boolean {
  const head = table.head
  if (!head) return false
  if (doc.source.format === 'csvw' && head.csvw) return ran(table, 'csvw-column-titles')
  const names = head.schema?.fields.map((f) => f.name)
  const same = names !== undefined && d.fields !== undefined && names.length === d.fields.length && names.every((n, i) => n === d.fields![i])
  return same && head.packageResource?.package === doc.source.path && LABEL_RULES.every((rule) => ran(table, rule))
}

/** The package's declared row count or size for this file was compared by row-count or byte-count. */
export function countReported(doc: DatasetMetadata, d: Distribution, table: Table, kind: 'rows' | 'bytes'): boolean {
  const declared = table.head?.packageResource
  if (!declared || declared.package !== doc.source.path || declared[kind] !== (kind === 'rows' ? d.rowCount : d.bytes)) return false
  return ran(table, kind === 'rows' ? 'row-count' : 'byte-count')
}
