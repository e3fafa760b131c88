/**
 * Finds the files the fourth and fifth stars are judged from besides the tables: RDF files among
 * the inputs or listed by the metadata, and CSVW metadata beside the tables. Paths from metadata
 * never lead outside its folder. Also the archives among the inputs that odcheck does not open
 * (tar, 7-Zip, RAR), so the format stars can say why they found no data file.
 */
import {existsSync, statSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import picomatch from 'picomatch'
import {isDynamicPattern} from 'tinyglobby'
import {isRdfData} from '../../load/metadata.js'
import {archiveOf, compressionOf} from '../../load/archive-kind.js'
import {expandGlob, walkFolder} from '../../load/walk.js'
import {resolveLocal} from '../../metadata/load.js'
import type {DatasetMetadata, Distribution} from '../../metadata/model.js'
import {archiveFormat, formatFacts} from '../formats.js'
import {rdfSyntaxOf} from './rdf.js'

export interface LinkedDataFiles {
  rdf: string[]
  csvw: string[]
  /** Archives odcheck does not open (.7z, .rar) among the inputs or in the folders given. */
  archives: string[]
  /** Distributions the metadata lists by a local path that is not there: their format is only the metadata's word. */
  missing: Distribution[]
  /** Names for files decompressed from archives, by their temporary path (`spend.zip/cube.ttl`). */
  names?: Record<string, string>
}

const LINKED_DATA_FILES = picomatch(['**/*.{ttl,nt,n3,trig,nq,rdf,owl,jsonld}', '**/{*-metadata.json,csv-metadata.json}', '**/*.{zip,gz,tgz,tar,7z,rar}'], {nocase: true})

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** `metadataFiles`: every file describing the dataset (else just `metadata`), each with its own folder for the paths it lists. */
/** `archived`: files the run decompressed from archives, where they were and the name reports give them. */
export async function linkedDataFiles(options: {inputs: string[]; cwd: string; tables: string[]; archived?: Array<{file: string; name: string}>; metadata?: DatasetMetadata; metadataFiles?: DatasetMetadata[]}): Promise<LinkedDataFiles> {
  const rdf = new Set<string>()
  const csvw = new Set<string>()
  const archives = new Set<string>()
  const consider = (path: string) => {
    // A .zip, .gz or tar archive was read by the run (src/load/archive.ts): the files inside are among the resources, and `archived`.
    if (compressionOf(path)) return
    if (archiveFormat(path)) archives.add(path)
    // A catalogue record (a DCAT file beside the data) describes data: it is no evidence of the data's format.
    else if (rdfSyntaxOf(path) && !path.endsWith('.xml') && isRdfData(path)) rdf.add(path)
    else if (/(^|[-.])metadata\.json$/i.test(basename(path)) && /csv|metadata/i.test(basename(path))) csvw.add(path)
  }
  for (const input of options.inputs) {
    const absolute = resolve(options.cwd, input)
    let directory = false
    try {
      directory = statSync(absolute).isDirectory()
    } catch {
      directory = false
    }
    if (directory) {
      for (const file of (await walkFolder(absolute, {include: LINKED_DATA_FILES})).files) consider(file.path)
    } else if (isFile(absolute)) consider(absolute)
    else if (isDynamicPattern(input)) for (const file of (await expandGlob(input, options.cwd)).files) consider(file.path)
  }
  const names: Record<string, string> = {}
  // The run read these as RDF data (src/load/archive.ts keeps only data), and has removed them since.
  for (const {file, name} of options.archived ?? []) {
    if (!rdfSyntaxOf(file)) continue
    rdf.add(file)
    names[file] = name
  }
  for (const table of options.tables) {
    for (const candidate of [`${table}-metadata.json`, join(dirname(table), 'csv-metadata.json')]) if (existsSync(candidate)) csvw.add(candidate)
  }
  const missing: Distribution[] = []
  for (const m of options.metadataFiles ?? (options.metadata ? [options.metadata] : [])) {
    const source = resolve(options.cwd, m.source.path)
    if (m.source.format === 'csvw') csvw.add(source)
    if (m.source.format.startsWith('dcat-')) rdf.delete(source)
    // A record read from the web (--online) lists paths relative to its URL, which are not local files.
    const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(m.source.path)
    for (const d of m.distributions) {
      if (remote || !d.path || /^[a-z][a-z0-9+.-]*:/i.test(d.path)) continue
      const local = resolveLocal(d.path, dirname(source))
      if (!local.exists) missing.push(d)
      // A file inside a zip is read from where the run decompressed it (`archived`).
      else if (local.path && !archiveOf(local.path) && formatFacts(d.format, d.mediaType, d.path)?.rdf) rdf.add(local.path)
    }
  }
  return {rdf: [...rdf].sort(), csvw: [...csvw].sort(), archives: [...archives].sort(), missing, ...(Object.keys(names).length > 0 ? {names} : {})}
}
