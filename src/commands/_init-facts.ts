/**
 * What `odcheck init` needs to know about a dataset, read from one run of the checks (as
 * `check` runs them, with the column profile on): its tables, the metadata found, columns of
 * personal data, date ranges, odcheck's certificate answers and any answers already written.
 */
import {basename, isAbsolute, relative, resolve, sep} from 'node:path'
import {answersFromEvidence, ANSWERS_FILE_NAME, readAnswersFile, type Answers} from '../assess/certificate/index.js'
import {inferTableSchema} from '../assess/infer/infer.js'
import {schemaText} from '../assess/infer/output.js'
import {METADATA_FILE_NAME, titleFromName, type Importance, type InitFacts, type InitPart, type SchemaFile, type TemplateTable} from '../assess/init/index.js'
import {archiveOf} from '../load/archive-kind.js'
import {resourceName} from '../load/discover.js'
import {listSome} from '../shared/text.js'
import {describedDatasets} from '../metadata/merge.js'
import type {OpenOptions} from '../table/open.js'
import {SourceError} from '../table/errors.js'
import type {RunResult} from '../engine/run.js'
import {builtInRuleSets} from '../engine/rule-sets.js'
import type {Severity} from '../engine/types.js'
import {splitSheet} from '../report/formatters/group.js'
import type {JsonReport} from '../report/types.js'
import {assessInputOf} from './_assess.js'

/** Which metadata keys matter how much, from the rules that report them missing (rules/*.yaml). */
export function metadataImportance(): Importance {
  const importance: Importance = {}
  const rules = [...builtInRuleSets().values()].flat()
  const set = (key: string, rule: string, severity: Severity) => {
    if (severity === 'off') return
    const known = importance[key]
    const rank = {error: 0, warning: 1, info: 2}
    if (!known || rank[severity] < rank[known.severity]) importance[key] = {rule, severity}
  }
  for (const rule of rules) {
    if (rule.check === 'metadata-missing') for (const key of (rule.options.properties as string[] | undefined) ?? []) set(key, rule.id, rule.severity)
    if (rule.id === 'licence-missing') set('licence', rule.id, rule.severity)
    if (rule.id === 'attribution-missing') set('attribution', rule.id, rule.severity)
  }
  return importance
}

function inside(folder: string, path: string): string | undefined {
  const rel = relative(folder, path)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split(sep).join('/')
}

/** One entry per file (a workbook's sheets are one file), named relative to the folder. */
function tablesOf(report: JsonReport, folder: string, cwd: string): TemplateTable[] {
  const tables = new Map<string, TemplateTable>()
  for (const r of report.resources) {
    const {file, sheet} = splitSheet(r.path)
    const path = inside(folder, resolve(cwd, file))
    if (!path) continue
    const known = tables.get(path)
    if (known) {
      // Sheets of one workbook: the columns of one sheet would be wrong for the file.
      delete known.fields
      continue
    }
    const readable = r.format !== 'unknown'
    tables.set(path, {path, format: readable ? r.format : 'unknown', encoding: sheet ? null : r.encoding, ...(readable && r.fieldNames.length ? {fields: r.fieldNames} : {})})
  }
  return [...tables.values()]
}

/** The columns the personal-data scan flagged, grouped by table in report order. */
function personalColumns(report: JsonReport, folder: string, cwd: string): InitFacts['personalColumns'] {
  const privacy = new Set(report.rules.filter((r) => r.tags.includes('#privacy')).map((r) => r.id))
  if (!privacy.has('personal-data')) return undefined
  const byTable = new Map<string, string[]>()
  for (const f of report.findings) {
    if (f.rule !== 'personal-data' || !f.fieldName) continue
    const table = inside(folder, resolve(cwd, f.resource)) ?? f.resource
    const columns = byTable.get(table) ?? []
    if (!columns.includes(f.fieldName)) columns.push(f.fieldName)
    byTable.set(table, columns)
  }
  return [...byTable].map(([table, columns]) => ({table, columns}))
}

function dateRanges(report: JsonReport, folder: string, cwd: string): InitFacts['dateRanges'] {
  return report.resources.flatMap((r) =>
    (r.profile?.columns ?? [])
      .filter((c) => (c.type === 'date' || c.type === 'datetime') && typeof c.min === 'string' && typeof c.max === 'string')
      .map((c) => ({table: inside(folder, resolve(cwd, r.path)) ?? r.path, column: c.name, min: c.min as string, max: c.max as string})),
  )
}

/** Answers already in the folder's certificate.yaml, kept when it is rewritten; a file that does not parse is not kept. */
async function existingAnswers(folder: string, cwd: string): Promise<{answers?: Answers; problem?: string}> {
  const path = resolve(folder, ANSWERS_FILE_NAME)
  try {
    return {answers: await readAnswersFile(path, relative(cwd, path) || ANSWERS_FILE_NAME, false)}
  } catch (error) {
    return {problem: (error as Error).message.split('\n')[0]}
  }
}

