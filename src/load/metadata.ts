/**
 * Finds the metadata that describes the data being checked, and tells its format from its
 * content (not just its name). Reading and mapping it is src/metadata's job.
 *
 * - Files named with `--metadata`, or given as inputs with a metadata extension (.json,
 *   .jsonld, .ttl, .rdf, .xml, .yaml, ...), are used as they are; nothing else is searched.
 * - Otherwise odcheck looks beside the data: in each folder given, and in the folder of each
 *   file given (then its parent folders up to the working directory, for a data package one
 *   level up from data/): datapackage.json|yaml|yml, odcheck.yaml|yml, `<file>-metadata.json`,
 *   csv-metadata.json and data.json (when it is DCAT-US).
 */
import {readFileSync, statSync} from 'node:fs'
import {lstat, readFile, readdir, stat} from 'node:fs/promises'
import {basename, dirname, extname, join, relative, resolve, sep} from 'node:path'
import {isDynamicPattern} from 'tinyglobby'
import {parseDocument} from 'yaml'
import {archiveOf} from './archive-kind.js'
import {brokenLinkIsData, resourceName, TABLE_EXTENSIONS} from './discover.js'
import {isJsonDataText} from './json-kind.js'
import {isRdfXmlText, rdfContent, rdfSyntaxOf, type RdfContent} from './rdf-kind.js'
import {brokenLink, brokenLinkReason, expandGlob, walkFolder} from './walk.js'

export type SniffedFormat = 'datapackage' | 'csvw' | 'dcat-jsonld' | 'dcat-turtle' | 'dcat-rdfxml' | 'dcat-us' | 'ckan' | 'odcheck'

export interface MetadataCandidate {
  /** Absolute path. */
  path: string
  /** Undefined when the content is not a metadata format odcheck reads. */
  format?: SniffedFormat
  text?: string
  /** Set when the file could not be read. */
  readError?: string
  via: 'flag' | 'input' | 'beside'
  /** Found in a parent folder of a file given: it only counts if it lists that file. */
  fromParentFolder?: boolean
}

export interface MetadataDiscovery {
  candidates: MetadataCandidate[]
  /** Absolute paths of inputs that are metadata files, so not tables. */
  metadataInputs: string[]
  /** Where odcheck looked when it searched beside the data, for the "no metadata" message. */
  searched: SearchedFolder[]
}

export interface SearchedFolder {
  /** Display name of the folder. */
  folder: string
  /** The file names looked for in it. */
  names: string[]
  /**
   * A folder given with no metadata of its own: data packages and odcheck.yaml files in folders
   * below it, which describe only their own folder (display names). Absent when there are none.
   */
  nested?: string[]
  /** Catalogue records in the folder (file names), when there are several and nothing says which describes the data. */
  records?: string[]
}

/** Metadata that describes the folder it sits in, looked for below a folder that has none. */
const NESTED_DATASET_FILES = ['datapackage.json', 'datapackage.yaml', 'datapackage.yml', 'odcheck.yaml', 'odcheck.yml']

async function nestedMetadata(folder: string, cwd: string): Promise<string[]> {
  const {files} = await walkFolder(folder, {include: (path) => path.includes('/') && NESTED_DATASET_FILES.includes(basename(path).toLowerCase()), maxDepth: 6})
  return files.map((f) => resourceName(f.path, cwd))
}

/** Extensions that make a file given as an input a metadata file rather than a table. */
export const METADATA_EXTENSIONS = ['json', 'jsonld', 'ttl', 'n3', 'rdf', 'owl', 'xml', 'yaml', 'yml']

const MAX_METADATA_BYTES = 50 * 1024 * 1024

/** odcheck's own files (config, suppressions, certificate answers): neither metadata nor tables. */
export function isToolFile(path: string): boolean {
  return /^(\.odcheck\.(ya?ml|json)|odcheck\.config\.ya?ml|odcheck-suppressions\.json|certificate\.ya?ml)$/i.test(basename(path))
}

