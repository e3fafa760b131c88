/** Turns the paths a user gives (files, folders, globs) into the list of tables to check. */
import {realpath, stat} from 'node:fs/promises'
import {extname, join, resolve, sep} from 'node:path'
import {isDynamicPattern} from 'tinyglobby'
import {isJsonData, isMetadataName, isMetadataPath, isRdfData, isToolFile} from './metadata.js'
import {archiveOf, type Compression} from './archive-kind.js'
import {nameForReports} from './shown-paths.js'
import {RDF_DATA_EXTENSIONS, rdfSyntaxOf} from './rdf-kind.js'
import {isTextTable} from './text-table.js'
import {ALWAYS_IGNORED, brokenLink, brokenLinkMessage, byPath, expandGlob, walkFolder, type BrokenLink, type WalkedFile} from './walk.js'
import {listSome} from '../shared/text.js'

/** Extensions picked up when a folder is given. A file named directly is read whatever its extension. */
export const TABLE_EXTENSIONS = ['csv', 'tsv', 'tab', 'psv', 'xlsx']
/**
 * Also picked up in a folder: GeoJSON always, .json when its content is data rather than metadata
 * (isJsonData), .txt when its content is a delimited table (isTextTable), and RDF (RDF_DATA_EXTENSIONS)
 * when it is data rather than a catalogue record (isRdfData).
 */
export const JSON_DATA_EXTENSIONS = ['geojson', 'json']
const ARCHIVE_EXTENSIONS = ['zip', 'gz', 'tgz', 'tar', '7z', 'rar']
/** Archives whose files are checked (src/load/archive.ts): the others are only named. */
const READ_ARCHIVE_EXTENSIONS = ['zip', 'gz', 'tar', 'tgz']

export interface DiscoveredResource {
  /** Absolute path. */
  path: string
  /** Path relative to the working directory, with forward slashes: the name used in reports. */
  name: string
  format: string
  /** Why the file cannot be read at all (a symbolic link to nothing): the run reports it as a source-error. */
  unreadable?: string
  /** The source-error's reason for `unreadable`: `missing` (a link to nothing) unless said; `unreadable` for a damaged or encrypted archive. */
  unreadableReason?: 'missing' | 'unreadable'
  /** Where the bytes are read from when not at `path`: a file decompressed from an archive into a temporary folder (src/load/archive.ts). */
  file?: string
  /** The archive it was read from (`path` is then the archive's path, with the member's inside a zip). */
  compression?: Compression
  /** The member's path inside a zip or tar archive. */
  innerpath?: string
  /** Of a zip or tar archive, the files inside it named on the command line (spend.zip/spend.csv): only they are checked. Every data file when absent. */
  innerpaths?: string[]
}

export interface DiscoverResult {
  resources: DiscoveredResource[]
  /** Inputs that matched nothing, each with a reason a user can act on. */
  problems: Array<{input: string; message: string}>
  /** Other paths to the file of a resource (through symbolic links), by the resource's path, in walk order. */
  aliases: Map<string, string[]>
}

export function resourceName(path: string, cwd: string): string {
  // Read from the web (a CKAN record, a download): named by its URL.
  return nameForReports(path, cwd)
}

/** `csv`, `tsv`, `xlsx`, `json`, `geojson`, or the RDF syntax (`turtle`, `rdfxml`, ...). */
export function formatOf(path: string): string {
  const syntax = rdfSyntaxOf(path)
  if (syntax) return syntax
  const match = /\.([a-z0-9]+)$/i.exec(path)
  const ext = match ? match[1].toLowerCase() : ''
  if (ext === 'tsv' || ext === 'tab') return 'tsv'
  return ext === '' || ext === 'txt' ? 'csv' : ext
}

function listed(names: string[]): string {
  return listSome(names, 3)
}

