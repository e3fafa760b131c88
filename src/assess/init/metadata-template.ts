/**
 * The odcheck.yaml template `odcheck init` writes: every key documented in a comment (the text of
 * schemas/odcheck-metadata.schema.json), what the data tells us filled in (a title from the file
 * name, the files with their format, encoding and columns), values already given by metadata
 * kept, and the rest left as `# key:` lines to fill in, with an example and how much each matters.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Document, isMap, isSeq, visit} from 'yaml'
import type {Severity} from '../../engine/types.js'
import type {DatasetMetadata, Distribution, LicenceRef} from '../../metadata/model.js'
import {metadataSchemasDir} from '../../metadata/schema.js'
import {comment, entry} from './yaml-text.js'
import {listSome} from '../../shared/text.js'

export const METADATA_FILE_NAME = 'odcheck.yaml'

export interface TemplateTable {
  /** Relative to the folder odcheck.yaml is written in, with forward slashes. */
  path: string
  /** csv, tsv, xlsx; `unknown` when odcheck could not read it. */
  format: string
  encoding?: string | null
  fields?: string[]
}

/** How much a missing key matters: the rule that reports it and its severity. */
export type Importance = Record<string, {rule: string; severity: Exclude<Severity, 'off'>}>

export interface MetadataTemplateInput {
  title: string
  /** What the suggested title was made from: the file checked, or the dataset's folder. */
  titleFrom?: 'file' | 'folder'
  tables: TemplateTable[]
  /** Metadata already given (by an odcheck.yaml being rewritten, or another format): its values are kept. */
  known?: DatasetMetadata
  importance: Importance
  /** Columns the personal-data scan flagged, by table, when it ran. */
  personalColumns?: Array<{table: string; columns: string[]}>
  /** Ranges of date columns, to suggest the period covered. */
  dateRanges: Array<{table: string; column: string; min: string; max: string}>
  /** The command to run once the file is filled in. */
  checkCommand: string
}

const EXAMPLES: Record<string, string> = {
  title: 'Trafford street lighting inventory',
  description: 'Every street light the council maintains, with its ward, lamp type and installation date. One row per light.',
  publisher: '{name: Trafford Council, url: https://www.trafford.gov.uk}',
  contactPoint: '{name: Open data team, email: opendata@trafford.gov.uk}',
  licence: 'OGL-UK-3.0',
  attribution: 'Contains public sector information licensed under the Open Government Licence v3.0.',
  updateFrequency: 'monthly',
  documentation: 'https://www.trafford.gov.uk/opendata/streetlights/about',
  landingPage: 'https://www.trafford.gov.uk/opendata/streetlights',
  identifier: 'https://www.trafford.gov.uk/opendata/streetlights',
  keywords: '[street lighting, highways]',
  themes: '[Transport]',
  temporal: '{start: 2024-04-01, end: 2025-03-31}',
  spatial: 'Trafford',
  issued: '2025-10-01',
  modified: '2025-10-01',
  language: '[en]',
  personalData: 'not_personal',
}

/** The keys the template lists, in the order a publisher thinks of them. */
const KEYS = Object.keys(EXAMPLES)

/** IANA media types by the format discovery gives a file (src/load/discover.ts formatOf). */
const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  geojson: 'application/geo+json',
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
  nquads: 'application/n-quads',
  trig: 'application/trig',
  n3: 'text/n3',
  rdfxml: 'application/rdf+xml',
  jsonld: 'application/ld+json',
}

function schemaDescriptions(): Record<string, string> {
  const schema = JSON.parse(readFileSync(join(metadataSchemasDir, 'odcheck-metadata.schema.json'), 'utf8')) as {properties: Record<string, {description?: string}>}
  return Object.fromEntries(Object.entries(schema.properties).map(([key, p]) => [key, p.description ?? '']))
}

function licenceValue(l: LicenceRef): unknown {
  if (!l.url && !l.title) return l.raw
  return {...(l.raw !== l.url ? {id: l.raw} : {}), ...(l.url ? {url: l.url} : {}), ...(l.title ? {title: l.title} : {})}
}

/** Values the known metadata gives, as odcheck.yaml writes them. */
function knownValues(m: DatasetMetadata | undefined): Record<string, unknown> {
  if (!m) return {}
  const temporal = m.temporal && (m.temporal.start || m.temporal.end ? {...(m.temporal.start ? {start: m.temporal.start} : {}), ...(m.temporal.end ? {end: m.temporal.end} : {})} : m.temporal.text)
  const values: Record<string, unknown> = {
    title: m.title,
    description: m.description,
    publisher: m.publisher,
    contactPoint: m.contactPoint,
    licence: m.licence && licenceValue(m.licence),
    attribution: m.attribution,
    updateFrequency: m.updateFrequency,
    documentation: m.documentation,
    landingPage: m.landingPage,
    identifier: m.identifier,
    keywords: m.keywords.length ? m.keywords : undefined,
    themes: m.themes.length ? m.themes : undefined,
    temporal,
    spatial: m.spatial,
    issued: m.issued,
    modified: m.modified,
    language: m.language.length ? m.language : undefined,
    personalData: m.personalData,
  }
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''))
}

function importanceNote(key: string, importance: Importance): string {
  const found = importance[key]
  if (!found) return ''
  if (found.severity === 'error') return ` REQUIRED: \`odcheck check\` fails until it is given (rule ${found.rule}).`
  if (found.severity === 'warning') return ` RECOMMENDED: a warning until it is given (rule ${found.rule}).`
  return ` Optional: helps people find the data (rule ${found.rule} notes it).`
}

