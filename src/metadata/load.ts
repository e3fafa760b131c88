/**
 * Loads the metadata describing a dataset: discovery (src/load/metadata.ts), then the adapter
 * for each file's format, then local paths resolved without ever leaving the dataset's folder.
 * Never throws for bad metadata: every failure becomes a MetadataProblem.
 */
import {readFileSync, realpathSync, statSync} from 'node:fs'
import {dirname, extname, isAbsolute, relative, resolve, sep} from 'node:path'
import {archiveBeside, archiveOf} from '../load/archive-kind.js'
import {TABLE_EXTENSIONS} from '../load/discover.js'
import {discoverMetadata, type MetadataCandidate} from '../load/metadata.js'
import {adapters} from './adapters/index.js'
import {withoutTrailingCommas} from './csvw/json-syntax.js'
import type {AdapterContext} from './adapters/context.js'
import {problemFrom, type MetadataProblem} from './errors.js'
import type {LocalFile, MetadataLoad} from './load-types.js'
import type {DatasetMetadata} from './model.js'

export const READABLE_FORMATS = 'a Frictionless datapackage.json, CSVW metadata, DCAT (JSON-LD, Turtle or RDF/XML), a DCAT-US data.json, a CKAN package_show record or odcheck.yaml'

export function isInsideFolder(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

/** Resolves a relative path from metadata, refusing any that leads outside the folder (also through a symlink). */
export function resolveLocal(declared: string, folder: string): {path?: string; exists: boolean; outside: boolean} {
  let decoded = declared
  try {
    decoded = decodeURIComponent(declared)
  } catch {
    // Not percent-encoded: use as written.
  }
  const path = resolve(folder, decoded)
  if (isAbsolute(decoded) || !isInsideFolder(path, folder)) return {exists: false, outside: true}
  let exists = false
  try {
    exists = statSync(path).isFile()
  } catch {
    // A file inside a zip or tar archive, named as reports name it (spend.zip/spend.csv): odcheck reads it there.
    exists = archiveOf(path) !== undefined
  }
  if (exists && !isInsideFolder(realOrSame(path), realOrSame(folder))) return {exists: false, outside: true}
  return {path, exists, outside: false}
}

function relatedJsonReader(metadataPath: string): AdapterContext {
  const folder = dirname(metadataPath)
  return {
    readRelatedJson(ref: string) {
      const local = resolveLocal(ref, folder)
      if (!local.path || !local.exists) return undefined
      try {
        return JSON.parse(readFileSync(local.path, 'utf8').replace(/^\uFEFF/, ''))
      } catch {
        return undefined
      }
    },
  }
}

async function readCandidate(candidate: MetadataCandidate): Promise<{documents: DatasetMetadata[]; problem?: MetadataProblem}> {
  const {path} = candidate
  if (candidate.readError !== undefined) {
    return {documents: [], problem: {path, reason: 'io', message: `The metadata file cannot be used: ${candidate.readError}.`, hint: 'Check the path given.'}}
  }
  if (!candidate.format) {
    return {documents: [], problem: {path, reason: 'unrecognised', message: 'odcheck does not recognise this file as dataset metadata.', hint: `odcheck reads ${READABLE_FORMATS}.`}}
  }
  try {
    const documents = await adapters[candidate.format](candidate.text ?? '', path, relatedJsonReader(path))
    return {documents}
  } catch (error) {
    const problem = problemFrom(error, path, candidate.format)
    if (problem.reason === 'syntax') {
      const recovered = await readPastTrailingCommas(candidate)
      if (recovered) problem.readPastTrailingCommas = recovered
    }
    return {documents: [], problem}
  }
}

/** The documents a JSON file gives once its trailing commas are deleted, when they are all that is wrong. */
async function readPastTrailingCommas(candidate: MetadataCandidate): Promise<DatasetMetadata[] | undefined> {
  const text = candidate.text?.replace(/^\uFEFF/, '')
  const fixed = text === undefined || !/^\s*[[{]/.test(text) ? undefined : withoutTrailingCommas(text)
  if (fixed === undefined || !candidate.format) return undefined
  try {
    return await adapters[candidate.format](fixed, candidate.path, relatedJsonReader(candidate.path))
  } catch {
    return undefined
  }
}

const TABLE_FORMATS = new Set(['csv', 'tsv', 'text/csv', 'text/tab-separated-values'])

function isTable(path: string, format?: string, mediaType?: string): boolean {
  const ext = extname(path).slice(1).toLowerCase()
  if (TABLE_EXTENSIONS.includes(ext)) return true
  return (ext === '' || ext === 'txt') && [format, mediaType].some((f) => f && TABLE_FORMATS.has(f.toLowerCase()))
}

export interface LoadMetadataOptions {
  inputs: string[]
  cwd: string
  /** Files named with --metadata. */
  metadataFiles?: string[]
}

export async function loadMetadata({inputs, cwd, metadataFiles = []}: LoadMetadataOptions): Promise<MetadataLoad> {
  const discovery = await discoverMetadata(inputs, cwd, metadataFiles)
  const tableInputs = new Set(inputs.map((i) => resolve(cwd, i)).filter((p) => !discovery.metadataInputs.includes(p)))
  const load: MetadataLoad = {cwd, documents: [], problems: [], searched: discovery.searched, localFiles: [], tables: [], metadataInputs: discovery.metadataInputs}
  for (const candidate of discovery.candidates) {
    const {documents, problem} = await readCandidate(candidate)
    if (problem) load.problems.push(problem)
    // Broken `<file>-metadata.json` given as the input: `<file>` is still checked, without it.
    if (problem && candidate.via === 'input') {
      const named = /^(.+)-metadata\.json$/i.exec(candidate.path)?.[1]
      if (named && isTable(named) && statSync(named, {throwIfNoEntry: false})?.isFile() && !load.tables.includes(named)) load.tables.push(named)
    }
    for (const doc of documents) {
      const folder = dirname(doc.source.path)
      const files: LocalFile[] = []
      doc.distributions.forEach((d, i) => {
        if (!d.path) return
        const local = resolveLocal(d.path, folder)
        const zippedIn = local.path && !local.exists ? archiveBeside(local.path) : undefined
        files.push({document: load.documents.length, distribution: i, declared: d.path, ...local, ...(zippedIn ? {zippedIn} : {})})
      })
      // Metadata in a parent folder counts only if it lists a file being checked.
      if (candidate.fromParentFolder && !files.some((f) => f.path && tableInputs.has(f.path))) continue
      load.documents.push(doc)
      load.localFiles.push(...files)
      if (candidate.via === 'input') {
        // CSVW's `<file>-metadata.json` describes `<file>` whatever its url says.
        const named = /^(.+)-metadata\.json$/i.exec(candidate.path)?.[1]
        if (named && doc.source.format === 'csvw' && isTable(named) && statSync(named, {throwIfNoEntry: false})?.isFile() && !load.tables.includes(named)) load.tables.push(named)
        for (const f of files) {
          const d = doc.distributions[f.distribution]
          if (f.path && f.exists && isTable(f.path, d.format, d.mediaType) && !load.tables.includes(f.path)) load.tables.push(f.path)
          // Published zipped beside the metadata: the zip is checked, and metadata-mismatch says the file it names is not there.
          if (f.path && f.zippedIn && isTable(f.path, d.format, d.mediaType) && !load.tables.includes(f.zippedIn)) load.tables.push(f.zippedIn)
        }
      }
    }
  }
  return load
}