function noTablesMessage(input: string, skipped: {text: string[]; archives: string[]; records: string[]}): string {
  const looked = [...TABLE_EXTENSIONS, ...JSON_DATA_EXTENSIONS, ...RDF_DATA_EXTENSIONS].map((e) => '*.' + e).join(', ')
  const parts = [`${input} is a folder with no tables, JSON or RDF data in it (looked for ${looked}, and *.txt holding delimited text).`]
  if (skipped.text.length > 0) parts.push(`Skipped ${listed(skipped.text)}: not a table of three or more columns. If one is a table, check it by name (odcheck check ${skipped.text[0]}) or rename it .csv.`)
  if (skipped.records.length > 0) parts.push(`Skipped ${listed(skipped.records)}: metadata describing a dataset (a catalogue record), not data. Check the data with it as metadata (odcheck check DATA --metadata ${skipped.records[0]}), or name it alone to check the record and the local files it lists (odcheck check ${skipped.records[0]}).`)
  if (skipped.archives.length > 0) parts.push(`Found ${listed(skipped.archives)}: odcheck reads inside .zip, .gz and tar files, not 7-Zip or RAR archives. Extract it and check the files inside, and publish them as they are too.`)
  return parts.join(' ')
}

/** Extensions of files that may hold data to check: tables, JSON, .txt and RDF (isFolderData judges the content). */
export const DATA_EXTENSIONS = new Set([...TABLE_EXTENSIONS, ...JSON_DATA_EXTENSIONS, 'txt', ...RDF_DATA_EXTENSIONS])
/** Folder entries worth reading: data, .zip, .gz and tar files (read inside), and other archives (only named, when a folder has nothing else). */
const FOLDER_EXTENSIONS = new Set([...DATA_EXTENSIONS, ...ARCHIVE_EXTENSIONS])
const extensionOf = (path: string) => extname(path).slice(1).toLowerCase()

/** Whether a file found in a folder (or in a zip) is data to check, by its name and, for JSON, .txt and RDF, its content. */
export function isFolderData(path: string): boolean {
  const ext = extensionOf(path)
  return (
    TABLE_EXTENSIONS.includes(ext) ||
    (JSON_DATA_EXTENSIONS.includes(ext) && isJsonData(path)) ||
    (ext === 'txt' && isTextTable(path)) ||
    (RDF_DATA_EXTENSIONS.includes(ext) && isRdfData(path))
  )
}

/**
 * Whether a link in a folder that leads nowhere stands for a file odcheck would have checked,
 * by its name alone: a table, JSON or RDF not named as metadata (the metadata search reports
 * those). Not a .txt, which is checked only when its content is a table.
 */
function standsForData(path: string): boolean {
  const ext = extensionOf(path)
  return (TABLE_EXTENSIONS.includes(ext) || JSON_DATA_EXTENSIONS.includes(ext) || RDF_DATA_EXTENSIONS.includes(ext)) && !isMetadataName(path)
}

/** Whether a link that leads nowhere, reached by any path (walked, globbed or named), is a data file odcheck should report as a source-error rather than metadata. */
export function brokenLinkIsData(path: string): boolean {
  return standsForData(path) || !isMetadataPath(path)
}

/**
 * Files, folders and globs to the tables they hold, in the order given and sorted within each
 * folder or glob, each real file once (src/load/walk.ts). `ignore`: globs of files and folders to
 * leave out, relative to each folder walked (for a glob, to its fixed part).
 */
