/** Runs the active rules over every table of a dataset, one streaming pass per table. */
import {resolve} from 'node:path'
import {discover, formatOf, resourceName, type DiscoveredResource} from '../load/discover.js'
import {ArchiveReader} from '../load/archive.js'
import type {OpenOptions} from '../table/open.js'
import type {ResolvedConfig} from './config-types.js'
import {globMatcher, relativeTo} from './config/globs.js'
import {UsageError} from './errors.js'
import {validateRuleOptions} from './options.js'
import {readsRows} from './check.js'
import {ParallelRunner} from './parallel.js'
import {CheckRegistry} from './registry.js'
import {runTable, type TableResult, type TableRunOptions} from './run-table.js'
import {runDataset, type DatasetResult} from './run-dataset.js'
import {runWorkbook} from './run-workbook.js'
import {inlineResourceName, runInline} from './run-inline.js'
import {isJsonResource, runDocument} from './run-document.js'
import {isRdfResource, runRdf} from './run-rdf.js'
import {jsonSchemaOption, packageJsonSchema} from '../table/json-schema-ref.js'
import type {DatasetMetadata} from '../metadata/model.js'
import {loadMetadata} from '../metadata/load.js'
import type {MetadataLoad} from '../metadata/load-types.js'
import {planTables, readSchemaOption, type TablePlan} from '../metadata/package/plan.js'
import {MetadataError} from '../metadata/errors.js'
import {fetchRemoteDescriptors, type RemoteDescriptors} from '../metadata/package/remote.js'
import {prepareCsvw, UnreadableInputError, webInputs} from '../metadata/csvw/prepare.js'
import {selectRules, type RuleFilters, type RuleSetting} from './select.js'
import {HttpClient} from '../load/http/client.js'
import type {HttpSettings} from '../load/http/settings.js'
import {checkLinks} from '../metadata/links.js'
import {SourceError} from '../table/errors.js'
import {prepareRemoteInputs} from './remote.js'
import {TableRun} from './table-run.js'
import {skippedOffline, type SkippedRules} from './skipped.js'
import type {ActiveRule, RuleDefinition} from './types.js'
import {shownPath} from '../load/shown-paths.js'

export interface RunOptions extends OpenOptions, RuleFilters {
  inputs: string[]
  cwd: string
  config: ResolvedConfig
  /** `--rule id=severity` settings: applied after the config. */
  ruleSettings?: Record<string, RuleSetting>
  maxFindingsPerRule?: number
  /** Distinct statements of an RDF file remembered to tell repeats (MAX_DISTINCT_STATEMENTS); past it, counts may be approximate and the report says so. */
  maxDistinctStatements?: number
  /** Metadata documents describing the dataset (first is primary), loaded before the run. */
  metadata?: DatasetMetadata[]
  /** Metadata files named with --metadata; when absent (and `metadata` too) odcheck looks beside the data. */
  metadataFiles?: string[]
  /** `--schema`: a Table Schema file (JSON or YAML) every table is checked against. */
  schemaFile?: string
  /** `--sheet`: names or 1-based numbers of the workbook sheets to check (comma-separated allowed); every sheet when absent. */
  sheets?: string[]
  /** `--online`: URLs given as inputs are fetched, with the CSVW metadata they link to. */
  online?: boolean
  /** Hosts on loopback or private networks may be fetched (tests, intranets). */
  allowPrivateNetwork?: boolean
  /** With `online`: timeouts, retries, limits and the link cache (defaults in src/load/http/settings.ts; no cache unless a folder is given). */
  network?: Partial<HttpSettings>
  /** `--ckan BASE_URL`: the inputs are dataset names on this CKAN portal (with `online`). */
  ckan?: string
  /** Parallel chunking of large tables; in-process when absent. */
  runChunks?: TableRunOptions['runChunks']
  /** Worker threads for large tables (`--jobs`); 1 or absent checks every table in-process. */
  jobs?: number
  /** Chunk size and smallest table for the parallel path (tests make them tiny). */
  parallel?: {chunkBytes?: number; minBytes?: number}
  /** Told as each resource is started and, for delimited tables, as its bytes are checked: a terminal can show how far the run is. */
  onProgress?: (progress: RunProgress) => void
}