/** `ward-counts.csv` → `ward-counts.schema.yaml`, beside it. */
function schemaPathFor(table: string): string {
  return table.replace(/\.[^./]+$/, '') + '.schema.yaml'
}

/** A Table Schema for each CSV or TSV table, inferred as `odcheck schema infer` does (a second pass over each table). */
async function inferSchemas(tables: TemplateTable[], folder: string, cwd: string, open: OpenOptions, notes: string[]): Promise<SchemaFile[]> {
  const schemas: SchemaFile[] = []
  const delimited = tables.filter((t) => t.format === 'csv' || t.format === 'tsv')
  // A schema is written beside its table, which cannot be done inside an archive.
  const archived = delimited.filter((t) => archiveOf(resolve(folder, t.path)))
  if (archived.length > 0) {
    const first = archived[0].path
    notes.push(`No schema for ${listSome(archived.map((t) => t.path), 3)}, inside ${archived.length === 1 ? 'an archive' : 'archives'}: a schema cannot be written beside a file there. Infer one with \`odcheck schema infer ${first} --output ${basename(first).replace(/\.[^.]+$/, '')}.schema.yaml\`, and name it in the metadata.`)
  }
  for (const table of delimited.filter((t) => !archived.includes(t))) {
    const path = resolve(folder, table.path)
    const name = schemaPathFor(table.path)
    const output = resolve(folder, name)
    try {
      const result = await inferTableSchema(path, open)
      const content = schemaText(result, 'table-schema', 'yaml', {table: path, output, source: resourceName(path, cwd)})
      schemas.push({table: table.path, path: output, name, content, fields: result.schema.fields.length, ...(result.schema.primaryKey ? {primaryKey: result.schema.primaryKey} : {})})
    } catch (error) {
      if (!(error instanceof SourceError)) throw error
      notes.push(`No schema for ${table.path}: ${error.message}`)
    }
  }
  return schemas
}

export interface FactsOptions {
  target: string
  folder: string
  cwd: string
  /** The target is one file, not a folder. */
  file: boolean
  parts: InitPart[]
  explicit: boolean
  result: RunResult
  report: JsonReport
  /** How to read the tables (--encoding, --delimiter, --header), for the schema inference. */
  open: OpenOptions
}

export async function initFacts(o: FactsOptions): Promise<{facts: InitFacts; notes: string[]}> {
  const notes: string[] = []
  const primary = o.result.metadata?.[0]
  // What every metadata file says together (a datapackage.json beside an odcheck.yaml), so a
  // rewritten odcheck.yaml neither asks again for what the other file gives nor invents a title that would hide its title.
  const known = describedDatasets(o.result.metadata ?? [])[0]?.metadata
  const ours = resolve(o.folder, METADATA_FILE_NAME)
  const otherMetadata = primary && resolve(o.cwd, primary.source.path) !== ours ? resourceName(resolve(o.cwd, primary.source.path), o.cwd) : undefined
  const kept = o.parts.includes('certificate') ? await existingAnswers(o.folder, o.cwd) : {}
  if (kept.problem) notes.push(`The answers in the old ${ANSWERS_FILE_NAME} could not be kept: ${kept.problem}`)
  const tables = tablesOf(o.report, o.folder, o.cwd)
  const schemas = o.parts.includes('schema') ? await inferSchemas(tables, o.folder, o.cwd, o.open, notes) : []
  const facts: InitFacts = {
    folder: o.folder,
    target: o.target,
    folderLabel: resourceName(o.folder, o.cwd) || '.',
    parts: o.parts,
    explicit: o.explicit,
    title: known?.title ?? titleFromName(o.file ? o.target : o.folder),
    titleFrom: o.file ? 'file' : 'folder',
    tables,
    schemas,
    ...(!tables.some((t) => t.format === 'csv' || t.format === 'tsv')
      ? {schemaUnavailable: 'odcheck infers schemas for CSV and TSV tables, and there are none here.'}
      : schemas.length === 0 && tables.every((t) => archiveOf(resolve(o.folder, t.path)))
        ? {schemaUnavailable: 'every table is inside an archive.'}
        : {}),
    known,
    otherMetadata,
    metadataFormats: (o.result.metadata ?? []).map((m) => m.source.format),
    importance: metadataImportance(),
    personalColumns: personalColumns(o.report, o.folder, o.cwd),
    dateRanges: dateRanges(o.report, o.folder, o.cwd),
    evidence: answersFromEvidence(assessInputOf(o.report, o.result, o.cwd)),
    ...(kept.answers ? {userAnswers: kept.answers} : {}),
  }
  return {facts, notes}
}