/** Named as metadata or as one of odcheck's own files, whatever it holds: datapackage.*, *-metadata.json, .odcheck.yaml, ... */
export function isMetadataName(path: string): boolean {
  const name = basename(path).toLowerCase()
  return isToolFile(path) || name.startsWith('datapackage.') || name.endsWith('-metadata.json')
}

/** Whether a file given as an input is metadata (or one of odcheck's own files) rather than a table, JSON data or RDF data. */
export function isMetadataPath(path: string): boolean {
  return METADATA_EXTENSIONS.includes(extname(path).slice(1).toLowerCase()) && !isJsonData(path) && !isRdfData(path)
}

interface Judged<T> {
  stamp: string
  value: T
}
const jsonDataSeen = new Map<string, Judged<boolean>>()
const rdfContentSeen = new Map<string, Judged<RdfContent>>()

/**
 * What a file holds, by its content: `judge` reads the text; a file larger than any metadata
 * file is `large` unread; one that is not a file or cannot be read is `unreadable` (the metadata
 * reader says why). Remembered per file while it is unchanged, as discovery asks about one file
 * several times.
 */
function judgedByContent<T>(path: string, seen: Map<string, Judged<T>>, judge: (text: string) => T, outcomes: {large: T; unreadable: T}): T {
  try {
    const info = statSync(path)
    if (!info.isFile()) return outcomes.unreadable
    const stamp = `${info.size}:${info.mtimeMs}`
    const known = seen.get(path)
    if (known?.stamp === stamp) return known.value
    const value = info.size > MAX_METADATA_BYTES ? outcomes.large : judge(readFileSync(path, 'utf8'))
    seen.set(path, {stamp, value})
    return value
  } catch {
    return outcomes.unreadable
  }
}

/**
 * Whether a .json or .geojson file is data to check (src/load/json-kind.ts) rather than metadata:
 * a .geojson always is; a .json is told by its content (GeoJSON, or JSON that is no catalogue
 * record, schema or dialect), or is data when larger than any metadata file.
 */
export function isJsonData(path: string): boolean {
  const name = basename(path).toLowerCase()
  const ext = extname(name).slice(1)
  if (ext === 'geojson') return true
  if (ext !== 'json' || isMetadataName(path)) return false
  return judgedByContent(path, jsonDataSeen, (text) => isJsonDataText(text, (value) => sniffJson(value) !== undefined), {large: true, unreadable: false})
}

/**
 * What an RDF file (Turtle, N-Triples, RDF/XML, JSON-LD, ...) holds (src/load/rdf-kind.ts): a
 * catalogue record types something as a dataset or catalogue; a dump that also does, with many
 * statements besides, is both. An .xml file is RDF only when it is RDF/XML; JSON-LD that is CSVW
 * metadata is a record. Undefined for a file that is not RDF or is one of odcheck's own.
 */
function rdfContentOf(path: string): RdfContent | undefined {
  const syntax = rdfSyntaxOf(path)
  if (!syntax || isToolFile(path)) return undefined
  const ext = extname(path).toLowerCase()
  // The metadata reader takes catalogue records in Turtle, RDF/XML and JSON-LD only: N-Triples, N-Quads and TriG are always data, however they are reached.
  if (!METADATA_EXTENSIONS.includes(ext.slice(1))) return 'data'
  const judge = (text: string): RdfContent => {
    if (ext === '.xml' && !isRdfXmlText(text)) return 'record'
    if (syntax === 'jsonld' && sniffMetadataFormat(path, text) === 'csvw') return 'record'
    return rdfContent(text, syntax)
  }
  // Not a file, or unreadable: the metadata reader says why, as for a record.
  return judgedByContent(path, rdfContentSeen, judge, {large: 'data', unreadable: 'record'})
}

