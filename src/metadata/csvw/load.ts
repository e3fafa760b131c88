/**
 * Everything CSVW about a run, worked out before any table is read: the metadata documents
 * given as inputs, with `--metadata`, or found for each CSV; which table each describes; the
 * tables to check besides those named (a group's tables, tables linked by foreign keys); and
 * every problem in the metadata. Tables read over HTTP are downloaded to temporary files.
 */
import {basename, dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {readFile, stat} from 'node:fs/promises'
import {archiveBeside, archiveOf} from '../../load/archive-kind.js'
import {isMetadataPath, sniffMetadataFormat} from '../../load/metadata.js'
import {Retriever} from '../../load/csvw/retrieve.js'
import type {HttpClient} from '../../load/http/client.js'
import {locateMetadata} from './locate.js'
import {Problems} from './problems.js'
import {GroupReader, type GroupRead} from './read-group.js'
import type {CsvwGroup, CsvwProblem, CsvwTable, CsvwTableHead} from './types.js'
import {displayName, fileUrl, isHttpUrl, localPath, normaliseUrl, sameUrl} from './urls.js'

export interface CsvwLoadOptions {
  /** Inputs as given: paths, globs, or http(s) URLs. */
  inputs: string[]
  cwd: string
  /** Files named with --metadata. */
  metadataFiles?: string[]
  /** Absolute paths of the local tables the run found. */
  tables: string[]
  /** May http(s) URLs given as inputs be fetched (with what they link to)? */
  online?: boolean
  allowPrivateNetwork?: boolean
  /** The run's HTTP client (src/load/http), shared with the other online work. */
  http?: HttpClient
}

export interface CsvwLoad {
  groups: CsvwGroup[]
  /** Problems in the metadata documents and in finding them, each once. */
  problems: CsvwProblem[]
  /** A table's CSVW description by the absolute path it is read from. */
  byPath: Record<string, CsvwTableHead>
  /** Local files to check besides the tables found: tables the metadata describes, downloads. */
  extraTables: string[]
  /** Names for reports of files read from the web, by local path. */
  names: Record<string, string>
  /** Web addresses given as inputs that could not be fetched, each with the reason. */
  unreadableInputs: Array<{input: string; reason: string}>
}

export interface CsvwLoadResult {
  load: CsvwLoad
  /** Removes downloaded files; call once the tables have been checked. */
  close(): Promise<void>
}

interface Assigned {
  table: CsvwTable
  group: CsvwGroup
  /** Check the table even though it was not named (it is in a metadata input, or linked by a foreign key). */
  include: boolean
  /** The table is the input file itself (user metadata applied to it): no folder restriction. */
  named?: boolean
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

async function isCsvwFile(path: string, text?: string): Promise<boolean> {
  if (!isMetadataPath(path)) return false
  try {
    return sniffMetadataFormat(path, text ?? (await readFile(path, 'utf8'))) === 'csvw'
  } catch {
    return false
  }
}

const NOT_TABULAR: Array<[RegExp, string]> = [
  [/\.geojson$/i, 'GeoJSON'],
  [/\.json(ld)?$/i, 'JSON'],
  [/\.(xlsx|xls|ods)$/i, 'a spreadsheet'],
  [/\.zip$/i, 'a zip archive'],
  [/\.(tar|tgz|tar\.gz)$/i, 'a tar archive'],
  [/\.pdf$/i, 'a PDF document'],
]

/** What a file plainly is when it is not delimited text, by its extension. */
function notTabular(path: string): string | undefined {
  return NOT_TABULAR.find(([re]) => re.test(path))?.[1]
}

/** Tables linked to `table` by foreign keys, in either direction, transitively. */
function linkedTables(table: CsvwTable, group: CsvwGroup): CsvwTable[] {
  const found = new Set<CsvwTable>([table])
  for (let changed = true; changed; ) {
    changed = false
    for (const t of group.tables) {
      if (found.has(t)) continue
      const linked = [...found].some(
        (f) => f.schema?.foreignKeys.some((k) => sameUrl(k.reference.table, t.url)) || t.schema?.foreignKeys.some((k) => sameUrl(k.reference.table, f.url)),
      )
      if (linked) {
        found.add(t)
        changed = true
      }
    }
  }
  return [...found]
}

export async function loadCsvw(options: CsvwLoadOptions): Promise<CsvwLoadResult> {
  const {cwd} = options
  const retriever = new Retriever({online: options.online ?? false, allowPrivateNetwork: options.allowPrivateNetwork, client: options.http})
  const reader = new GroupReader(retriever, cwd)
  const problems = new Problems()
  const used = new Set<GroupRead>()
  const assigned = new Map<string, Assigned>()
  const assign = (table: CsvwTable, group: CsvwGroup, include: boolean, named = false) => {
    const key = normaliseUrl(table.url)
    const existing = assigned.get(key)
    if (!existing) assigned.set(key, {table, group, include, named})
    else if (include) existing.include = true
  }
  const useGroup = (read: GroupRead, include: boolean) => {
    used.add(read)
    for (const table of read.group?.tables ?? []) assign(table, read.group!, include)
  }

  const tableUrls: string[] = []
  const webTables: string[] = []
  for (const input of options.inputs) {
    if (isHttpUrl(input)) {
      if (/\.json(ld)?([?#].*)?$/i.test(input)) useGroup(await reader.read(normaliseUrl(input)), true)
      else webTables.push(normaliseUrl(input))
      continue
    }
    const path = resolve(cwd, input)
    const info = await stat(path).catch(() => undefined)
    if (info?.isFile() && (await isCsvwFile(path))) useGroup(await reader.read(fileUrl(path)), true)
    // A folder's csv-metadata.json describes the folder's tables: check them all, and say which are missing.
    else if (info?.isDirectory() && (await isCsvwFile(join(path, 'csv-metadata.json')))) useGroup(await reader.read(fileUrl(join(path, 'csv-metadata.json'))), true)
  }
  let user: GroupRead | undefined
  for (const file of options.metadataFiles ?? []) {
    const path = resolve(cwd, file)
    if (!(await isCsvwFile(path))) continue
    user = await reader.read(fileUrl(path))
    used.add(user)
  }
  tableUrls.push(...webTables, ...options.tables.map(fileUrl))

  for (const url of tableUrls) {
    if (assigned.has(normaliseUrl(url))) continue
    if (user) {
      const group = user.group
      const match = group?.tables.find((t) => sameUrl(t.url, url))
      if (group && match) linkedTables(match, group).forEach((t) => assign(t, group, true))
      else if (group && group.tables.length > 0) assign({...group.tables[0], url, name: displayName(url, cwd)}, group, true, true)
      continue
    }
    // A table inside a zip is looked for as if unzipped beside it (spend.zip/spend.csv as spend.csv): metadata beside the zip names it so.
    const file = localPath(url)
    const zip = file ? archiveOf(file) : undefined
    const lookup = file && zip ? fileUrl(join(dirname(zip), file.slice(zip.length + 1))) : url
    const located = await locateMetadata(lookup, retriever, reader, problems, cwd, zip ? displayName(url, cwd) : undefined)
    if (!located) continue
    used.add(located.read)
    if (located.group) {
      const match = located.group.tables.find((t) => sameUrl(t.url, lookup))!
      linkedTables(match, located.group).forEach((t) => assign(t, located.group!, true))
      located.group.tables.forEach((t) => assign(t, located.group!, false))
    }
  }

  const load: CsvwLoad = {groups: [], problems: [], byPath: {}, extraTables: [], names: {}, unreadableInputs: []}
  const known = new Set(options.tables)
  for (const {table, group, include, named} of assigned.values()) {
    if (!include && isHttpUrl(table.url)) continue
    const retrieved = await retriever.table(table.url)
    const where = {url: group.url, name: group.name}
    const extra: Partial<CsvwProblem> = {table: table.name, tableUrl: table.url, ...(table.line !== undefined ? {line: table.line} : {})}
    const metadataPath = localPath(group.url)
    const path = retrieved.path
    if (retrieved.error !== undefined || !path) {
      let why = retrieved.error
      const local = localPath(table.url)
      const zip = retrieved.missing && local ? archiveBeside(local) : undefined
      if (zip && local) {
        // Published zipped beside the metadata (spend.zip holding spend.csv): odcheck reads the zip, and checks the CSV in it, named as src/load/archive.ts names it, against this table.
        const archive = basename(zip)
        const member = join(zip, basename(local))
        if (include && !load.byPath[member]) load.byPath[member] = {table: {...table, path: member}, metadata: group.name}
        const read = options.tables.some((t) => t === zip || t.startsWith(zip + sep))
        if (include && !read && !load.extraTables.includes(zip)) load.extraTables.push(zip)
        const csv = basename(local)
        const tools = 'but tools reading the metadata look for the file at "url": publish the CSV itself beside the metadata'
        why = !read
          ? `${retrieved.error}; there is ${archive} beside it, and odcheck checks the ${csv} in it (if there) against these columns, ${tools}`
          : options.tables.includes(member)
            ? `${retrieved.error}; it is inside ${archive} beside it, where odcheck checked it against these columns, ${tools}`
            : `${retrieved.error}; there is ${archive} beside it, but no ${csv} inside it: publish the CSV itself beside the metadata`
      }
      problems.error('table-missing', `The table ${table.name} that ${group.name} describes cannot be read: ${why ?? 'unknown error'}.`, where, `${table.pointer}/url`, extra)
      continue
    }
    const kind = notTabular(path)
    if (kind) {
      problems.error('table-missing', `The table ${table.name} that ${group.name} describes is ${kind}, not CSV: CSVW describes delimited text, so odcheck does not check it against these columns.`, where, `${table.pointer}/url`, extra)
      continue
    }
    if (!named && metadataPath && localPath(table.url) && !isInside(path, dirname(metadataPath))) {
      problems.error('table-missing', `The table ${table.name} that ${group.name} describes is outside the metadata's folder: odcheck does not read files there.`, where, `${table.pointer}/url`, extra)
      continue
    }
    if (!include || load.byPath[path]) continue
    load.byPath[path] = {table: {...table, path}, metadata: group.name}
    if (!known.has(path)) load.extraTables.push(path)
    if (isHttpUrl(table.url)) load.names[path] = table.name
  }
  // A table on the web is checked like a local one, with or without CSVW metadata.
  for (const url of webTables) {
    const retrieved = await retriever.table(url)
    if (retrieved.error !== undefined || !retrieved.path) load.unreadableInputs.push({input: url, reason: retrieved.error ?? 'it could not be fetched'})
    else if (!load.extraTables.includes(retrieved.path)) {
      load.extraTables.push(retrieved.path)
      load.names[retrieved.path] = url
    }
  }
  for (const read of used) {
    problems.list.push(...read.problems.list)
    if (read.group && !load.groups.includes(read.group)) load.groups.push(read.group)
  }
  const seen = new Set<string>()
  load.problems = problems.list.filter((p) => {
    const key = `${p.severity}\u0000${p.file}\u0000${p.pointer}\u0000${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return {load, close: () => retriever.close()}
}