export interface RunProgress {
  /** The resource being checked, as the report names it. */
  resource: string
  /** Its place among the resources of the run (from 1), and how many there are. */
  index: number
  count: number
  /** Bytes of it read and checked so far, of `size` (delimited tables and RDF); both 0 for JSON and workbooks, read whole. */
  bytes: number
  size: number
  /** An archive (.zip, .gz, tar) being decompressed before its files are checked: `index` and `count` are 0, `bytes` of `size` say how far. */
  decompressing?: true
}

export interface RunResult {
  tables: TableResult[]
  /** Rules active on at least one resource. */
  rules: RuleDefinition[]
  resources: DiscoveredResource[]
  /** Findings of dataset-level rules (metadata, licence, ...). */
  dataset?: DatasetResult
  /** The metadata documents the dataset rules saw, primary first. */
  metadata?: DatasetMetadata[]
  /** How the metadata was found and read, when odcheck looked for it. */
  metadataLoad?: MetadataLoad
  /** Rules left out for a reason the report states (offline: the link rules, when the metadata has web links). */
  skipped?: SkippedRules[]
}

export const DEFAULT_MAX_FINDINGS = 100

/** Rules that ask the web (tagged #online): not run, and not reported, unless the run is online. */
export const ONLINE_TAG = '#online'

export function rulesForResource(config: ResolvedConfig, resource: DiscoveredResource, options: Pick<RunOptions, 'only' | 'skip' | 'ruleSettings' | 'online'>): ActiveRule[] {
  // A file of an unpacked archive by its path through the archive, as config globs name it.
  const path = relativeTo(config.baseDir, shownPath(resource.path))
  const layers = [config.rules]
  for (const override of config.overrides) {
    if (globMatcher(override.files)(path)) layers.push(override.rules)
  }
  if (options.ruleSettings) layers.push(options.ruleSettings)
  const rules = selectRules(config.catalog, layers, options)
  if (options.online) return rules
  const online = new Set(config.catalog.filter((r) => r.tags.includes(ONLINE_TAG)).map((r) => r.id))
  return rules.filter((r) => !online.has(r.id))
}

/**
 * Drops tables the config's `ignore` globs match (relative to its folder), except files named on
 * the command line. A file reached by several paths (symbolic links) is kept under the first path
 * the globs leave, so that a link into an ignored folder still has it checked.
 */
function withoutIgnored(resources: DiscoveredResource[], aliases: Map<string, string[]>, config: ResolvedConfig, options: Pick<RunOptions, 'inputs' | 'cwd'>): DiscoveredResource[] {
  if (config.ignore.length === 0) return resources
  const ignored = globMatcher(config.ignore)
  const named = new Set(options.inputs.map((input) => resolve(options.cwd, input)))
  const kept = (path: string) => named.has(path) || !ignored(relativeTo(config.baseDir, shownPath(path)))
  return resources.flatMap((r) => {
    const path = [r.path, ...(aliases.get(r.path) ?? [])].find(kept)
    if (path === undefined) return []
    return path === r.path ? [r] : [{...r, path, name: resourceName(path, options.cwd), format: formatOf(path)}]
  })
}

/** Rules about the dataset as a whole (metadata, licence) do not run on each table, nor appear in its results. */
function hasTableHooks(registry: CheckRegistry, rule: ActiveRule): boolean {
  const hooks = registry.get(rule.check)?.create(rule.options)
  return hooks !== undefined && readsRows(hooks)
}

/** What each table is checked against (--schema, data package resources); a --schema that cannot be read is a usage error. */
function tablePlan(options: RunOptions, documents: DatasetMetadata[], remote: RemoteDescriptors): TablePlan {
  let schema
  try {
    schema = options.schemaFile === undefined ? undefined : readSchemaOption(options.schemaFile, options.cwd)
  } catch (error) {
    if (!(error instanceof MetadataError)) throw error
    throw new UsageError(`--schema ${options.schemaFile}: ${error.message}`, [error.hint])
  }
  return planTables({documents, schema, inputs: options.inputs, cwd: options.cwd, remote})
}

/** Foreign keys in other tables point at keys of these tables, which are read for those keys only. */
const KEY_CHECK = 'foreign-key'

