/**
 * Decides, before the run, what each table is checked against: the Table Schema given with
 * `--schema`, else the schema of the data package resource the table is a file of, with that
 * resource's dialect, encoding and declared bytes, hash and row count. It also says which files
 * a package adds to the run (a folder holding a datapackage.* is checked as a package) and
 * which tables must be read for the keys other tables' foreign keys point at.
 */
import {statSync} from 'node:fs'
import {dirname, extname, resolve} from 'node:path'
import type {DatasetMetadata} from '../model.js'
import {readTableSchemaFile} from '../table-schema/read.js'
import type {TableSchema} from '../table-schema/types.js'
import {referencedKeys, referencedResource} from './foreign-keys.js'
import {loadPackage} from './read.js'
import type {RemoteDescriptors} from './remote.js'
import type {PackageResource, PackageResourceInfo, PackageSpec} from './types.js'

export interface PlannedTable {
  schema?: TableSchema
  schemaSource?: string
  encoding?: string
  delimiter?: string
  /** The resource dialect's quoting ('' for none) and escape of a quote inside quotes, when not the default `"`. */
  quoteChar?: string
  escapeChar?: string
  header?: boolean
  packageResource?: PackageResourceInfo
  /** For a spreadsheet: the sheet (name or 1-based number) the schema is for; the first when absent. */
  sheet?: string | number
}

/** A resource whose rows are written in the descriptor (`data`), checked like a file. */
export interface InlinePlan {
  /** Absolute path of the package descriptor. */
  file: string
  resource: PackageResource
  planned: PlannedTable
}

export interface TablePlan {
  forTable(path: string): PlannedTable | undefined
  /** Inline-data resources of the packages being checked (given as a folder or as the descriptor). */
  inlineTables: InlinePlan[]
  /** Inline-data resources that foreign keys of `checked` files point at, not among inlineTables: read for their keys only. */
  referencedInline(checked: string[]): InlinePlan[]
  /** Local table files of the packages given as folders: checked whatever their extension. */
  packageTables: string[]
  /** Folders given as inputs that hold a data package with local tables (never "a folder with no tables"). */
  packageFolders: string[]
  /** Schema and dialect files packages refer to: descriptors, never checked as data. */
  descriptorFiles: string[]
  /** Files other tables' foreign keys refer to that are not among `checked`: read for their keys only. */
  referencedTables(checked: string[]): string[]
}

