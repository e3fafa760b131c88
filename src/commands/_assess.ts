/**
 * What `certificate`, `stars` and check's --answers/--min-level/--min-stars share: one run of
 * the checks (as `check` does it), the report, and the assessments attached to it.
 */
import {join, resolve} from 'node:path'
import {stat} from 'node:fs/promises'
import {Flags} from '@oclif/core'
import {ANSWERS_FILE_NAME, assessCertificate, LEVELS, levelRank, parseLevel, readAnswersFile, type LevelId} from '../assess/certificate/index.js'
import type {AssessInput, CertificateSection, StarsSection} from '../assess/index.js'
import {computeStars, linkedDataFiles, readLinkedData, type ProfiledRdf, type StarCount} from '../assess/stars/index.js'
import type {RdfUriFacts} from '../checks/rdf/uri-profile.js'
import {configSearchFolder, loadConfig, searchFolderOf} from '../engine/config.js'
import type {ResolvedConfig} from '../engine/config-types.js'
import {UsageError} from '../engine/errors.js'
import {run, type RunResult} from '../engine/run.js'
import type {RuleSetting} from '../engine/select.js'
import type {RuleDefinition} from '../engine/types.js'
import {resourceName} from '../load/discover.js'
import {isRdfFormat} from '../load/rdf-kind.js'
import {describedDatasets} from '../metadata/merge.js'
import type {DatasetMetadata} from '../metadata/model.js'
import {buildReport} from '../report/build.js'
import type {JsonReport} from '../report/types.js'
import {builtInChecksUrl} from '../engine/built-in-checks.js'
import {parseRuleFlags} from './check.js'
import {networkChoice, networkFlags, type NetworkFlagValues} from './_network.js'
import {delimiterFlag} from './_delimiter.js'
import {encodingFlag} from './_encoding.js'
import {terminalProgress} from './_progress.js'
import {defaultJobs} from '../engine/parallel.js'

/** Rules whose findings are the assessments' evidence; off by default, turned on for assessments. */
const EVIDENCE_RULES = ['uri-column', 'rdf-uri-profile']

export const assessmentFlags = {
  answers: Flags.string({description: `answers to the ODI certificate questions (default: ${ANSWERS_FILE_NAME} beside the data)`}),
  'min-level': Flags.string({description: `fail (exit 1) below this certificate level: ${LEVELS.slice(1).join(', ')} or bronze, silver, gold, platinum`}),
  'min-stars': Flags.integer({min: 0, max: 5, description: 'fail (exit 1) below this many stars of open data (0-5)'}),
}

export const datasetRunFlags = {
  config: Flags.string({char: 'c', description: 'config file to use instead of searching for .odcheck.yaml'}),
  metadata: Flags.string({multiple: true, multipleNonGreedy: true, description: 'metadata file describing the data instead of looking beside it'}),
  rule: Flags.string({multiple: true, multipleNonGreedy: true, description: "set a rule's severity: ID=off|info|warning|error"}),
  encoding: Flags.string({description: 'read tables in this encoding instead of detecting it'}),
  delimiter: Flags.string({description: 'use this delimiter instead of sniffing it (use "\\t" for tab)'}),
  header: Flags.boolean({allowNo: true, description: 'whether tables have a header row'}),
  sheet: Flags.string({multiple: true, multipleNonGreedy: true, description: 'check only these sheets of each .xlsx workbook, by name or by number counting tabs from 1, comma-separated (default: every sheet)'}),
  ...networkFlags,
}

/** With the network flags (--online, --timeout, …) as `check` takes them. */
export interface DatasetRunOptions extends NetworkFlagValues {
  paths: string[]
  cwd: string
  version: string
  config?: string
  metadata?: string[]
  rule?: string[]
  encoding?: string
  delimiter?: string
  header?: boolean
  /** `--sheet`: the workbook sheets to check (names or 1-based numbers). */
  sheet?: string[]
}

/** Rules whose facts the HTML report shows (the column profiles); off by default, turned on for `--format html`. */
const HTML_RULES = ['column-profile']

