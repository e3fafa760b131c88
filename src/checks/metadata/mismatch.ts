/**
 * metadata-mismatch: the metadata contradicts the data. It lists files that are not there (or
 * that lie outside the dataset's folder), declares columns the table does not have, labels a
 * CSV as a web page or spreadsheet, or gives row counts or sizes the files do not have.
 * Where a CSVW or data package rule checks the same thing and runs, it reports it instead
 * (owners.ts), so a problem gives one finding.
 */
import {basename} from 'node:path'
import {defineCheck, type DatasetContext, type DatasetReport} from '../../engine/check.js'
import {matchDistributions, namedFor, type DistributionMatch} from '../../metadata/match.js'
import type {MetadataFormat} from '../../metadata/model.js'
import {HOLDS_FILES} from '../../load/archive-kind.js'
import {compatible, extensionFamily, familyOf} from './formats.js'
import {fileName, resourceFor} from './names.js'
import {columnsReported, countReported, csvwNotDescribingReported, csvwTableMissingReported, packagePathReported} from './owners.js'

type Table = DatasetContext['tables'][number]

function compareColumns(declared: string[], actual: string[]) {
  const norm = (s: string) => s.trim()
  const missing = declared.filter((d) => !actual.map(norm).includes(norm(d)))
  const extra = actual.filter((a) => !declared.map(norm).includes(norm(a)))
  const reordered = missing.length === 0 && extra.length === 0 && declared.some((d, i) => norm(d) !== norm(actual[i] ?? ''))
  return {missing, extra, reordered}
}

function checkDistribution(context: DatasetContext, m: DistributionMatch, table: Table | undefined, report: DatasetReport): void {
  const doc = context.metadataSources[m.document]
  const d = doc.distributions[m.distribution]
  const where = {...resourceFor(context, doc.source.path)}
  const base = {distribution: m.distribution, ...(d.title ? {title: d.title} : {})}
  // A table the CSVW rules say cannot be read (missing, outside, not CSV, offline): theirs alone.
  if (csvwTableMissingReported(context, doc, d)) return
  if (m.local?.outside) {
    if (packagePathReported(context, doc)) return
    report({...where, messageId: 'pathOutside', details: {kind: 'path-outside', path: m.local.declared, ...base}})
    return
  }
  if (m.local?.zippedIn) {
    reportZipped(context, doc.source.format, m.local.declared, m.local.zippedIn, table, report, {...where, ...base})
    // The file inside the zip is still compared with what the metadata says of it, below.
    if (!table) return
  } else if (m.local && !m.local.exists) {
    report({...where, messageId: 'missingFile', details: {kind: 'missing-file', path: m.local.declared, ...base}})
    return
  }
  const name = table?.resource ?? d.path ?? d.url ?? `distribution ${m.distribution + 1}`
  // Formats: what the file is (when checked), else what its name says, against what the metadata says.
  const declaredFormat = familyOf(d.format)
  const declaredMedia = familyOf(d.mediaType)
  const actual = table?.head ? familyOf(table.head.format) : undefined
  // A compressed file's name says what is inside it: spend.csv.gz is CSV; spend.zip and spend.tar.gz say nothing of their files.
  const stored = d.path ?? d.url
  const byName = stored && HOLDS_FILES.test(stored) ? undefined : extensionFamily(stored?.replace(/\.gz$/i, ''))
  const claims: Array<[string | undefined, string | undefined, string]> = [
    [d.format, declaredFormat, 'format'],
    [d.mediaType, declaredMedia, 'mediaType'],
  ]
  const evidence = actual ? {value: table!.head!.format, family: actual, from: 'file'} : byName ? {value: (d.path ?? d.url)!, family: byName, from: 'name'} : undefined
  let formatReported = false
  for (const [value, family, property] of claims) {
    if (!value || !family || !evidence || compatible(family, evidence.family)) continue
    report({...where, messageId: evidence.from === 'file' ? 'format' : 'formatName', details: {kind: 'format', table: name, property, declared: value, actual: evidence.value, ...base}})
    formatReported = true
    break
  }
  if (!formatReported && declaredFormat && declaredMedia && !compatible(declaredFormat, declaredMedia)) {
    report({...where, messageId: 'formatMediaType', details: {kind: 'format', table: name, property: 'mediaType', declared: d.mediaType, format: d.format, ...base}})
  }
  if (!table) return
  const labels = table.head?.labels
  if (d.fields && labels && (table.head?.dialect.header ?? true) && !columnsReported(doc, d, table)) {
    const {missing, extra, reordered} = compareColumns(d.fields, labels)
    if (missing.length || extra.length) {
      const messageId = missing.length && extra.length ? 'columns' : missing.length ? 'columnsMissing' : 'columnsExtra'
      report({...where, resource: table.resource, messageId, details: {kind: 'columns', table: table.resource, missing, extra, declared: d.fields, actual: labels, ...base}})
    } else if (reordered) {
      report({...where, resource: table.resource, messageId: 'columnOrder', details: {kind: 'column-order', table: table.resource, declared: d.fields, actual: labels, ...base}})
    }
  }
  if (d.rowCount !== undefined && table.stats && table.stats.rowCount !== d.rowCount && !countReported(doc, d, table, 'rows')) {
    report({...where, messageId: 'rowCount', details: {kind: 'row-count', table: table.resource, declared: d.rowCount, actual: table.stats.rowCount, ...base}})
  }
  // The bytes declared for a compressed file are the archive's, and odcheck counts the table's.
  if (d.bytes !== undefined && table.stats && table.head && table.head.format !== 'xlsx' && !table.compression && table.stats.bytes !== d.bytes && !countReported(doc, d, table, 'bytes')) {
    report({...where, messageId: 'bytes', details: {kind: 'bytes', table: table.resource, declared: d.bytes, actual: table.stats.bytes, ...base}})
  }
}

