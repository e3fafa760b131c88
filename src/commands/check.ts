import {stat} from 'node:fs/promises'
import {resolve} from 'node:path'
import {Args, Flags} from '@oclif/core'
import {Chalk} from 'chalk'
import {UsageError} from '../engine/errors.js'
import {delimiterFlag} from './_delimiter.js'
import {encodingFlag} from './_encoding.js'
import {defaultJobs, MAX_JOBS} from '../engine/parallel.js'
import {run} from '../engine/run.js'
import type {RuleSetting} from '../engine/select.js'
import {SEVERITIES, severityRank, type Severity} from '../engine/types.js'
import {buildReport} from '../report/build.js'
import {FORMAT_NAMES, formatters} from '../report/formatters/index.js'
import type {JsonReport} from '../report/types.js'
import {applySuppressions, SUPPRESSIONS_FILE, validateSuppressionFlags} from '../report/suppressions.js'
import {OutputPathError, assertWritableOutput, writeOutputFile} from '../report/write-output.js'
import {assessmentSummary} from '../report/formatters/assessment.js'
import {verdictLine} from '../report/formatters/stylish.js'
import {applyAssessments, assertMetadataFiles, assessmentRuleSettings, loadRunConfig, wantsAssessment} from './_assess.js'
import {BaseCommand, useColor} from './base.js'
import {networkChoice, networkFlags} from './_network.js'
import {terminalProgress} from './_progress.js'


interface FormatTarget {
  name: string
  path?: string
}

export function parseFormats(values: string[], output?: string): FormatTarget[] {
  const targets = values.map((value) => {
    const [name, ...rest] = value.split('=')
    if (!formatters[name]) throw new UsageError(`Unknown format "${name}".`, [`Formats: ${FORMAT_NAMES.join(', ')}`])
    if (rest.length > 0 && rest.join('=') === '') throw new UsageError(`--format ${value} names no file after "=".`, [`Give a path (--format ${name}=report.${name}), or leave out "=" to print to the terminal.`])
    return {name, path: rest.length ? rest.join('=') : undefined}
  })
  if (output) {
    const unnamed = targets.filter((t) => !t.path)
    if (unnamed.length > 1) throw new UsageError('--output names one file but several formats have no path.', ['Give each format its own path: --format json=report.json'])
    if (unnamed.length === 1) unnamed[0].path = output
    else targets.push({name: 'stylish', path: output})
  }
  return targets
}

/** An output path odcheck refuses is the user's to fix: exit 2 with the reason, not a stack trace. */
function asUsageError(error: unknown): never {
  if (error instanceof OutputPathError) throw new UsageError(error.message)
  throw error
}

/**
 * Where each report goes. With --json the JSON report is printed, so every other format needs a
 * path of its own (they are still written, as a CI job uploading SARIF expects).
 */
export function outputTargets(values: string[] | undefined, output: string | undefined, json: boolean): FormatTarget[] {
  if (json) {
    const targets = parseFormats(values ?? [])
    const printed = targets.filter((t) => !t.path && t.name !== 'json')
    if (printed.length > 0) throw new UsageError(`--json prints the JSON report, so --format ${printed[0].name} has nowhere to go.`, [`Give it a file: --format ${printed[0].name}=report.${printed[0].name === 'stylish' ? 'txt' : printed[0].name}`])
    const files = targets.filter((t) => t.path)
    return output ? [...files, {name: 'json', path: output}] : files
  }
  const targets = parseFormats(values ?? ['stylish'], output)
  if (targets.filter((t) => !t.path).length > 1) throw new UsageError('Only one format can write to the terminal.', ['Give the others a path: --format json=report.json'])
  const seen = new Set<string>()
  for (const t of targets) {
    if (!t.path) continue
    const path = resolve(t.path)
    if (seen.has(path)) throw new UsageError(`Two reports would be written to ${t.path}.`, ['Give each --format its own file.'])
    seen.add(path)
  }
  return targets
}

/** Whether every report went to a regular file: not to stdout, nor to a device or pipe given as a path (json=/dev/stdout). */
async function allFiles(formats: FormatTarget[], cwd: string): Promise<boolean> {
  for (const t of formats) {
    if (!t.path || !(await stat(resolve(cwd, t.path)).then((s) => s.isFile(), () => false))) return false
  }
  return true
}