/** Turns on the rules the assessments read (where the catalog has them), and those the HTML report needs, under the user's own --rule settings. */
export function assessmentRuleSettings(catalog: RuleDefinition[], formats: Array<{name: string}> = []): Record<string, RuleSetting> {
  const wanted = [...EVIDENCE_RULES, ...(formats.some((f) => f.name === 'html') ? HTML_RULES : [])]
  return Object.fromEntries(catalog.filter((r) => wanted.includes(r.id) && r.severity === 'off').map((r) => [r.id, {severity: 'info' as const}]))
}

/** The config of a run over `paths`: the file given with --config, else the one the paths' folder finds (one for all of them). */
export async function loadRunConfig(cwd: string, paths: string[], configFile: string | undefined): Promise<ResolvedConfig> {
  return loadConfig({cwd, searchFrom: configFile ? cwd : await configSearchFolder(cwd, paths), configFile, builtInChecks: builtInChecksUrl})
}

/** Every --metadata must name a file, refused as a usage error before the run. */
export async function assertMetadataFiles(files: string[] | undefined, cwd: string): Promise<void> {
  for (const file of files ?? []) {
    if (!(await stat(resolve(cwd, file)).then((s) => s.isFile(), () => false))) throw new UsageError(`--metadata ${file} is not a file.`, ['Check the path of the metadata file.'])
  }
}

/** Runs the checks exactly as `check` does (config, rules, metadata) and builds the report. */
export async function runChecks(options: DatasetRunOptions): Promise<{result: RunResult; report: JsonReport}> {
  const {cwd, paths} = options
  const config = await loadRunConfig(cwd, paths, options.config)
  await assertMetadataFiles(options.metadata, cwd)
  const progress = terminalProgress()
  const result = await progress.around(run({
    inputs: paths,
    cwd,
    config,
    ruleSettings: {...assessmentRuleSettings(config.catalog), ...parseRuleFlags(options.rule ?? [])},
    encoding: encodingFlag(options.encoding),
    delimiter: delimiterFlag(options.delimiter),
    header: options.header,
    sheets: options.sheet,
    metadataFiles: options.metadata,
    ...networkChoice(options, config, cwd),
    ckan: options.ckan,
    // Large tables on worker threads, as check reads them.
    jobs: defaultJobs(),
    onProgress: progress.onProgress,
  }))
  return {result, report: buildReport(result, {version: options.version, failOn: 'error'})}
}

