/**
 * Reads a data package descriptor for checking: validated against the Data Package profile,
 * each resource's files resolved without leaving the package's folder, its schema and dialect
 * read (inline or from a relative path), its encoding, bytes, hash and row count taken, and
 * foreign keys between resources resolved. Synchronous and cached, so the engine (before the
 * run) and the dataset rules (after it) see the same thing without reading it twice.
 */
import {statSync} from 'node:fs'
import {dirname} from 'node:path'
import iconv from 'iconv-lite'
import {MetadataError} from '../errors.js'
import {resolveLocal} from '../load.js'
import {normaliseTableSchema} from '../table-schema/normalise.js'
import {childPath, jsonPath, profileErrors} from '../table-schema/profile.js'
import {readDescriptorFile} from '../table-schema/read.js'
import type {DescriptorProblem, DescriptorRule, TableSchema} from '../table-schema/types.js'
import {readDialect} from './dialect.js'
import {checkForeignKeys} from './foreign-keys.js'
import type {RemoteDescriptors} from './remote.js'
import type {DeclaredHash, PackageResource, PackageSpec, ResourceDialect} from './types.js'
import {compressionOf, HOLDS_FILES} from '../../load/archive-kind.js'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const isUrl = (v: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v)

const HASH_LENGTHS: Record<string, number> = {md5: 32, sha1: 40, sha256: 64, sha512: 128}

class PackageReader {
  readonly problems: DescriptorProblem[] = []
  readonly descriptorFiles: string[] = []
  readonly folder: string
  private readonly schemas = new Map<string, {schema?: TableSchema; source?: string; problem?: DescriptorProblem; note?: string; users: string[]}>()

  constructor(
    readonly file: string,
    readonly v2: boolean,
    private readonly remote?: RemoteDescriptors,
  ) {
    this.folder = dirname(file)
  }

  problem(rule: DescriptorRule, path: string, reason: string, note: string, file = this.file): void {
    this.problems.push({rule, path, reason, note, file})
  }

  /** A descriptor (schema, dialect) given as a path relative to the package: read it, or say why not. */
  private referenced(declared: string, at: string, what: string, rule: DescriptorRule): {value?: unknown; file?: string} {
    if (isUrl(declared)) {
      const fetched = this.remote?.get(declared)
      if (fetched?.value !== undefined) return {value: fetched.value, file: declared}
      if (fetched?.error !== undefined) this.problem(rule, at, 'remote-unreadable', `the ${what} at ${declared} cannot be used: ${fetched.error}, so the data is not checked against it`)
      else this.problem(rule, at, 'remote', `the ${what} ${declared} is on the web and was not fetched, so the data is not checked against it: use --online to fetch it`)
      return {}
    }
    const local = resolveLocal(declared, this.folder)
    if (local.outside || !local.path) {
      this.problem(rule, at, 'path-outside', `the ${what} path "${declared}" leads outside the package's folder, so odcheck does not read it`)
      return {}
    }
    if (!local.exists) {
      this.problem(rule, at, 'missing-file', `the ${what} file "${declared}" does not exist (paths are relative to the folder of ${this.file.split(/[\\/]/).pop()})`)
      return {}
    }
    if (!this.descriptorFiles.includes(local.path)) this.descriptorFiles.push(local.path)
    try {
      return {value: readDescriptorFile(local.path), file: local.path}
    } catch (error) {
      const note = error instanceof MetadataError ? error.message : String(error)
      this.problem(rule, at, 'unreadable', `the ${what} file "${declared}" cannot be read: ${note}`)
      return {}
    }
  }

  schema(raw: unknown, at: string): {schema?: TableSchema; source?: string} {
    if (typeof raw === 'string') {
      // Several resources often share one schema file: read it once, report its problems once.
      let entry = this.schemas.get(raw)
      if (!entry) {
        const before = this.problems.length
        const {value, file} = this.referenced(raw, at, 'schema', 'schema-error')
        if (value === undefined || !file) entry = {problem: this.problems[before], note: this.problems[before]?.note, users: [at]}
        else {
          const schema = normaliseTableSchema(value, {file, path: '$', v2: this.v2 || undefined})
          this.problems.push(...schema.problems)
          entry = {schema, source: file, users: [at]}
        }
        this.schemas.set(raw, entry)
      } else if (entry.problem) {
        // One file missing is one problem, however many resources name it.
        entry.users.push(at)
        entry.problem.note = `${entry.note}; ${entry.users.length} resources name it (${entry.users.map((u) => u.replace(/^\$\./, '').replace(/\.schema$/, '')).join(', ')})`
      }
      return entry.schema ? {schema: entry.schema, source: entry.source} : {}
    }
    if (!isObject(raw)) return {}
    const schema = normaliseTableSchema(raw, {file: this.file, path: at, v2: this.v2 || undefined})
    this.problems.push(...schema.problems)
    return {schema, source: `${this.file}#${at}`}
  }