/** Whether an RDF file holds data to check: data, or a dump that also describes itself. */
export function isRdfData(path: string): boolean {
  const content = rdfContentOf(path)
  return content === 'data' || content === 'both'
}

/** Whether an RDF file describes a dataset, so may serve as its metadata: a catalogue record, or a dump that also describes itself. */
export function isRdfRecord(path: string): boolean {
  const content = rdfContentOf(path)
  return content === 'record' || content === 'both'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function contextMentions(context: unknown, word: string): boolean {
  return JSON.stringify(context ?? '').toLowerCase().includes(word)
}

export function sniffJson(value: unknown): SniffedFormat | undefined {
  if (Array.isArray(value)) {
    return value.some((d) => isObject(d) && ('distribution' in d || 'title' in d)) ? 'dcat-us' : undefined
  }
  if (!isObject(value)) return undefined
  if ('success' in value && ('result' in value || 'error' in value)) return 'ckan'
  const context = value['@context']
  if (context !== undefined) {
    if (contextMentions(context, 'csvw')) return 'csvw'
    if (contextMentions(context, 'project-open-data') || ('dataset' in value && !('@graph' in value))) return 'dcat-us'
    return 'dcat-jsonld'
  }
  if ('tableSchema' in value || (Array.isArray(value.tables) && value.tables.some((t) => isObject(t) && 'url' in t))) return 'csvw'
  const ckanKeys = ['license_id', 'notes', 'num_resources', 'owner_org', 'ckan_url', 'package_count', 'is_organization']
  if (ckanKeys.some((k) => k in value)) return 'ckan'
  if (Array.isArray(value.resources)) return 'datapackage'
  if ('dataset' in value || ('distribution' in value && 'title' in value) || String(value['@type'] ?? '').startsWith('dcat:')) return 'dcat-us'
  return undefined
}

const ODCHECK_KEYS = ['title', 'description', 'publisher', 'contactPoint', 'licence', 'keywords', 'updateFrequency', 'distributions', 'personalData']

/** The format of a metadata file from its content, with its name as a tie-breaker for broken files. */
export function sniffMetadataFormat(path: string, text: string): SniffedFormat | undefined {
  const name = basename(path).toLowerCase()
  const ext = extname(name).slice(1)
  const body = text.replace(/^\uFEFF/, '').trimStart()
  if (body.startsWith('<')) return /rdf:RDF|22-rdf-syntax-ns#/.test(body.slice(0, 20_000)) ? 'dcat-rdfxml' : undefined
  if (body.startsWith('{') || body.startsWith('[')) {
    try {
      const sniffed = sniffJson(JSON.parse(body))
      if (sniffed) return sniffed
      if (ext === 'jsonld') return 'dcat-jsonld'
      return name.startsWith('datapackage.') ? 'datapackage' : undefined
    } catch {
      // Broken JSON: go by the name, so the adapter can say where the syntax error is.
      if (name.startsWith('datapackage.')) return 'datapackage'
      if (name.endsWith('-metadata.json') || /"tableSchema"|www\.w3\.org\/ns\/csvw/.test(body)) return 'csvw'
      if (ext === 'jsonld') return 'dcat-jsonld'
      if (/"(success|license_id|owner_org|num_resources)"\s*:/.test(body)) return 'ckan'
      if (/"resources"\s*:/.test(body)) return 'datapackage'
      if (name === 'data.json' || /"(dataset|distribution)"\s*:/.test(body)) return 'dcat-us'
      return ext === 'json' ? 'dcat-us' : undefined
    }
  }
  if (ext === 'ttl' || ext === 'n3' || /^(@prefix|@base|prefix\s|base\s)/i.test(body)) return 'dcat-turtle'
  if (ext === 'yaml' || ext === 'yml') {
    if (/^datapackage\./.test(name)) return 'datapackage'
    if (/^odcheck\.ya?ml$/.test(name)) return 'odcheck'
    const doc = parseDocument(body)
    const value = doc.errors.length ? undefined : doc.toJS()
    if (isObject(value) && Array.isArray(value.resources)) return 'datapackage'
    if (isObject(value) && !('rules' in value) && !('extends' in value) && Object.keys(value).some((k) => ODCHECK_KEYS.includes(k))) return 'odcheck'
  }
  return undefined
}

async function readCandidate(path: string, via: MetadataCandidate['via'], fromParentFolder = false): Promise<MetadataCandidate> {
  const candidate: MetadataCandidate = {path, via}
  if (fromParentFolder) candidate.fromParentFolder = true
  try {
    const info = await stat(path)
    if (info.size > MAX_METADATA_BYTES) {
      candidate.readError = `it is ${Math.round(info.size / 1024 / 1024)} MB, larger than any metadata file should be`
      return candidate
    }
    candidate.text = await readFile(path, 'utf8')
    candidate.format = sniffMetadataFormat(path, candidate.text)
  } catch (error) {
    const link = await brokenLink(path)
    if (link) candidate.readError = `it is ${brokenLinkReason(link)}`
    else candidate.readError = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`
  }
  return candidate
}

/** Metadata file names odcheck looks for beside the data, in priority order; `tables` are the table files in the folder. */
function namesBeside(tables: string[]): string[] {
  return ['odcheck.yaml', 'odcheck.yml', 'datapackage.json', 'datapackage.yaml', 'datapackage.yml', ...tables.map((t) => `${t}-metadata.json`), 'csv-metadata.json', 'data.json']
}

/** Names of the files in a folder, links to files among them, and links that lead nowhere (reported when read). */
async function filesIn(folder: string): Promise<string[]> {
  try {
    const names: string[] = []
    for (const e of await readdir(folder, {withFileTypes: true})) {
      if (e.isFile() || (e.isSymbolicLink() && !(await stat(join(folder, e.name)).then((s) => s.isDirectory(), () => false)))) names.push(e.name)
    }
    return names
  } catch {
    return []
  }
}

const isTableName = (name: string) => TABLE_EXTENSIONS.includes(extname(name).slice(1).toLowerCase())

/** Catalogue formats read from a file of any name beside the data, when no conventionally named metadata is there. */
const RECORD_FORMATS: ReadonlySet<SniffedFormat> = new Set(['dcat-jsonld', 'dcat-turtle', 'dcat-rdfxml', 'dcat-us', 'ckan'])

/**
 * Catalogue records (DCAT in Turtle, RDF/XML or JSON-LD; a CKAN record; DCAT-US) among a folder's
 * files, whatever their names: a council exports dataset.ttl or package_show.json beside its CSV.
 */
async function recordsIn(folder: string, names: string[]): Promise<MetadataCandidate[]> {
  const records: MetadataCandidate[] = []
  for (const name of names.sort()) {
    const path = join(folder, name)
    if (!METADATA_EXTENSIONS.includes(extname(name).slice(1).toLowerCase()) || isMetadataName(path) || /\.ya?ml$/i.test(name)) continue
    if (isJsonData(path) || (rdfSyntaxOf(path) && !isRdfRecord(path))) continue
    const candidate = await readCandidate(path, 'beside')
    if (candidate.format && RECORD_FORMATS.has(candidate.format)) records.push(candidate)
  }
  return records
}

async function searchFolder(folder: string, tables: string[], fromParentFolder: boolean, looked?: SearchedFolder): Promise<MetadataCandidate[]> {
  const files = await filesIn(folder)
  const present = new Map(files.map((n) => [n.toLowerCase(), n]))
  const found: MetadataCandidate[] = []
  for (const wanted of namesBeside(tables)) {
    const name = present.get(wanted.toLowerCase())
    if (!name) continue
    const candidate = await readCandidate(join(folder, name), 'beside', fromParentFolder)
    // A data.json that is not a DCAT-US catalog is most likely data, not metadata.
    if (wanted === 'data.json' && candidate.format !== 'dcat-us') continue
    found.push(candidate)
  }
  if (found.length > 0 || fromParentFolder) return found
  // Nothing by the usual names: one catalogue record in the folder describes the data; of several, odcheck cannot tell which does.
  const records = await recordsIn(folder, files)
  if (records.length === 1) return records
  if (records.length > 1 && looked) looked.records = records.map((r) => basename(r.path))
  return found
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..')
}

export async function discoverMetadata(inputs: string[], cwd: string, flagged: string[] = []): Promise<MetadataDiscovery> {
  const metadataInputs: string[] = []
  const named: MetadataCandidate[] = []
  for (const file of flagged) named.push(await readCandidate(resolve(cwd, file), 'flag'))
  const folders = new Map<string, {tables: Set<string>; files: string[]}>()
  // A glob stands for the files it matches.
  const expanded: string[] = []
  for (const input of inputs) {
    const exists = await lstat(resolve(cwd, input)).then(() => true, () => false)
    if (!exists && isDynamicPattern(input)) {
      const walk = await expandGlob(input, cwd)
      expanded.push(...[...walk.files, ...walk.broken].map((f) => f.path).sort())
    } else expanded.push(input)
  }
  for (const input of expanded) {
    // A file inside a zip (spend.zip/spend.csv) has its metadata beside the zip.
    const absolute = archiveOf(resolve(cwd, input)) ?? resolve(cwd, input)
    // A link that leads nowhere stands where a file would: a table beside which to look, or metadata that cannot be read.
    const target = await stat(absolute).catch(() => undefined)
    const info = target ?? (await lstat(absolute).catch(() => undefined))
    // A broken link named like data is discovery's source-error (whichever way it was reached), not metadata that cannot be read.
    const brokenData = !target && info !== undefined && brokenLinkIsData(absolute)
    if (info?.isDirectory()) {
      const entry = folders.get(absolute) ?? {tables: new Set(), files: []}
      for (const name of await filesIn(absolute)) if (isTableName(name)) entry.tables.add(name)
      folders.set(absolute, entry)
    } else if (info && isMetadataPath(absolute) && !brokenData) {
      metadataInputs.push(absolute)
      if (!isToolFile(absolute)) named.push(await readCandidate(absolute, 'input'))
    } else if (info) {
      const folder = dirname(absolute)
      const entry = folders.get(folder) ?? {tables: new Set(), files: []}
      // CSVW's <file>-metadata.json describes tables, not RDF.
      if (!rdfSyntaxOf(absolute)) entry.tables.add(basename(absolute))
      entry.files.push(absolute)
      folders.set(folder, entry)
    }
  }
  if (named.length > 0) return {candidates: named, metadataInputs, searched: []}

  const candidates: MetadataCandidate[] = []
  const searched: MetadataDiscovery['searched'] = []
  const seen = new Set<string>()
  for (const [folder, {tables, files}] of folders) {
    const tableNames = [...tables].sort()
    const looked: SearchedFolder = {folder: resourceName(folder, cwd) || '.', names: namesBeside(tableNames)}
    searched.push(looked)
    let found = await searchFolder(folder, tableNames, false, looked)
    if (found.length === 0 && files.length === 0) {
      const nested = await nestedMetadata(folder, cwd)
      if (nested.length > 0) looked.nested = nested
    }
    // A file in data/ is often described by a data package one folder up: look up to the working directory.
    for (let parent = dirname(folder), level = 0; found.length === 0 && files.length > 0 && level < 3 && parent !== dirname(parent) && isInside(parent, cwd); parent = dirname(parent), level++) {
      found = (await searchFolder(parent, [], true)).filter((c) => c.format !== 'dcat-us')
    }
    for (const c of found) {
      if (seen.has(c.path)) continue
      seen.add(c.path)
      candidates.push(c)
    }
  }
  return {candidates, metadataInputs, searched}
}