const TABLE_FORMATS = new Set(['csv', 'tsv', 'text/csv', 'text/tab-separated-values', 'tab', 'psv', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
const TABLE_EXTENSIONS = new Set(['.csv', '.tsv', '.tab', '.psv', '.txt', '.xlsx', ''])

function isTableResource(resource: PackageResource, file: string): boolean {
  const declared = [resource.format, resource.mediaType].filter((v): v is string => v !== undefined).map((v) => v.toLowerCase())
  if (declared.length > 0) return declared.some((v) => TABLE_FORMATS.has(v))
  return TABLE_EXTENSIONS.has(extname(file.replace(/\.gz$/i, '')).toLowerCase())
}

/**
 * A schema whose foreign keys to its own resource are settled the right way: within the file
 * (resource '') for a single file, even when named by the resource's own name as v1 allowed;
 * across every part (by name, at the end of the run) for a resource split over several files.
 */
function withSelfReferences(schema: TableSchema, name: string, multipart: boolean): TableSchema {
  const from = multipart ? '' : name
  const to = multipart ? name : ''
  if (!schema.foreignKeys.some((fk) => fk.reference.resource === from)) return schema
  return {...schema, foreignKeys: schema.foreignKeys.map((fk) => (fk.reference.resource === from ? {...fk, reference: {...fk.reference, resource: to}} : fk))}
}

export interface PlanInput {
  /** Metadata documents of the run; data packages among them give schemas. */
  documents: DatasetMetadata[]
  /** `--schema`: applies to every table, instead of any package schema. */
  schema?: {schema: TableSchema; source: string}
  /** The paths the user named: a folder holding a data package is checked as that package. */
  inputs?: string[]
  cwd?: string
  /** Schemas and dialects packages name by web address, fetched (`--online`); empty offline. */
  remote?: RemoteDescriptors
}

/** Reads the `--schema` file; throws MetadataError (with the line of a syntax error) when it cannot. */
export function readSchemaOption(file: string, cwd: string): {schema: TableSchema; source: string} {
  const path = resolve(cwd, file)
  return {schema: readTableSchemaFile(path), source: path}
}

function folderInputs(inputs: string[], cwd: string): Set<string> {
  const isFolder = (path: string) => {
    try {
      return statSync(path).isDirectory()
    } catch {
      // Not there, or a path through a file (spend.zip/spend.csv: ENOTDIR).
      return false
    }
  }
  return new Set(inputs.map((i) => resolve(cwd, i)).filter(isFolder))
}

export function planTables(input: PlanInput): TablePlan {
  const packages: PackageSpec[] = input.documents.filter((d) => d.source.format === 'datapackage').map((d) => loadPackage(d.source.path, input.remote ?? new Map()))
  const byFile = new Map<string, {spec: PackageSpec; resource: PackageResource; part: number}>()
  const packageTables: string[] = []
  const packageFolders: string[] = []
  const folders = folderInputs(input.inputs ?? [], input.cwd ?? process.cwd())
  for (const spec of packages) {
    for (const resource of spec.resources) {
      resource.files.forEach((file, part) => {
        if (!file.path || byFile.has(file.path) || !isTableResource(resource, file.path)) return
        byFile.set(file.path, {spec, resource, part})
        if (file.exists && folders.has(dirname(spec.file))) {
          packageTables.push(file.path)
          if (!packageFolders.includes(dirname(spec.file))) packageFolders.push(dirname(spec.file))
        }
      })
    }
  }
  const keysByPackage = new Map(packages.map((spec) => [spec.file, referencedKeys(spec.resources)]))
  const named = new Set((input.inputs ?? []).map((i) => resolve(input.cwd ?? process.cwd(), i)))

  const plannedFor = (found: {spec: PackageSpec; resource: PackageResource; part: number} | undefined): PlannedTable | undefined => {
    if (!found && !input.schema) return undefined
    const planned: PlannedTable = {}
    if (found) {
      const {spec, resource, part} = found
      const parts = Math.max(1, resource.files.length)
      const info: PackageResourceInfo = {package: spec.file, name: resource.name, index: resource.index, part, parts, referencedKeys: keysByPackage.get(spec.file)?.get(resource.index) ?? []}
      if (parts === 1) {
        // Size and hash are of a file; inline data has none, and a compressed one's are the archive's, not the table's odcheck reads.
        if (resource.bytes !== undefined && !resource.inline && !resource.compressed) info.bytes = resource.bytes
        if (resource.hash && !resource.inline && !resource.compressed) info.hash = resource.hash
        if (resource.rows !== undefined) info.rows = resource.rows
      }
      planned.packageResource = info
      if (resource.encoding) planned.encoding = resource.encoding
      if (resource.dialect?.delimiter) planned.delimiter = resource.dialect.delimiter
      if (resource.dialect?.quoteChar !== undefined) planned.quoteChar = resource.dialect.quoteChar
      if (resource.dialect?.escapeChar !== undefined) planned.escapeChar = resource.dialect.escapeChar
      if (resource.dialect?.sheet !== undefined) planned.sheet = resource.dialect.sheet
      // Only the first part of a multipart resource has the header row.
      if (part > 0) planned.header = false
      else if (resource.dialect?.header !== undefined) planned.header = resource.dialect.header
      if (resource.schema) {
        planned.schema = withSelfReferences(resource.schema, resource.name, parts > 1)
        planned.schemaSource = resource.schemaSource
      }
    }
    if (input.schema) {
      planned.schema = input.schema.schema
      planned.schemaSource = input.schema.source
    }
    return planned
  }
  const inline = (spec: PackageSpec, resource: PackageResource): InlinePlan => ({file: spec.file, resource, planned: plannedFor({spec, resource, part: 0})!})
  const inlineTables = packages
    .filter((spec) => folders.has(dirname(spec.file)) || named.has(spec.file))
    .flatMap((spec) => spec.resources.filter((r) => r.inline).map((r) => inline(spec, r)))
  // A folder whose package holds only inline data is not "a folder with no tables".
  for (const t of inlineTables) if (folders.has(dirname(t.file)) && !packageFolders.includes(dirname(t.file))) packageFolders.push(dirname(t.file))

  return {
    packageTables,
    packageFolders,
    inlineTables,
    descriptorFiles: packages.flatMap((spec) => spec.descriptorFiles),
    forTable: (path) => plannedFor(byFile.get(path)),
    referencedInline(checked) {
      const wanted: InlinePlan[] = []
      for (const path of checked) {
        const found = byFile.get(path)
        if (!found || input.schema) continue
        for (const fk of found.resource.schema?.foreignKeys ?? []) {
          const target = referencedResource(found.spec.resources, found.resource, fk.reference.resource)
          if (!target?.inline || inlineTables.some((t) => t.resource === target) || wanted.some((t) => t.resource === target)) continue
          wanted.push(inline(found.spec, target))
        }
      }
      return wanted
    },
    referencedTables(checked) {
      const have = new Set(checked)
      const wanted: string[] = []
      for (const path of have) {
        const found = byFile.get(path)
        if (!found || input.schema) continue
        for (const fk of found.resource.schema?.foreignKeys ?? []) {
          const target = referencedResource(found.spec.resources, found.resource, fk.reference.resource)
          if (!target) continue
          for (const file of target.files) if (file.path && file.exists && !have.has(file.path) && !wanted.includes(file.path)) wanted.push(file.path)
        }
      }
      return wanted
    },
  }
}
