/** Turns the paths a user gives (files, folders, globs) into the list of tables to check. */
import {stat} from 'node:fs/promises'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {isJsonData, isMetadataPath, isRdfData} from './metadata.js'
import {RDF_DATA_EXTENSIONS, rdfSyntaxOf} from './rdf-kind.js'
import {isTextTable} from './text-table.js'

/** Extensions picked up when a folder is given. A file named directly is read whatever its extension. */
export const TABLE_EXTENSIONS = ['csv', 'tsv', 'tab', 'psv', 'xlsx']
/**
 * Also picked up in a folder: GeoJSON always, .json when its content is data rather than metadata
 * (isJsonData), .txt when its content is a delimited table (isTextTable), and RDF (RDF_DATA_EXTENSIONS)
 * when it is data rather than a catalogue record (isRdfData).
 */
export const JSON_DATA_EXTENSIONS = ['geojson', 'json']
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

export interface DiscoveredResource {
  /** Absolute path. */
  path: string
  /** Path relative to the working directory, with forward slashes: the name used in reports. */
  name: string
  format: string
}

export interface DiscoverResult {
  resources: DiscoveredResource[]
  /** Inputs that matched nothing, each with a reason a user can act on. */
  problems: Array<{input: string; message: string}>
}

export function resourceName(path: string, cwd: string): string {
  // Read from the web (a CKAN record, a download): named by its URL.
  if (/^https?:\/\//i.test(path)) return path
  const rel = relative(cwd, path)
  const name = rel.startsWith('..') || isAbsolute(rel) ? path : rel
  return name.split(sep).join('/')
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
  return names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '')
}

function noTablesMessage(input: string, skipped: {text: string[]; archives: string[]; records: string[]}): string {
  const looked = [...TABLE_EXTENSIONS, ...JSON_DATA_EXTENSIONS, ...RDF_DATA_EXTENSIONS].map((e) => '*.' + e).join(', ')
  const parts = [`${input} is a folder with no tables, JSON or RDF data in it (looked for ${looked}, and *.txt holding delimited text).`]
  if (skipped.text.length > 0) parts.push(`Skipped ${listed(skipped.text)}: not a table of three or more columns. If one is a table, check it by name (odcheck check ${skipped.text[0]}) or rename it .csv.`)
  if (skipped.records.length > 0) parts.push(`Skipped ${listed(skipped.records)}: RDF describing a dataset (a catalogue record), not data. Check the data with it as metadata (odcheck check DATA --metadata ${skipped.records[0]}), or name it alone to check the record and the local files it lists.`)
  if (skipped.archives.length > 0) parts.push(`Found ${listed(skipped.archives)}: odcheck does not read inside archives. Unzip it and check the files inside, and publish them unzipped too.`)
  return parts.join(' ')
}

export async function discover(inputs: string[], cwd: string, ignore: string[] = []): Promise<DiscoverResult> {
  const found = new Map<string, DiscoveredResource>()
  const problems: DiscoverResult['problems'] = []
  const tablePattern = `**/*.{${TABLE_EXTENSIONS.join(',')}}`
  const ignorePatterns = [...ALWAYS_IGNORED, ...ignore]
  const add = (path: string) => {
    if (!found.has(path)) found.set(path, {path, name: resourceName(path, cwd), format: formatOf(path)})
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
      const files = await glob(tablePattern, {cwd: absolute, ignore: ignorePatterns, absolute: true, caseSensitiveMatch: false, dot: false})
      const json = await glob(`**/*.{${JSON_DATA_EXTENSIONS.join(',')}}`, {cwd: absolute, ignore: ignorePatterns, absolute: true, caseSensitiveMatch: false, dot: false})
      files.push(...json.filter((f) => isJsonData(f)))
      const text = await glob('**/*.txt', {cwd: absolute, ignore: ignorePatterns, absolute: true, caseSensitiveMatch: false, dot: false})
      files.push(...text.filter((f) => isTextTable(f)))
      const rdf = await glob(`**/*.{${RDF_DATA_EXTENSIONS.join(',')}}`, {cwd: absolute, ignore: ignorePatterns, absolute: true, caseSensitiveMatch: false, dot: false})
      const rdfData = rdf.filter((f) => isRdfData(f))
      files.push(...rdfData)
      // A folder holding only CSVW metadata is checked through it (src/metadata/csvw reports the tables it cannot find).
      const csvwMetadata = await stat(join(absolute, 'csv-metadata.json')).then((s) => s.isFile(), () => false)
      if (files.length === 0 && !csvwMetadata) {
        const archives = await glob('**/*.{zip,gz,tgz,tar,7z,rar}', {cwd: absolute, ignore: ignorePatterns, absolute: true, caseSensitiveMatch: false, dot: false})
        const named = (paths: string[]) => paths.sort().map((f) => resourceName(f, cwd))
        problems.push({input, message: noTablesMessage(input, {text: named(text), archives: named(archives), records: named(rdf.filter((f) => !rdfData.includes(f)))})})
      }
      files.sort().forEach((f) => add(resolve(f)))
    } else if (info) {
      // Metadata files given as inputs (datapackage.json, CSVW, DCAT, ...) are read by src/metadata, not as tables.
      if (!isMetadataPath(absolute)) add(absolute)
    } else if (isDynamicPattern(input)) {
      const files = await glob(input, {cwd, ignore: ignorePatterns, absolute: true})
      if (files.length === 0) problems.push({input, message: `No files match the pattern ${input}.`})
      files.sort().filter((f) => !isMetadataPath(f)).forEach((f) => add(resolve(f)))
    } else {
      problems.push({input, message: `${input} does not exist. Check the path, or quote a glob pattern.`})
    }
  }
  return {resources: [...found.values()], problems}
}