/** The report as the assessments read it (assess sits upstream of the report, so it has its own input shape). */
export function assessInputOf(report: JsonReport, result: RunResult, cwd: string): AssessInput {
  // Every file describing the dataset counts (a datapackage.json beside an odcheck.yaml), merged as the metadata checks merge them.
  const described = describedDatasets(result.metadata ?? [])[0]
  // Named as reports name files: relative to the working directory.
  // A record read from the web (--online) keeps its URL, which resolve() would mangle.
  const named = (m: DatasetMetadata): DatasetMetadata => (/^[a-z][a-z0-9+.-]*:\/\//i.test(m.source.path) ? m : {...m, source: {...m.source, path: resourceName(resolve(cwd, m.source.path), cwd)}})
  const counts = new Map<string, number>()
  for (const resource of report.resources) for (const r of resource.results) counts.set(r.rule, (counts.get(r.rule) ?? 0) + r.count)
  for (const r of report.dataset?.results ?? []) counts.set(r.rule, (counts.get(r.rule) ?? 0) + r.count)
  return {
    metadata: described && named(described.metadata),
    metadataFiles: described?.documents.map(named),
    unusableMetadata: (report.metadata?.unreadable ?? []).map((u) => u.path),
    resources: report.resources.map((r) => ({
      path: r.path,
      format: r.format,
      // Opened and parsed: a GeoJSON file whose features have no properties, or a JSON document, is read even with no fields.
      readable: r.format !== 'unknown' && !r.results.some((x) => x.rule === 'source-error' && x.count > 0),
      fieldNames: r.fieldNames,
      rowCount: r.rowCount,
      ...(r.compression ? {compression: r.compression} : {}),
    })),
    findings: report.findings,
    rules: report.rules.map((r) => ({id: r.id, tags: r.tags, count: counts.get(r.id) ?? 0})),
  }
}

export function parseMinLevel(text: string | undefined): LevelId | undefined {
  if (text === undefined) return undefined
  const level = parseLevel(text)
  if (!level) throw new UsageError(`--min-level ${text} is not a certificate level.`, [`Levels: ${LEVELS.slice(1).join(', ')} (or bronze, silver, gold, platinum; raw, pilot, standard, expert)`])
  return level
}

/** The answers file: --answers (must exist), else certificate.yaml beside the data (may be absent). */
async function userAnswers(paths: string[], cwd: string, answers: string | undefined) {
  const path = answers ? resolve(cwd, answers) : join(await searchFolderOf(cwd, paths[0]), ANSWERS_FILE_NAME)
  const file = resourceName(path, cwd)
  const read = await readAnswersFile(path, file, answers !== undefined)
  return read ? {answers: read, file} : undefined
}

export async function certificateSection(options: {paths: string[]; cwd: string; report: JsonReport; result: RunResult; answers?: string; minLevel?: LevelId}): Promise<CertificateSection> {
  const user = await userAnswers(options.paths, options.cwd, options.answers)
  const section: CertificateSection = assessCertificate(assessInputOf(options.report, options.result, options.cwd), user)
  if (options.minLevel) {
    section.minLevel = options.minLevel
    section.belowMinimum = levelRank(section.level) < levelRank(options.minLevel)
  }
  return section
}

/** The RDF files the run read with what its rdf-uri-profile rule found in them, by the path the stars find them at (a decompressed copy's, for a file inside an archive). */
function profiledRdf(result: RunResult): Map<string, ProfiledRdf> {
  const fileOf = new Map(result.resources.map((r) => [r.path, r.file ?? r.path]))
  const profiled = new Map<string, ProfiledRdf>()
  for (const t of result.tables) {
    const uris = t.facts?.rdfUris as RdfUriFacts | undefined
    if (uris && t.path && t.head && isRdfFormat(t.head.format)) profiled.set(fileOf.get(t.path) ?? t.path, {syntax: t.head.format, triples: t.stats?.rowCount ?? 0, uris})
  }
  return profiled
}

/** The stars' evidence: RDF files from what the run found in them (or read here, for one it did not read), CSVW files read here. */
export async function starsSection(options: {paths: string[]; cwd: string; report: JsonReport; result: RunResult; minStars?: number}): Promise<StarsSection> {
  const input = assessInputOf(options.report, options.result, options.cwd)
  const archived = options.result.resources.flatMap((r) => (r.file && !r.unreadable ? [{file: r.file, name: r.name}] : []))
  const files = await linkedDataFiles({inputs: options.paths, cwd: options.cwd, tables: options.result.tables.map((t) => t.path), archived, metadata: input.metadata, metadataFiles: input.metadataFiles})
  const linked = await readLinkedData(files, input.metadata, (p) => resourceName(p, options.cwd), profiledRdf(options.result))
  const section: StarsSection = computeStars(input, linked)
  if (options.minStars !== undefined) {
    section.minStars = options.minStars as StarCount
    section.belowMinimum = section.level < options.minStars
  }
  return section
}

/** Whether check's flags ask for an assessment, so the evidence rules should run. */
export function wantsAssessment(flags: {answers?: string; 'min-level'?: string; 'min-stars'?: number}, formats: Array<{name: string}> = []): boolean {
  return flags.answers !== undefined || flags['min-level'] !== undefined || flags['min-stars'] !== undefined || formats.some((f) => f.name === 'odi-json' || f.name === 'html')
}

/**
 * For `check`: attaches the sections its flags ask for and marks the report not valid when the
 * dataset is below a minimum given.
 */
export async function applyAssessments(
  report: JsonReport,
  result: RunResult,
  options: {paths: string[]; cwd: string; answers?: string; minLevel?: string; minStars?: number; formats?: Array<{name: string}>},
): Promise<void> {
  const minLevel = parseMinLevel(options.minLevel)
  // The HTML report shows both assessments.
  const html = options.formats?.some((f) => f.name === 'html')
  if (options.answers !== undefined || minLevel || html || options.formats?.some((f) => f.name === 'odi-json')) {
    report.certificate = await certificateSection({...options, report, result, minLevel})
  }
  if (options.minStars !== undefined || html) report.stars = await starsSection({...options, report, result})
  if (report.certificate?.belowMinimum || report.stars?.belowMinimum) report.valid = false
}