export async function discover(inputs: string[], cwd: string, ignore: string[] = []): Promise<DiscoverResult> {
  // By real path, so that a file reached through links is checked once.
  const found = new Map<string, {resource: DiscoveredResource; walked: boolean; aliases: string[]}>()
  const problems: DiscoverResult['problems'] = []
  const ignorePatterns = [...ALWAYS_IGNORED, ...ignore]
  const resourceOf = (path: string, unreadable?: BrokenLink): DiscoveredResource => {
    const name = resourceName(path, cwd)
    return {path, name, format: formatOf(path), ...(unreadable && {unreadable: brokenLinkMessage(unreadable, name)})}
  }
  // Archives some of whose files were named through them (spend.zip/spend.csv), and those files; and every file added whole (an archive named or walked is read whole).
  const zipMembers = new Map<string, string[]>()
  const whole = new Set<string>()
  // A path named directly (an input, or a table the metadata lists) names the file rather than one found by walking a folder.
  const add = (path: string, real: string, walked: boolean, unreadable?: BrokenLink, asWhole = true) => {
    if (asWhole) whole.add(real)
    const seen = found.get(real)
    if (!seen) found.set(real, {resource: resourceOf(path, unreadable), walked, aliases: []})
    else if (seen.walked && !walked && seen.resource.path !== path) {
      const aliases = [seen.resource.path, ...seen.aliases.filter((a) => a !== path)]
      found.set(real, {resource: resourceOf(path, unreadable), walked, aliases})
    } else if (seen.resource.path !== path && !seen.aliases.includes(path)) seen.aliases.push(path)
  }
  const addWalk = (files: WalkedFile[], broken: BrokenLink[]) => {
    const entries: Array<{path: string; real: string; also?: string[]; broken?: BrokenLink}> = [...files, ...broken.map((b) => ({path: b.path, real: b.real, broken: b}))]
    for (const e of entries.sort(byPath)) {
      add(e.path, e.real, true, e.broken)
      for (const path of e.also ?? []) add(path, e.real, true)
    }
  }
  for (const input of inputs) {
    const absolute = resolve(cwd, input)
    let info
    try {
      info = await stat(absolute)
    } catch {
      info = undefined
    }
    if (info?.isDirectory()) {
      const walk = await walkFolder(absolute, {include: (path) => FOLDER_EXTENSIONS.has(extensionOf(path)), ignore: ignorePatterns})
      const ofKind = (kinds: string[]) => walk.files.filter((f) => kinds.includes(extensionOf(f.path)))
      const text = ofKind(['txt'])
      const rdf = ofKind(RDF_DATA_EXTENSIONS)
      const files = walk.files.filter((f) => isFolderData(f.path) || READ_ARCHIVE_EXTENSIONS.includes(extensionOf(f.path)))
      const broken = walk.broken.filter((b) => standsForData(b.path))
      // A folder holding only CSVW metadata is checked through it (src/metadata/csvw reports the tables it cannot find).
      const csvwMetadata = await stat(join(absolute, 'csv-metadata.json')).then((s) => s.isFile(), () => false)
      if (files.length === 0 && broken.length === 0 && !csvwMetadata) {
        const named = (walked: WalkedFile[]) => walked.map((f) => resourceName(f.path, cwd))
        const records = [...ofKind(['json']), ...rdf].filter((f) => !files.includes(f) && !isToolFile(f.path)).sort(byPath)
        problems.push({input, message: noTablesMessage(input, {text: named(text), archives: named(ofKind(ARCHIVE_EXTENSIONS).filter((f) => !files.includes(f))), records: named(records)})})
      }
      addWalk(files, broken)
    } else if (info) {
      // Metadata files given as inputs (datapackage.json, CSVW, DCAT, ...) are read by src/metadata, not as tables.
      if (!isMetadataPath(absolute)) add(absolute, await realpath(absolute), false)
    } else if (isDynamicPattern(input)) {
      const walk = await expandGlob(input, cwd, ignorePatterns)
      const files = walk.files.filter((f) => !isMetadataPath(f.path))
      const broken = walk.broken.filter((b) => brokenLinkIsData(b.path))
      if (walk.files.length === 0 && walk.broken.length === 0) problems.push({input, message: `No files match the pattern ${input}.`})
      addWalk(files, broken)
    } else {
      // Named, a link that leads nowhere is taken as a file is: metadata by its name is the metadata search's to report.
      const link = await brokenLink(absolute)
      // A file inside a zip or tar archive, named as reports name it (spend.zip/spend.csv): only it is read from the archive.
      const zip = link ? undefined : archiveOf(absolute)
      if (link && brokenLinkIsData(absolute)) add(absolute, link.real, false, link)
      else if (zip) {
        const real = await realpath(zip)
        add(zip, real, false, undefined, false)
        zipMembers.set(real, [...(zipMembers.get(real) ?? []), absolute.slice(zip.length + 1).split(sep).join('/')])
      } else if (!link) problems.push({input, message: `${input} does not exist. Check the path, or quote a glob pattern.`})
    }
  }
  // An archive also named whole, or found in a folder, is checked whole.
  for (const [real, inner] of zipMembers) if (!whole.has(real)) found.get(real)!.resource.innerpaths = inner
  const values = [...found.values()]
  return {resources: values.map((v) => v.resource), problems, aliases: new Map(values.filter((v) => v.aliases.length > 0).map((v) => [v.resource.path, v.aliases]))}
}