  dialect(raw: unknown, at: string): ResourceDialect | undefined {
    let value = raw
    let file = this.file
    let base = at
    if (typeof raw === 'string') {
      const read = this.referenced(raw, at, 'dialect', 'resource-error')
      if (read.value === undefined || !read.file) return undefined
      ;[value, file, base] = [read.value, read.file, '$']
    }
    if (!isObject(value)) return undefined
    for (const e of profileErrors('table-dialect', value)) this.problem('resource-error', jsonPath(base, e.pointer), e.reason, `dialect: ${e.note}`, file)
    const {dialect, notApplied} = readDialect(value)
    for (const n of notApplied) this.problem('dialect-not-applied', childPath(base, n.property), n.reason, n.note, file)
    return dialect
  }

  hash(raw: unknown, at: string): DeclaredHash | undefined {
    if (typeof raw !== 'string') return undefined
    const match = /^(?:([a-z0-9-]+):)?([0-9a-f]+)$/i.exec(raw.trim())
    if (!match) return undefined
    const algorithm = (match[1] ?? 'md5').toLowerCase().replace('-', '')
    if (!HASH_LENGTHS[algorithm]) {
      this.problem('resource-error', at, 'hash-algorithm', `the hash algorithm "${match[1]}" is not one of md5, sha1, sha256, sha512, so the hash is not checked`)
      return undefined
    }
    if (match[2].length !== HASH_LENGTHS[algorithm]) {
      this.problem('resource-error', at, 'hash-length', `a ${algorithm} hash has ${HASH_LENGTHS[algorithm]} hex digits, this one ${match[2].length}, so it is not checked`)
      return undefined
    }
    return {algorithm, value: match[2].toLowerCase()}
  }

