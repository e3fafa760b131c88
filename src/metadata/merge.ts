/**
 * Several metadata files may describe one dataset (a datapackage.json beside an odcheck.yaml,
 * a CSVW file with only column descriptions): together they are its metadata. Merging keeps
 * the first value of each property in priority order and notes in `evidence` which file a
 * value came from when it is not the first.
 */
import {basename} from 'node:path'
import type {DatasetMetadata} from './model.js'

const LISTS = ['keywords', 'themes', 'language'] as const

export function mergeMetadata(documents: DatasetMetadata[]): DatasetMetadata | undefined {
  const [first, ...rest] = documents
  if (!first) return undefined
  const merged: DatasetMetadata = {...first, keywords: [...first.keywords], themes: [...first.themes], language: [...first.language], distributions: [...first.distributions], evidence: {...first.evidence}}
  for (const doc of rest) {
    const from = (key: string) => `${basename(doc.source.path)}: ${doc.evidence[key] ?? key}`
    for (const [key, value] of Object.entries(doc) as Array<[keyof DatasetMetadata, unknown]>) {
      if (key === 'source' || key === 'evidence' || key === 'distributions' || (LISTS as readonly string[]).includes(key)) continue
      if (value === undefined || merged[key] !== undefined) continue
      ;(merged as unknown as Record<string, unknown>)[key] = value
      merged.evidence[key] = from(key)
    }
    for (const key of LISTS) {
      const fresh = doc[key].filter((v) => !merged[key].includes(v))
      if (fresh.length && merged[key].length === 0) merged.evidence[key] = from(key)
      merged[key].push(...fresh)
    }
    // A file's description (CSVW columns) and the package's listing may name the same file twice; both are kept.
    merged.distributions.push(...doc.distributions)
  }
  return merged
}

/** How to name one of several datasets in a catalog file: its title, with its identifier when titles repeat. */
export function datasetLabel(doc: DatasetMetadata, siblings: DatasetMetadata[]): string {
  const position = `dataset ${siblings.indexOf(doc) + 1}`
  if (!doc.title) return doc.identifier ?? position
  const repeated = siblings.filter((d) => d.title === doc.title).length > 1
  return repeated ? `${doc.title} (${doc.identifier ?? position})` : doc.title
}

export interface DescribedDataset {
  /** The dataset's metadata, merged from every file that describes it. */
  metadata: DatasetMetadata
  /** The documents it was merged from, primary first. */
  documents: DatasetMetadata[]
  /** Set when the metadata is one of several datasets in a catalog file: its title, identifier or position. */
  label?: string
}

/**
 * The datasets the metadata describes. Files with one dataset each describe the same dataset
 * and are merged; a catalog file listing several datasets (a data.json, a DCAT graph) gives
 * one dataset each, merged with the single-dataset files.
 */
export function describedDatasets(documents: DatasetMetadata[]): DescribedDataset[] {
  const byFile = new Map<string, DatasetMetadata[]>()
  for (const doc of documents) byFile.set(doc.source.path, [...(byFile.get(doc.source.path) ?? []), doc])
  const singles = documents.filter((d) => byFile.get(d.source.path)!.length === 1)
  const catalogs = documents.filter((d) => byFile.get(d.source.path)!.length > 1)
  if (catalogs.length === 0) return singles.length ? [{metadata: mergeMetadata(singles)!, documents: singles}] : []
  return catalogs.map((doc) => {
    const group = [doc, ...singles]
    return {metadata: mergeMetadata(group)!, documents: group, label: datasetLabel(doc, byFile.get(doc.source.path)!)}
  })
}