/** An output file named as an input: refused before the run, even with --force (folders and globs are caught when writing). */
async function assertNotInputs(formats: FormatTarget[], paths: string[], cwd: string): Promise<void> {
  const inputs = new Set(paths.map((p) => resolve(cwd, p)))
  for (const t of formats) {
    if (t.path && inputs.has(resolve(cwd, t.path))) throw new UsageError(`${t.path} is the file being checked: odcheck never writes over its input.`, ['Write the report somewhere else.'])
  }
}

/** --quiet lists only what fails the run: errors, and warnings when --fail-on warning (or info), or more of them than --max-warnings, fail it. */
export function quietReport(report: JsonReport, failOn: Exclude<Severity, 'off'>, maxWarnings: number | undefined): JsonReport {
  const warningsFail = severityRank[failOn] <= severityRank.warning || (maxWarnings !== undefined && report.summary.warnings > maxWarnings)
  const lowest = Math.min(severityRank[failOn], warningsFail ? severityRank.warning : severityRank.error)
  return {...report, findings: report.findings.filter((f) => severityRank[f.severity] >= lowest)}
}

export function parseRuleFlags(values: string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {}
  for (const value of values) {
    const match = /^([^=]+)=(.+)$/.exec(value)
    if (!match || !SEVERITIES.includes(match[2] as Severity)) {
      throw new UsageError(`--rule ${value} is not ID=SEVERITY.`, [`For example: --rule duplicate-row=warning (severities: ${SEVERITIES.join(', ')})`])
    }
    settings[match[1]] = {severity: match[2] as Severity}
  }
  return settings
}

export default class Check extends BaseCommand {
  static summary = 'Check whether a dataset is fit to publish.'
  static description = `Reads every table in the given files, folders or globs once, runs the active rules on it and reports what stops it being fit to publish.
In a folder the tables are its *.csv, *.tsv, *.tab, *.psv and *.xlsx files, GeoJSON and JSON data, RDF data (*.ttl, *.nt, *.nq, *.trig, *.n3, *.rdf, *.owl, *.jsonld; RDF that types something as a dcat:Dataset or catalogue is metadata, not data, unless it holds more than 100 statements besides: a dump that describes itself is both), and *.txt files holding a delimited table of three or more columns (never README.txt and the like); a file named directly is read whatever its name. Such files inside a .zip or a tar archive (.tar, .tar.gz, .tgz), and a gzipped file (.gz), are checked too, named under the archive (spend.zip/spend-2025-09.csv): odcheck decompresses a temporary copy and removes it after the run; an archive of documents beside the tables is left out, and a damaged archive, an encrypted file or a name leading outside the archive is a source-error; an archive inside an archive (a year's zip of monthly zips) is read in turn, three deep at most; 7-Zip and RAR archives are named, not read. A zip given on its own that describes itself (a data package zipped whole, its datapackage.json at the top or in its one top folder; or CSVW metadata or an odcheck.yaml with the tables) is checked as the folder it was, its metadata and schemas applied, its files still named through it (ward-population.zip/wards.csv); metadata inside any other archive is not read, as catalogues do not look there, and the metadata rules say where it is. Symbolic links are followed, each file is checked once whatever the links that lead to it, and a link to a file that does not exist is a source-error.
Metadata is looked for beside the data: odcheck.yaml, datapackage.json, <table>-metadata.json, csv-metadata.json or a DCAT-US data.json, else the one catalogue record in the folder (DCAT in Turtle, RDF/XML or JSON-LD, or a CKAN record, whatever its name); --metadata names it instead.
On a terminal, a check that takes more than half a second shows on stderr which file it is reading (or which archive it is decompressing) and how much of it is done; in CI logs and pipes nothing is shown.
Exit codes: 0 fit, 1 findings at or above --fail-on (or more warnings than --max-warnings), 2 usage, config or tool error.`

