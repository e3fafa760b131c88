/** Which checked table each distribution in the metadata is about: by local path, or by the file name at the end of its URL. */
import {basename, dirname, join, resolve} from 'node:path'
import {archiveBeside, archiveOf} from '../load/archive-kind.js'
import type {LocalFile} from './load-types.js'
import type {DatasetMetadata} from './model.js'

export interface TableRef {
  resource: string
  path?: string
}

export interface DistributionMatch {
  document: number
  distribution: number
  /** The local file the distribution names, when it names one by path. */
  local?: LocalFile
  table?: TableRef
  by?: 'path' | 'url-name'
}

function urlFileName(url: string): string | undefined {
  try {
    const name = basename(decodeURIComponent(new URL(url).pathname))
    return name || undefined
  } catch {
    return undefined
  }
}

/** Local files from a load, or (when metadata was handed in ready-made) resolved lexically, existence unknown. */
export function localFilesOf(documents: DatasetMetadata[], localFiles?: LocalFile[]): LocalFile[] {
  if (localFiles) return localFiles
  const out: LocalFile[] = []
  documents.forEach((doc, document) =>
    doc.distributions.forEach((d, distribution) => {
      if (d.path) out.push({document, distribution, declared: d.path, path: resolve(dirname(doc.source.path), d.path), exists: true, outside: false})
    }),
  )
  return out
}

export function matchDistributions(documents: DatasetMetadata[], tables: TableRef[], localFiles?: LocalFile[]): DistributionMatch[] {
  const locals = localFilesOf(documents, localFiles)
  const tableAt = (path: string) => tables.find((t) => t.path === path)
  const anyArchived = tables.some((t) => t.path && archiveOf(t.path))
  const out: DistributionMatch[] = []
  documents.forEach((doc, document) =>
    doc.distributions.forEach((d, distribution) => {
      const local = locals.find((l) => l.document === document && l.distribution === distribution)
      if (local) {
        // A file published zipped beside the metadata is the one of its name inside the archive, as src/load/archive-kind.ts names it.
        const table = local.path ? (tableAt(local.path) ?? (local.zippedIn ? tableAt(join(local.zippedIn, basename(local.path))) : undefined)) : undefined
        out.push({document, distribution, local, ...(table ? {table, by: 'path' as const} : {})})
        return
      }
      const name = d.url ? urlFileName(d.url) : undefined
      const beside = name ? join(dirname(doc.source.path), name) : undefined
      // Downloaded and kept zipped (spend.zip for https://…/spend.csv): the file of that name inside the archive.
      const zip = beside && anyArchived && !tables.some((t) => t.path === beside) ? archiveBeside(beside) : undefined
      const table = beside ? (tableAt(beside) ?? (zip ? tableAt(join(zip, basename(beside))) : undefined)) : undefined
      out.push({document, distribution, ...(table ? {table, by: 'url-name' as const} : {})})
    }),
  )
  return out
}

/** CSVW's `<file>-metadata.json` is about `<file>`: its absolute path, else undefined. */
export function namedFor(doc: DatasetMetadata): string | undefined {
  if (doc.source.format !== 'csvw') return undefined
  const match = /^(.+)-metadata\.json$/i.exec(doc.source.path)
  return match && basename(match[1]) !== 'csv' ? match[1] : undefined
}

/** For each table, the metadata file that describes it (first match wins). */
export function metadataSourceByTable(documents: DatasetMetadata[], tables: TableRef[], localFiles?: LocalFile[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of matchDistributions(documents, tables, localFiles)) {
    if (m.table && !out.has(m.table.resource)) out.set(m.table.resource, documents[m.document].source.path)
  }
  for (const doc of documents) {
    const target = namedFor(doc)
    const table = target ? tables.find((t) => t.path === target) : undefined
    if (table && !out.has(table.resource)) out.set(table.resource, doc.source.path)
  }
  return out
}