  resource(raw: unknown, index: number): PackageResource | undefined {
    if (!isObject(raw)) return undefined
    const at = childPath('$.resources', index)
    const resource: PackageResource = {index, name: typeof raw.name === 'string' ? raw.name : `resource ${index + 1}`, path: at, files: [], urls: [], inline: raw.data !== undefined && raw.path === undefined}
    if (resource.inline) resource.data = raw.data
    const declaredPaths = typeof raw.path === 'string' ? [raw.path] : Array.isArray(raw.path) ? raw.path.filter((p): p is string => typeof p === 'string') : []
    // Frictionless' innerpath names the file inside a zip (or a tar archive, for odcheck): odcheck names it through the archive (data.zip/data.csv), as its reports do.
    const innerpath = typeof raw.innerpath === 'string' && raw.innerpath !== '' ? raw.innerpath.replace(/^\/+/, '') : undefined
    const paths = declaredPaths.map((p) => (innerpath && HOLDS_FILES.test(p) ? `${p}/${innerpath}` : p))
    if (declaredPaths.some((p) => compressionOf(p)) || typeof raw.compression === 'string') resource.compressed = true
    paths.forEach((declared, part) => {
      if (isUrl(declared)) {
        resource.urls.push(declared)
        return
      }
      const local = resolveLocal(declared, this.folder)
      // The first file is what the metadata rules see (metadata-mismatch reports it missing); later parts are ours.
      if (local.outside) this.problem('resource-error', Array.isArray(raw.path) ? childPath(childPath(at, 'path'), part) : childPath(at, 'path'), 'path-outside', `"${declared}" leads outside the package's folder (paths must be relative, without "..")`)
      else if (!local.exists && part > 0) this.problem('resource-error', childPath(childPath(at, 'path'), part), 'missing-file', `part ${part + 1} of the resource, "${declared}", does not exist`)
      resource.files.push({declared, ...local})
    })
    if (typeof raw.format === 'string') resource.format = raw.format
    const mediaType = raw.mediatype ?? raw.mediaType
    if (typeof mediaType === 'string') resource.mediaType = mediaType
    if (raw.schema !== undefined) Object.assign(resource, this.schemaFields(raw.schema, childPath(at, 'schema')))
    if (raw.dialect !== undefined) resource.dialect = this.dialect(raw.dialect, childPath(at, 'dialect'))
    if (resource.schema && resource.dialect?.caseSensitiveHeader === false) resource.schema = {...resource.schema, caseSensitiveHeader: false}
    if (resource.schema && resource.dialect?.nullSequence !== undefined) resource.schema = withNullSequence(resource.schema, resource.dialect.nullSequence)
    if (typeof raw.encoding === 'string') {
      if (iconv.encodingExists(raw.encoding.trim().toLowerCase())) resource.encoding = raw.encoding.trim()
      else this.problem('resource-error', childPath(at, 'encoding'), 'encoding', `"${raw.encoding}" is not an encoding odcheck knows (use a name such as utf-8 or windows-1252), so the encoding is detected instead`)
    }
    if (typeof raw.bytes === 'number' && Number.isInteger(raw.bytes) && raw.bytes >= 0) resource.bytes = raw.bytes
    if (raw.hash !== undefined) resource.hash = this.hash(raw.hash, childPath(at, 'hash'))
    const stats = isObject(raw.stats) ? raw.stats : {}
    const rows = [stats.rows, raw.count_of_rows].find((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0)
    if (rows !== undefined) resource.rows = rows as number
    if (isObject(stats) && resource.hash === undefined) {
      for (const algorithm of ['sha256', 'md5']) if (typeof stats[algorithm] === 'string') resource.hash ??= this.hash(`${algorithm}:${stats[algorithm] as string}`, childPath(childPath(at, 'stats'), algorithm))
    }
    if (resource.bytes === undefined && typeof stats.bytes === 'number') resource.bytes = stats.bytes
    return resource
  }

  private schemaFields(raw: unknown, at: string): Pick<PackageResource, 'schema' | 'schemaSource'> {
    const {schema, source} = this.schema(raw, at)
    return schema ? {schema, schemaSource: source} : {}
  }
}

/** The dialect's nullSequence is one more value that stands for "no value" in every field (a copy: schemas are shared). */
function withNullSequence(schema: TableSchema, nullSequence: string): TableSchema {
  const add = (values: string[]) => (values.includes(nullSequence) ? values : [...values, nullSequence])
  return {...schema, missingValues: add(schema.missingValues), fields: schema.fields.map((f) => ({...f, missingValues: add(f.missingValues)}))}
}

function isV2(descriptor: Json): boolean {
  return typeof descriptor.$schema === 'string' && /datapackage\.org\/profiles\/2/.test(descriptor.$schema)
}

export function readPackage(file: string, remote?: RemoteDescriptors): PackageSpec {
  let descriptor: unknown
  try {
    descriptor = readDescriptorFile(file)
  } catch (error) {
    return {file, folder: dirname(file), v2: false, resources: [], problems: [], descriptorFiles: [], unreadable: error instanceof Error ? error.message : String(error)}
  }
  if (!isObject(descriptor)) return {file, folder: dirname(file), v2: false, resources: [], problems: [], descriptorFiles: [], unreadable: 'A data package must be a JSON object.'}
  const reader = new PackageReader(file, isV2(descriptor), remote)
  for (const e of profileErrors('data-package', descriptor)) {
    // v2 recommends names of lower-case letters, digits and .-_ rather than requiring them.
    if (reader.v2 && e.reason === 'pattern' && /\/name$/.test(e.pointer)) continue
    const inResource = /^\/resources\/\d+/.exec(e.pointer)
    const rule = !inResource ? 'package-error' : /^\/resources\/\d+\/schema(\/|$)/.test(e.pointer) ? 'schema-error' : 'resource-error'
    reader.problem(rule, jsonPath('$', e.pointer), e.reason, e.note)
  }
  const raw = Array.isArray(descriptor.resources) ? descriptor.resources : []
  const resources = raw.map((r, i) => reader.resource(r, i)).filter((r): r is PackageResource => r !== undefined)
  const names = new Map<string, number>()
  for (const r of resources) {
    const first = names.get(r.name)
    if (first !== undefined) reader.problem('resource-error', childPath(r.path, 'name'), 'duplicate-name', `resources[${first}] has the same name "${r.name}": names must be unique in a package`)
    else names.set(r.name, r.index)
  }
  reader.problems.push(...checkForeignKeys(resources, file))
  return {file, folder: reader.folder, v2: reader.v2, resources, problems: reader.problems, descriptorFiles: reader.descriptorFiles}
}

const cache = new Map<string, {mtime: number; spec: PackageSpec; remote?: RemoteDescriptors}>()

/**
 * readPackage, remembered while the descriptor file is unchanged. The run's plan gives the
 * schemas fetched from the web (an empty map offline); later readers of the same run, which
 * give none, get the package as the plan read it.
 */
export function loadPackage(file: string, remote?: RemoteDescriptors): PackageSpec {
  const mtime = statSync(file, {throwIfNoEntry: false})?.mtimeMs ?? -1
  const cached = cache.get(file)
  if (cached && cached.mtime === mtime && (remote === undefined || cached.remote === remote)) return cached.spec
  const spec = readPackage(file, remote)
  cache.set(file, {mtime, spec, remote})
  return spec
}