  static examples = [
    '<%= config.bin %> check examples/streetlights',
    '<%= config.bin %> check data/*.csv --format sarif=odcheck.sarif --format stylish',
    '<%= config.bin %> check spend.csv --fail-on warning --rule duplicate-row=warning',
    '<%= config.bin %> check . --only "#structure" --skip cell-whitespace',
    '<%= config.bin %> check spend-2024-25.xlsx --sheet Payments --schema spend.schema.json',
    '<%= config.bin %> check spend-2024-25.xlsx --sheet 2,3',
    '<%= config.bin %> check supplier-spend-2026-27.zip spend-2025-26.csv.gz',
    '<%= config.bin %> check examples/streetlights --online',
    '<%= config.bin %> check https://example.org/data/spend-2024-25.csv --online',
    '<%= config.bin %> check https://data.gov.uk/dataset/NAME --online',
    '<%= config.bin %> check NAME --ckan https://ckan.example.org --online --timeout 10 --no-cache',
  ]

  static strict = false
  static enableJsonFlag = true

  static args = {
    paths: Args.string({description: 'files, folders or glob patterns to check; with --online also web addresses (a file, or a CKAN dataset)', required: true}),
  }

  static flags = {
    format: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: `output format, optionally with a file to write: NAME[=PATH] (${FORMAT_NAMES.join(', ')})`}),
    output: Flags.string({char: 'o', description: 'write the report to this file instead of stdout'}),
    force: Flags.boolean({description: 'overwrite output files that already exist'}),
    'fail-on': Flags.option({options: ['error', 'warning', 'info'] as const, default: 'error', description: 'lowest severity that makes the run fail (exit 1)'})(),
    'max-warnings': Flags.integer({min: 0, description: 'fail when there are more warnings than this'}),
    quiet: Flags.boolean({char: 'q', description: 'list only the findings that fail the run: errors, and warnings too when --fail-on or --max-warnings makes them fail it'}),
    rule: Flags.string({multiple: true, multipleNonGreedy: true, description: 'set a rule\'s severity: ID=off|info|warning|error'}),
    only: Flags.string({multiple: true, multipleNonGreedy: true, description: 'run only these rules (ID or #tag)'}),
    skip: Flags.string({multiple: true, multipleNonGreedy: true, description: 'do not run these rules (ID or #tag)'}),
    config: Flags.string({char: 'c', description: 'config file to use instead of searching for .odcheck.yaml'}),
    metadata: Flags.string({multiple: true, multipleNonGreedy: true, description: 'metadata file describing the data (datapackage.json, CSVW, DCAT, data.json, CKAN JSON, odcheck.yaml) instead of looking beside it'}),
    schema: Flags.string({description: 'Frictionless Table Schema (JSON or YAML) to check every table (of a workbook, the first sheet checked) against, or a JSON Schema (draft-07, 2019-09, 2020-12) to check JSON and GeoJSON data against, instead of any schema a data package gives'}),
    ...networkFlags,
    encoding: Flags.string({description: 'read tables in this encoding instead of detecting it (e.g. windows-1252)'}),
    delimiter: Flags.string({description: 'use this delimiter instead of sniffing it (use "\\t" for tab)'}),
    header: Flags.boolean({allowNo: true, description: 'whether tables have a header row (--no-header when they do not)'}),
    sheet: Flags.string({multiple: true, multipleNonGreedy: true, description: 'check only these sheets of each .xlsx workbook, by name or by number counting tabs from 1, comma-separated (default: every sheet)'}),
    'max-findings': Flags.integer({min: 1, description: 'findings listed per rule per file, counts stay exact (default: the config\'s maxFindingsPerRule, else 100)'}),
    jobs: Flags.integer({char: 'j', min: 1, max: MAX_JOBS, description: `threads that check a large table (over 48 MB) in chunks; 1 checks it in one thread (default: the cores available, at most ${MAX_JOBS})`}),
    'suppress-all': Flags.boolean({description: `record every finding at or above --fail-on as known in ${SUPPRESSIONS_FILE}, so later runs fail only on new ones`}),
    'suppress-rule': Flags.string({multiple: true, multipleNonGreedy: true, description: 'record this rule\'s findings as known'}),
    'suppressions-location': Flags.string({description: `suppressions file to read and write (default: ${SUPPRESSIONS_FILE} in the working directory)`}),
    'prune-suppressions': Flags.boolean({description: 'remove recorded suppressions that are no longer needed'}),
    answers: Flags.string({description: 'answers to the ODI certificate questions: adds the certificate section to the report (default: certificate.yaml beside the data)'}),
    'min-level': Flags.string({description: 'fail (exit 1) below this ODI certificate level: basic, pilot, standard, exemplar (or bronze, silver, gold, platinum)'}),
    'min-stars': Flags.integer({min: 0, max: 5, description: 'fail (exit 1) below this many stars of open data (0-5)'}),
    color: Flags.boolean({allowNo: true, description: 'colour the stylish output (default: when stdout is a terminal)'}),
  }

  async run(): Promise<JsonReport> {
    const {argv, flags} = await this.parse(Check)
    const paths = argv as string[]
    const cwd = process.cwd()
    const formats = outputTargets(flags.format, flags.output, this.jsonEnabled())
    for (const target of formats) {
      if (target.path) await assertWritableOutput(resolve(cwd, target.path), flags.force).catch(asUsageError)
    }
    await assertNotInputs(formats, paths, cwd)
    const encoding = encodingFlag(flags.encoding)
    const delimiter = delimiterFlag(flags.delimiter)
    const failOn = flags['fail-on'] as Exclude<Severity, 'off'>
    const config = await loadRunConfig(cwd, paths, flags.config)
    const suppressionFlags = {suppressAll: flags['suppress-all'], suppressRules: flags['suppress-rule'], prune: flags['prune-suppressions'], location: flags['suppressions-location'], failOn}
    validateSuppressionFlags(suppressionFlags, config.catalog.map((r) => r.id))
    await assertMetadataFiles(flags.metadata, cwd)
    const network = networkChoice(flags, config, cwd)
    const progress = terminalProgress()
    const result = await progress.around(run({
      inputs: paths,
      cwd,
      config,
      ruleSettings: {...(wantsAssessment(flags, formats) ? assessmentRuleSettings(config.catalog, formats) : {}), ...parseRuleFlags(flags.rule ?? [])},
      only: flags.only,
      skip: flags.skip,
      encoding,
      delimiter,
      header: flags.header,
      maxFindingsPerRule: flags['max-findings'],
      jobs: flags.jobs ?? defaultJobs(),
      metadataFiles: flags.metadata,
      ...network,
      ckan: flags.ckan,
      schemaFile: flags.schema,
      sheets: flags.sheet,
      onProgress: progress.onProgress,
    }))
    const suppressions = await applySuppressions(result, cwd, suppressionFlags)
    if (suppressions.notice && !this.jsonEnabled()) this.logToStderr(suppressions.notice)
    let report = buildReport(result, {version: this.config.version, failOn, maxWarnings: flags['max-warnings'], suppressed: suppressions.counts, suppressionsFile: suppressions.file})
    report.suppressions?.stale.push(...suppressions.missing)
    await applyAssessments(report, result, {paths, cwd, answers: flags.answers, minLevel: flags['min-level'], minStars: flags['min-stars'], formats})
    if (flags.quiet) report = quietReport(report, failOn, flags['max-warnings'])

    const color = useColor(flags.color)
    for (const target of formats) {
      const text = formatters[target.name](report, {color: target.path ? false : color, cwd})
      if (target.path) {
        const path = resolve(cwd, target.path)
        if (report.resources.some((r) => resolve(cwd, r.path) === path)) throw new UsageError(`${target.path} is a file this run checked: odcheck never writes over its input.`, ['Write the report somewhere else.'])
        await writeOutputFile(path, text, flags.force).catch(asUsageError)
      } else if (text !== '') this.log(text.replace(/\n$/, ''))
    }
    if (formats.some((t) => t.name === 'stylish' && !t.path)) for (const line of assessmentSummary(report)) this.log(line)
    // Every report went to a file: say so, and the verdict, rather than end in silence (on stderr, so stdout stays empty).
    else if (!this.jsonEnabled() && (await allFiles(formats, cwd))) {
      const chalk = new Chalk({level: useColor(flags.color, process.stderr) ? 1 : 0})
      this.logToStderr(`${verdictLine(report, chalk)} (report written to ${formats.map((t) => t.path).join(', ')})`)
    }
    if (!report.valid) process.exitCode = 1
    return report
  }
}