/** The table a distribution is about; of a workbook's sheets, the one its data package resource names (else the first). */
function tableOf(context: DatasetContext, m: DistributionMatch): Table | undefined {
  const doc = context.metadataSources[m.document]
  const sheets = context.tables.filter((t) => t.path !== undefined && t.path === m.table!.path)
  const planned = sheets.find((t) => t.head?.packageResource?.package === doc.source.path && t.head.packageResource.index === m.distribution)
  return planned ?? context.tables.find((t) => t.resource === m.table!.resource)
}

/** How each kind of metadata lists a file inside a zip. */
function listingThroughZip(format: MetadataFormat, declared: string, zip: string): string {
  const inner = basename(declared)
  const through = declared.slice(0, declared.length - inner.length) + zip
  if (format === 'datapackage') return `list the zip: "path": "${through}" with "innerpath": "${inner}"`
  if (format === 'odcheck') return `list the file through the zip: path: ${through}/${inner}`
  return `list ${through} as the file to download`
}

/** A file the metadata lists is missing, but a zip named like it is beside the metadata. */
function reportZipped(context: DatasetContext, format: MetadataFormat, declared: string, zipPath: string, table: Table | undefined, report: DatasetReport, where: Record<string, unknown>): void {
  const zip = basename(zipPath)
  const zipChecked = context.tables.some((t) => (t.path ?? '').startsWith(zipPath + '/'))
  const inArchive = table ? 'checked' : zipChecked ? 'absent' : 'unchecked'
  const messageId = {checked: 'zippedChecked', absent: 'zippedWithout', unchecked: 'zipped'}[inArchive]
  report({...where, messageId, details: {kind: 'missing-file', path: declared, archive: zip, inArchive, name: basename(declared), listing: listingThroughZip(format, declared, zip)}})
}

export const metadataMismatch = defineCheck<Record<string, never>, undefined>({
  name: 'metadata-mismatch',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The metadata does not match the data',
    missingFile: 'The metadata lists {{path}}, but there is no such file: correct the path, or add the file',
    zippedChecked: 'The metadata lists {{path}}, but there is no such file: it is inside {{archive}} beside it, where odcheck checked it. Tools reading the metadata look for {{path}} itself: publish it beside the metadata, or {{listing}}',
    zipped: 'The metadata lists {{path}}, but there is no such file, only {{archive}} beside it. Tools reading the metadata look for {{path}} itself: publish it beside the metadata, or {{listing}}. Check the zip too to compare the file inside it with the metadata',
    zippedWithout: 'The metadata lists {{path}}, but there is no such file; there is {{archive}} beside it, but no {{name}} inside it: correct the path, or add the file',
    pathOutside: 'The metadata lists {{path}}, which is outside the dataset\'s folder: odcheck did not read it. List only files in the folder of the metadata file (or below it)',
    columns: 'The metadata declares columns {{table}} does not have ({{missing}}) and leaves out columns it has ({{extra}}): make the header and the metadata agree',
    columnsMissing: 'The metadata declares columns {{table}} does not have: {{missing}}. Make the header and the metadata agree',
    columnsExtra: '{{table}} has columns the metadata does not describe: {{extra}}. Describe them in the metadata',
    columnOrder: 'The metadata lists the columns of {{table}} in a different order ({{declared}}) from the file ({{actual}})',
    format: 'The metadata gives the {{property}} of {{table}} as "{{declared}}", but the file is {{actual}}',
    formatName: 'The metadata gives the {{property}} of {{table}} as "{{declared}}", but its name says otherwise: check which one is right',
    formatMediaType: 'The metadata gives {{table}} the format "{{format}}" but the media type "{{declared}}": one of them is wrong',
    rowCount: 'The metadata says {{table}} has {{declared}} rows, but it has {{actual}}',
    bytes: 'The metadata says {{table}} is {{declared}} bytes, but it is {{actual}}',
    namedFor: '{{metadataFile}} is named for {{describes}} but describes {{declared}}: make its "url" name {{describes}}, or rename the file',
  },
  create: () => ({
    dataset(context, report) {
      const documents = context.metadataSources
      const tables = context.tables.map((t) => ({resource: t.resource, path: t.path ?? t.head?.path}))
      const matches = matchDistributions(documents, tables, context.metadataLoad?.localFiles)
      for (const m of matches) checkDistribution(context, m, m.table ? tableOf(context, m) : undefined, report)
      // CSVW's `<file>-metadata.json` beside `<file>` must describe `<file>`.
      documents.forEach((doc, index) => {
        const target = namedFor(doc)
        if (!target || !tables.some((t) => t.path === target)) return
        if (matches.some((m) => m.document === index && m.table?.path === target)) return
        if (csvwNotDescribingReported(context, doc, target)) return
        const declared = doc.distributions.map((d) => d.url ?? d.path).filter(Boolean)
        report({...resourceFor(context, doc.source.path), messageId: 'namedFor', details: {kind: 'named-for', metadataFile: basename(doc.source.path), describes: basename(target), table: fileName(context, target), declared}})
      })
    },
  }),
})