/** `a.csv (columns "Surname", "Forenames"); b.csv (column "Email")`: each file once, its columns after it. */
export function personalColumnsText(tables: Array<{table: string; columns: string[]}>): string {
  const shown = tables.slice(0, 5).map(({table, columns}) => `${table} (${columns.length === 1 ? 'column' : 'columns'} ${listSome(columns.map((c) => `"${c}"`), 6)})`)
  return `${shown.join('; ')}${tables.length > 5 ? `; and ${tables.length - 5} more files` : ''}`
}

function hint(key: string, input: MetadataTemplateInput): string {
  if (key === 'title' && !input.known?.title) return ` odcheck suggested this from the ${input.titleFrom ?? 'file'} name: make it the name people would search for.`
  if (key === 'temporal' && input.dateRanges.length > 0) {
    const r = input.dateRanges[0]
    return ` The dates in column "${r.column}" of ${r.table} run from ${r.min} to ${r.max}, if that is the period covered.`
  }
  if (key === 'personalData' && input.personalColumns) {
    return input.personalColumns.length > 0
      ? ` odcheck's scan found personal data in ${personalColumnsText(input.personalColumns)}: declaring it not_personal would be wrong (rule personal-data-undeclared).`
      : " odcheck's scan found no personal data; say not_personal if the data is not about people."
  }
  if (key === 'attribution') return ' Needed when the licence asks for attribution, as the OGL and CC BY do.'
  return ''
}

function distributionValue(table: TemplateTable, known: Distribution | undefined): Record<string, unknown> {
  const media = MEDIA_TYPES[table.format]
  const charset = table.format !== 'xlsx' && table.encoding ? `; charset=${table.encoding}` : ''
  return {
    ...(known?.title ? {title: known.title} : {}),
    path: table.path,
    ...(known?.url ? {url: known.url} : {}),
    ...(table.format !== 'unknown' ? {format: table.format} : {}),
    ...(media ? {mediaType: `${media}${charset}`} : {}),
    ...(table.fields?.length ? {fields: table.fields} : {}),
  }
}

/** The distributions block, with each column list on one line. */
function distributionsBlock(input: MetadataTemplateInput): string[] {
  const known = new Map((input.known?.distributions ?? []).filter((d) => d.path).map((d) => [d.path!.replace(/^\.\//, ''), d]))
  const doc = new Document(input.tables.map((t) => distributionValue(t, known.get(t.path))))
  visit(doc, {
    Pair(_, pair) {
      if (isSeq(pair.value) && String((pair.key as {value?: unknown}).value) === 'fields') pair.value.flow = true
    },
  })
  if (!isSeq(doc.contents) || doc.contents.items.length === 0) return ['# distributions:']
  doc.contents.items.forEach((item) => {
    if (isMap(item)) item.spaceBefore = false
  })
  return ['distributions:', ...doc.toString({lineWidth: 0, flowCollectionPadding: false}).trimEnd().split('\n').map((l) => `  ${l}`)]
}

export interface MetadataTemplate {
  text: string
  /** Keys left to fill in, most important first, with the severity of the rule that reports them missing. */
  toFill: Array<{key: string; severity?: Exclude<Severity, 'off'>}>
}

const RANK = {error: 0, warning: 1, info: 2}

export function metadataTemplate(input: MetadataTemplateInput): MetadataTemplate {
  const descriptions = schemaDescriptions()
  const known = knownValues(input.known)
  const values: Record<string, unknown> = {title: input.title, ...known}
  const toFill: MetadataTemplate['toFill'] = []
  const out = [
    ...comment(
      `${METADATA_FILE_NAME}: what this dataset is, who publishes it and on what terms, for the people who find it and for odcheck. Written by \`odcheck init\`.\n` +
        '\n' +
        'A line "# key:" is a key still to fill in: remove the "# " and write the value after the colon, like the example above it. ' +
        'REQUIRED keys fail `odcheck check` until they are given; RECOMMENDED ones give warnings. Delete the lines that do not apply.\n' +
        `Then run: ${input.checkCommand}\n` +
        '\n' +
        'The format is schemas/odcheck-metadata.schema.json in odcheck; it also has contentLicence, rights and provenance.',
    ),
  ]
  for (const key of KEYS) {
    const given = values[key] !== undefined
    out.push('', ...comment(`${descriptions[key] ?? key}${given ? '' : importanceNote(key, input.importance)}${hint(key, input)}`))
    if (given) out.push(...entry(key, values[key]))
    else {
      // With personal data found, the example is the declaration that fits it.
      const example = key === 'personalData' && input.personalColumns?.length ? 'individual' : EXAMPLES[key]
      out.push(`#   e.g. ${key}: ${example}`, `# ${key}:`)
      toFill.push({key, ...(input.importance[key] ? {severity: input.importance[key].severity} : {})})
    }
  }
  out.push(
    '',
    ...comment(
      'The files of the dataset, as odcheck found them: each path (relative to this file), format, media type with the character encoding odcheck detected, and the column names. ' +
        'Give each a title, and a url once it is online. odcheck checks that these agree with the files (rule metadata-mismatch).',
    ),
    ...distributionsBlock(input),
  )
  toFill.sort((a, b) => (a.severity ? RANK[a.severity] : 3) - (b.severity ? RANK[b.severity] : 3))
  return {text: out.join('\n') + '\n', toFill}
}
