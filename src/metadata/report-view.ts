/** The `metadata` section of the JSON report: the dataset's normalised metadata and the files it came from. */
import {nameForReports} from '../load/shown-paths.js'
import type {MetadataProblemReason} from './errors.js'
import type {LocalFile, MetadataLoad} from './load-types.js'
import {metadataSourceByTable, type TableRef} from './match.js'
import {describedDatasets} from './merge.js'
import type {DatasetMetadata, MetadataFormat} from './model.js'

export interface ReportMetadata extends Omit<DatasetMetadata, 'source'> {
  /** Every metadata file read, primary first; `datasets` counts the datasets a catalog file lists. */
  sources: Array<{format: MetadataFormat; path: string; datasets: number}>
  /** Metadata files found but not usable (see the metadata-unreadable findings). */
  unreadable: Array<{path: string; reason: MetadataProblemReason; line?: number; column?: number}>
}

export function displayName(path: string, cwd: string): string {
  return nameForReports(path, cwd)
}

const MODEL_ORDER = [
  'title', 'description', 'identifier', 'publisher', 'contactPoint', 'licence', 'contentLicence', 'rights', 'attribution', 'keywords', 'themes', 'temporal', 'spatial',
  'updateFrequency', 'issued', 'modified', 'documentation', 'landingPage', 'provenance', 'language', 'personalData', 'distributions', 'evidence',
]

/** Null when no metadata file was found at all. */
export function reportMetadata(documents: DatasetMetadata[], load: MetadataLoad | undefined, cwd: string): ReportMetadata | null {
  const problems = load?.problems ?? []
  if (documents.length === 0 && problems.length === 0) return null
  const primary = describedDatasets(documents)[0]?.metadata
  const sources: ReportMetadata['sources'] = []
  for (const doc of documents) {
    const path = displayName(doc.source.path, cwd)
    const known = sources.find((s) => s.path === path)
    if (known) known.datasets++
    else sources.push({format: doc.source.format, path, datasets: 1})
  }
  const {source: _source, ...rest} = primary ?? {source: undefined, keywords: [], themes: [], language: [], distributions: [], evidence: {}}
  // The model's order (what, who, terms, coverage, files), then where it came from: easier to read than insertion order.
  const keys = [...MODEL_ORDER.filter((k) => k in rest), ...Object.keys(rest).filter((k) => !MODEL_ORDER.includes(k))]
  const ordered = Object.fromEntries(keys.map((k) => [k, rest[k as keyof typeof rest]])) as Omit<DatasetMetadata, 'source'>
  return {
    ...ordered,
    sources,
    unreadable: problems.map((p) => ({path: displayName(p.path, cwd), reason: p.reason, ...(p.line !== undefined ? {line: p.line} : {}), ...(p.column !== undefined ? {column: p.column} : {})})),
  }
}

/** Each table's metadata file, by table resource name, as a display path. */
export function metadataSourcesOfTables(documents: DatasetMetadata[], tables: TableRef[], cwd: string, localFiles?: LocalFile[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [resource, path] of metadataSourceByTable(documents, tables, localFiles)) out[resource] = displayName(path, cwd)
  return out
}
