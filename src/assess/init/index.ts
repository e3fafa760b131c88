/**
 * `odcheck init`: what to write so a dataset can be checked fully. From facts the command
 * gathered in one run of the checks, plans the files (odcheck.yaml, certificate.yaml, a schema
 * when odcheck can infer one), what it leaves alone and why, and what to fill in next.
 * Pure: the command reads and writes.
 */
import {join, posix} from 'node:path'
import type {MetadataFormat} from '../../metadata/model.js'
import type {Answers} from '../certificate/answers.js'
import {metadataHints} from '../certificate/hints.js'
import {certificateSkeleton, ANSWERS_FILE_NAME} from './certificate-skeleton.js'
import {METADATA_FILE_NAME, metadataTemplate, type MetadataTemplateInput} from './metadata-template.js'
import {listSome, plural} from '../../shared/text.js'

export {titleFromName} from './names.js'
export {METADATA_FILE_NAME, type Importance, type TemplateTable} from './metadata-template.js'
export {ANSWERS_FILE_NAME} from './certificate-skeleton.js'

export type InitPart = 'metadata' | 'certificate' | 'schema'

export interface InitFacts extends Omit<MetadataTemplateInput, 'checkCommand'> {
  /** Absolute folder the files go in. */
  folder: string
  /** The dataset as the user named it, for the commands to run next. */
  target: string
  /** Parts asked for; all when the user named none. */
  parts: InitPart[]
  /** The folder as the user would name it (relative to the working directory, or absolute). */
  folderLabel: string
  /** The user named the parts (so metadata in another format does not stop odcheck.yaml). */
  explicit: boolean
  /** The metadata file found, when it is not the odcheck.yaml init would write. */
  otherMetadata?: string
  /** Formats of the metadata files found. */
  metadataFormats?: MetadataFormat[]
  /** odcheck's certificate answers from the data and metadata. */
  evidence: Answers
  /** Answers in an existing certificate.yaml (being rewritten with --force). */
  userAnswers?: Answers
  /** Table Schemas inferred from the tables (`odcheck schema infer`), to write beside them. */
  schemas?: SchemaFile[]
  /** Why no schema can be written, when none can. */
  schemaUnavailable?: string
}

export interface SchemaFile {
  /** The table, relative to the folder. */
  table: string
  /** Absolute path of the schema file, and the same relative to the folder. */
  path: string
  name: string
  content: string
  fields: number
  primaryKey?: string[]
}

export interface PlannedFile {
  /** Which part of init writes it. */
  part: InitPart
  /** Absolute path. */
  path: string
  name: string
  content: string
  /** What it is for and what is left to do in it, in a sentence. */
  summary: string
}

export interface InitPlan {
  files: PlannedFile[]
  skipped: Array<{part: InitPart; reason: string}>
  next: string[]
}

function list(items: string[], max = 6): string {
  return listSome(items, max)
}

function quote(arg: string): string {
  return /^[\w./:@-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`
}

export function planInit(facts: InitFacts): InitPlan {
  const plan: InitPlan = {files: [], skipped: [], next: []}
  const target = quote(facts.target)
  const wants = (part: InitPart) => facts.parts.includes(part)

  if (wants('metadata')) {
    if (facts.otherMetadata && !facts.explicit) {
      plan.skipped.push({part: 'metadata', reason: `the dataset is described by ${facts.otherMetadata}, which odcheck reads; run \`odcheck init --metadata\` to write an ${METADATA_FILE_NAME} beside it anyway`})
    } else {
      const template = metadataTemplate({...facts, checkCommand: `odcheck check ${target}`})
      const required = template.toFill.filter((k) => k.severity === 'error').map((k) => k.key)
      const recommended = template.toFill.filter((k) => k.severity === 'warning').map((k) => k.key)
      plan.files.push({
        part: 'metadata',
        path: join(facts.folder, METADATA_FILE_NAME),
        name: METADATA_FILE_NAME,
        content: template.text,
        summary: `the dataset's metadata, prefilled from the data, with ${plural(template.toFill.length, 'key')} to fill in${required.length ? ` (required: ${list(required)})` : ''}`,
      })
      if (required.length || recommended.length) {
        plan.next.push(`Fill in ${METADATA_FILE_NAME}: ${[required.length ? `${list(required)} (required)` : '', recommended.length ? `${list(recommended)} (recommended)` : ''].filter(Boolean).join(', then ')}.`)
      }
    }
  }

  if (wants('certificate')) {
    // The keys to name are those of the metadata the dataset has, and of the odcheck.yaml init writes.
    const writesMetadata = wants('metadata') && !(facts.otherMetadata && !facts.explicit)
    const formats: MetadataFormat[] = [...(facts.metadataFormats ?? []), ...(writesMetadata ? (['odcheck'] as const) : [])]
    const hint = metadataHints(formats, facts.known)
    const skeleton = certificateSkeleton({evidence: facts.evidence, user: facts.userAnswers, certificateCommand: `odcheck certificate ${target}`, hint})
    plan.files.push({
      part: 'certificate',
      path: join(facts.folder, ANSWERS_FILE_NAME),
      name: ANSWERS_FILE_NAME,
      content: skeleton.text,
      summary: `answers to the ODI certificate questions odcheck cannot answer from the data: ${skeleton.open.length} to answer now${skeleton.required.length ? `, ${skeleton.required.length} of them required for any level` : ''}`,
    })
    const fromMetadata = skeleton.requiredFromMetadata.length ? ` (${list(skeleton.requiredFromMetadata)} odcheck reads from the metadata once it is filled in)` : ''
    if (skeleton.required.length) plan.next.push(`Answer the required questions in ${ANSWERS_FILE_NAME}: ${list(skeleton.required)}${fromMetadata}.`)
    else if (skeleton.open.length) plan.next.push(`Answer what you can in ${ANSWERS_FILE_NAME} (${plural(skeleton.open.length, 'question')})${fromMetadata}.`)
  }

  if (wants('schema')) {
    const schemas = facts.schemas ?? []
    if (schemas.length === 0) plan.skipped.push({part: 'schema', reason: facts.schemaUnavailable ?? 'no CSV or TSV table to infer a schema from.'})
    for (const s of schemas) {
      plan.files.push({
        part: 'schema',
        path: s.path,
        name: s.name,
        content: s.content,
        summary: `a Table Schema of ${s.fields} columns inferred from ${s.table}${s.primaryKey ? ` (primary key ${s.primaryKey.join(', ')})` : ''}: check each type, constraint and key says what the data should be`,
      })
    }
    if (schemas.length > 0) {
      const named = (file: string) => quote(posix.join(facts.folderLabel, file))
      const commands = schemas.map((s) => `\`odcheck check ${named(s.table)} --schema ${named(s.name)}\``)
      plan.next.push(`Review the inferred schema${schemas.length > 1 ? 's' : ''}, then check each table against its own: ${listSome(commands, 3)}.`)
    }
  }

  if (plan.files.length > 0) {
    plan.next.push(`Then run \`odcheck check ${target}\`${wants('certificate') ? ` and \`odcheck certificate ${target}\`` : ''} to see what is left.`)
  }
  return plan
}