export async function run(options: RunOptions): Promise<RunResult> {
  const {config} = options
  const known = new Set(config.catalog.map((r) => r.id))
  for (const id of Object.keys(options.ruleSettings ?? {})) {
    if (!known.has(id)) throw new UsageError(`Unknown rule "${id}" in --rule.`, ['List the rules with: odcheck rules'])
  }
  for (const selector of [...(options.only ?? []), ...(options.skip ?? [])]) {
    const matches = selector.startsWith('#') ? config.catalog.some((r) => r.tags.includes(selector)) : known.has(selector)
    if (!matches) throw new UsageError(`"${selector}" in --only/--skip names no rule or tag.`, ['List the rules and their tags with: odcheck rules'])
  }
  const onlyOnline = (options.only ?? []).length > 0 && config.catalog.filter((r) => options.only!.some((s) => s === r.id || r.tags.includes(s))).every((r) => r.tags.includes(ONLINE_TAG))
  if (onlyOnline && !options.online) throw new UsageError(`--only ${options.only!.join(' ')} selects rules that ask the web, which run only with --online.`, ['Add --online.'])
  const client = options.online ? new HttpClient({...options.network, allowPrivateNetwork: options.allowPrivateNetwork ?? false}) : undefined
  const remote = await prepareRemoteInputs(options, client)
  // Tables inside .zip, .gz and tar files are decompressed into a temporary folder and checked from there;
  // a data package (or other described dataset) published as one archive is first unpacked whole, to be checked as its folder.
  const archives = new ArchiveReader()
  options = {...options, inputs: await archives.unpackDescribed(remote.inputs, options.cwd)}
  const registry = await CheckRegistry.load(config.checkModules)
  const parallel = !options.runChunks && (options.jobs ?? 1) > 1 ? new ParallelRunner({jobs: options.jobs!, moduleUrls: registry.moduleUrls, ...options.parallel}) : undefined
  // A table large enough for workers is coming: their code loads while the metadata is read.
  parallel?.prestartFor(options.inputs.map((input) => resolve(options.cwd, input)))
  // Metadata first: a metadata file given as an input names tables to check as well.
  const metadataLoad = remote.metadataLoad ?? (options.metadata === undefined ? await loadMetadata({inputs: options.inputs, cwd: options.cwd, metadataFiles: options.metadataFiles}) : undefined)
  // --schema is a Table Schema for tables or a JSON Schema for JSON data: the file says which.
  const jsonSchema = jsonSchemaOption(options.schemaFile, options.cwd)
  const documents = options.metadata ?? metadataLoad?.documents ?? []
  // Schemas a data package names by web address are fetched first, online; offline each is a schema-error saying so.
  const packages = documents.filter((d) => d.source.format === 'datapackage').map((d) => d.source.path)
  const remoteSchemas = client ? await fetchRemoteDescriptors(packages, client) : new Map()
  const plan = tablePlan(jsonSchema ? {...options, schemaFile: undefined} : options, documents, remoteSchemas)
  const urls = webInputs(options.inputs)
  if (urls.length > 0 && !options.online) throw new UsageError(`${urls[0]} is a web address, and odcheck works offline.`, ['Add --online to fetch it, or download the file and check the copy.'])
  const discovered = await discover([...options.inputs.filter((i) => !urls.includes(i)), ...(metadataLoad?.tables ?? []), ...plan.packageTables], options.cwd)
  const problems = discovered.problems.filter((p) => !plan.packageFolders.includes(resolve(options.cwd, p.input)))
  if (problems.length > 0) throw new UsageError(problems.map((p) => p.message).join('\n'))
  const resources = withoutIgnored(discovered.resources.filter((r) => !plan.descriptorFiles.includes(r.path)), discovered.aliases, config, options)
  if (resources.length === 0 && discovered.resources.length > 0) {
    throw new UsageError(`Every table found matches the config's ignore globs (${config.ignore.join(', ')}).`, ['Name a file to check it anyway, or change "ignore" in the config.'])
  }
  for (const resource of resources) Object.assign(resource, archives.storedAs(resource.path))
  const decompressing = options.onProgress && ((archive: DiscoveredResource, bytes: number, size: number) => options.onProgress!({resource: archive.name, index: 0, count: 0, bytes, size, decompressing: true}))
  const expanded = await archives.expand(resources, new Set(options.inputs.map((input) => resolve(options.cwd, input))), decompressing)
  // The ignore globs apply to files inside a zip too, by their path through it (spend.zip/lookups/wards.csv).
  resources.splice(0, resources.length, ...withoutIgnored(expanded, new Map(), config, options))
  if (jsonSchema && !resources.some(isJsonResource)) {
    throw new UsageError(`--schema ${options.schemaFile} is a JSON Schema, which describes JSON data, but no JSON or GeoJSON file is being checked.`, ['For CSV tables, give a Frictionless Table Schema (with a "fields" list) instead.'])
  }
  if (options.schemaFile !== undefined && !jsonSchema && resources.length > 0 && resources.every(isJsonResource)) {
    throw new UsageError(`--schema ${options.schemaFile} is a Table Schema, which describes tables, but only JSON data is being checked.`, ['For JSON or GeoJSON data, give a JSON Schema instead.'])
  }
  // CSV on the Web: the metadata describing each table drives how it is read and what it is checked against.
  const csvw = metadataLoad
    ? await prepareCsvw({...options, resources, http: client}).catch(async (error: unknown) => {
        await archives.close()
        throw error instanceof UnreadableInputError ? new UsageError(error.message, ['Check the address, or download the file and check the copy.']) : error
      })
    : undefined
  if (csvw && metadataLoad) {
    metadataLoad.csvw = csvw.load
    // A table the metadata names may have been published zipped beside it (src/metadata/csvw/load.ts).
    resources.push(...(await archives.expand(csvw.extra, new Set(), decompressing)))
  }
  // A CKAN dataset's zip resources are listed by its record: one with no data in it is reported.
  resources.push(...(await archives.expand(remote.resources, new Set(remote.resources.map((r) => r.path)), decompressing)))
  if (options.sheets?.length && !resources.some((r) => r.format === 'xlsx')) {
    await csvw?.close()
    await remote.close()
    await archives.close()
    throw new UsageError('--sheet chooses sheets of .xlsx workbooks, and no workbook is being checked.', ['Leave out --sheet, or give the .xlsx file as a path.'])
  }
  const metadata = options.metadata ?? metadataLoad?.documents ?? []
  const datasetResource: DiscoveredResource = metadata[0]
    ? {path: metadata[0].source.path, name: resourceName(metadata[0].source.path, options.cwd), format: metadata[0].source.format}
    : {path: options.cwd, name: options.inputs.length === 1 ? options.inputs[0] : '.', format: 'dataset'}
  const datasetRules = validateRuleOptions(rulesForResource(config, datasetResource, options), registry).filter((r) => registry.get(r.check)?.create(r.options).dataset)
  // The metadata's links are asked for while the tables are checked; the dataset rules read the answers.
  const linksAsked = client && datasetRules.some((r) => config.catalog.find((c) => c.id === r.id)?.tags.includes(ONLINE_TAG)) ? checkLinks(metadata, client) : undefined

  const tables: TableResult[] = []
  const used = new Set<string>()
  const runChunks = options.runChunks ?? parallel?.runChunks
  const maxFindingsPerRule = options.maxFindingsPerRule ?? config.maxFindingsPerRule ?? DEFAULT_MAX_FINDINGS
  const checkResource = async (resource: DiscoveredResource, index: number): Promise<TableResult[]> => {
    const progress = (bytes: number, size: number) => options.onProgress?.({resource: resource.name, index: index + 1, count: resources.length, bytes, size})
    progress(0, 0)
    const file = resource.file ?? resource.path
    if (resource.unreadable !== undefined) {
      const rules = validateRuleOptions(rulesForResource(config, resource, options), registry).filter((r) => hasTableHooks(registry, r))
      rules.forEach((r) => used.add(r.id))
      return [new TableRun(resource.name, resource.path, rules, registry, maxFindingsPerRule).sourceError(new SourceError(resource.unreadableReason ?? 'missing', resource.unreadable))]
    }
    if (isRdfResource(resource)) {
      const result = await runRdf(file, resource.name, resource.format, validateRuleOptions(rulesForResource(config, resource, options), registry), registry, maxFindingsPerRule, {maxDistinct: options.maxDistinctStatements, onProgress: options.onProgress && progress})
      result.outcomes.forEach((o) => used.add(o.rule))
      return [result]
    }
    if (isJsonResource(resource)) {
      const result = await runDocument(file, resource.name, validateRuleOptions(rulesForResource(config, resource, options), registry), registry, {
        maxFindingsPerRule,
        schema: jsonSchema ?? packageJsonSchema(resource.path, options.metadata ?? metadataLoad?.documents ?? [], options.cwd),
      })
      result.outcomes.forEach((o) => used.add(o.rule))
      return [result]
    }
    const rules = validateRuleOptions(rulesForResource(config, resource, options), registry).filter((r) => hasTableHooks(registry, r))
    rules.forEach((r) => used.add(r.id))
    if (resource.format === 'xlsx') return runWorkbook(file, resource.name, rules, registry, {maxFindingsPerRule, header: options.header, plan: plan.forTable(resource.path), sheets: options.sheets})
    const planned = plan.forTable(resource.path)
    const result = await runTable(file, resource.name, rules, registry, {
      ...planned,
      encoding: options.encoding ?? planned?.encoding,
      delimiter: options.delimiter ?? planned?.delimiter,
      header: options.header ?? planned?.header,
      csvw: csvw?.load.byPath[resource.path],
      maxFindingsPerRule,
      runChunks,
      onProgress: options.onProgress && progress,
    })
    return [result]
  }
  for (const [index, resource] of resources.entries()) {
    const results = await checkResource(resource, index)
    // A file decompressed from an archive was read from its temporary copy, and is known by the archive's path.
    if (resource.compression) for (const result of results) Object.assign(result, {path: resource.path, compression: resource.compression}, resource.innerpath && {innerpath: resource.innerpath})
    tables.push(...results)
  }
  // Data package resources written in the descriptor (`data`) are tables too.
  for (const inline of plan.inlineTables) {
    const resource = {path: inline.file, name: inlineResourceName(inline, resourceName(inline.file, options.cwd)), format: 'inline'}
    const rules = validateRuleOptions(rulesForResource(config, resource, options), registry).filter((r) => hasTableHooks(registry, r))
    rules.forEach((r) => used.add(r.id))
    tables.push(runInline(inline, resource.name, rules, registry, maxFindingsPerRule))
  }
  const keyTables: TableResult[] = []
  for (const inline of plan.referencedInline(resources.map((r) => r.path))) {
    const resource = {path: inline.file, name: inlineResourceName(inline, resourceName(inline.file, options.cwd)), format: 'inline'}
    const rules = validateRuleOptions(rulesForResource(config, resource, options), registry).filter((r) => r.check === KEY_CHECK)
    if (rules.length > 0) keyTables.push(runInline(inline, resource.name, rules, registry, maxFindingsPerRule))
  }
  for (const path of plan.referencedTables(resources.map((r) => r.path))) {
    const resource = {path, name: resourceName(path, options.cwd), format: 'csv'}
    const rules = validateRuleOptions(rulesForResource(config, resource, options), registry).filter((r) => r.check === KEY_CHECK)
    if (rules.length === 0) continue
    if (/\.xlsx$/i.test(path)) keyTables.push(...(await runWorkbook(path, resource.name, rules, registry, {maxFindingsPerRule, plan: plan.forTable(path)})))
    else keyTables.push(await runTable(path, resource.name, rules, registry, {...plan.forTable(path), maxFindingsPerRule, runChunks}))
  }
  for (const {name, path, message} of remote.unreadable) {
    const rules = validateRuleOptions(rulesForResource(config, {path, name, format: 'csv'}, options), registry).filter((r) => hasTableHooks(registry, r))
    tables.push(new TableRun(name, path, rules, registry, maxFindingsPerRule).sourceError(new SourceError('unreadable', message)))
  }
  // Idle workers never keep the process alive, so an error above needs no cleanup.
  await parallel?.close()
  await csvw?.close()
  await remote.close()
  await archives.close()
  if (metadataLoad && archives.metadataInside.length > 0) Object.assign(metadataLoad, {inArchives: archives.metadataInside, describedAlone: archives.describedAlone})
  const links = await linksAsked
  let dataset: DatasetResult | undefined
  if (datasetRules.length > 0) {
    datasetRules.forEach((r) => used.add(r.id))
    dataset = runDataset(datasetResource.name, metadata, [...tables, ...keyTables], datasetRules, registry, maxFindingsPerRule, metadataLoad, links)
  }
  const offline = options.online ? undefined : skippedOffline(rulesForResource(config, datasetResource, {...options, online: true}), config.catalog, metadata, ONLINE_TAG)
  return {tables, rules: config.catalog.filter((r) => used.has(r.id)), resources, dataset, metadata, metadataLoad, ...(offline ? {skipped: [offline]} : {})}
}
