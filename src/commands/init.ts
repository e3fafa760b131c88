import {dirname, resolve} from 'node:path'
import {stat} from 'node:fs/promises'
import {Args, Flags} from '@oclif/core'
import {planInit, type InitPart, type InitPlan} from '../assess/init/index.js'
import {UsageError} from '../engine/errors.js'
import {resourceName} from '../load/discover.js'
import {OutputPathError, writeOutputFile} from '../report/write-output.js'
import {runChecks} from './_assess.js'
import {initFacts} from './_init-facts.js'
import {BaseCommand} from './base.js'
import {delimiterFlag} from './_delimiter.js'
import {encodingFlag} from './_encoding.js'

const PARTS: InitPart[] = ['metadata', 'certificate', 'schema']

export interface InitResult {
  folder: string
  written: Array<{path: string; summary: string}>
  skipped: InitPlan['skipped']
  next: string[]
}

export default class Init extends BaseCommand {
  static summary = 'Write what a dataset lacks to be checked fully: an odcheck.yaml metadata template, a certificate.yaml answers skeleton and a Table Schema per table.'
  static description = `Checks the dataset once, then writes beside it, prefilled from the data: odcheck.yaml (title, files with their format, encoding and columns; the rest as commented keys to fill in), certificate.yaml (the ODI certificate questions odcheck cannot answer from data) and, for each CSV or TSV table, <name>.schema.yaml (a Table Schema inferred as \`odcheck schema infer\` does). Never overwrites a file without --force; prints what to fill in next.
Exit codes: 0 written, 2 usage error or a file already exists.`

  static examples = [
    '<%= config.bin %> init data/streetlights',
    '<%= config.bin %> init spend-2025-09.csv --metadata',
    '<%= config.bin %> init data/streetlights --certificate --force',
  ]

  static enableJsonFlag = true

  static args = {
    path: Args.string({description: 'the dataset: a folder, or one table file', required: true}),
  }

  static flags = {
    metadata: Flags.boolean({description: 'write only the odcheck.yaml metadata template (even when other metadata describes the data)'}),
    certificate: Flags.boolean({description: 'write only the certificate.yaml answers skeleton'}),
    schema: Flags.boolean({description: 'write only the inferred Table Schema of each CSV or TSV table'}),
    force: Flags.boolean({description: 'overwrite files that already exist (answers already in certificate.yaml are kept)'}),
    config: Flags.string({char: 'c', description: 'config file to use instead of searching for .odcheck.yaml'}),
    encoding: Flags.string({description: 'read tables in this encoding instead of detecting it'}),
    delimiter: Flags.string({description: 'use this delimiter instead of sniffing it (use "\\t" for tab)'}),
    header: Flags.boolean({allowNo: true, description: 'whether tables have a header row'}),
    // Accepted as every other command accepts it, so scripts can pass it to all; init prints plain text either way.
    color: Flags.boolean({allowNo: true, description: 'accepted for consistency with the other commands: init prints plain text'}),
  }

  async run(): Promise<InitResult> {
    const {args, flags} = await this.parse(Init)
    const cwd = process.cwd()
    const target = resolve(cwd, args.path)
    const info = await stat(target).catch(() => undefined)
    if (!info) throw new UsageError(`${args.path} does not exist.`, ['Give the folder of the dataset, or one of its tables.'])
    const folder = info.isDirectory() ? target : dirname(target)
    const chosen = PARTS.filter((p) => flags[p])
    const parts = chosen.length > 0 ? chosen : PARTS

    const {result, report} = await runChecks({paths: [args.path], cwd, version: this.config.version, config: flags.config, encoding: flags.encoding, delimiter: flags.delimiter, header: flags.header, rule: ['column-profile=info']})
    const open = {encoding: encodingFlag(flags.encoding), delimiter: delimiterFlag(flags.delimiter), header: flags.header}
    const {facts, notes} = await initFacts({target: args.path, folder, cwd, file: !info.isDirectory(), parts, explicit: chosen.length > 0, result, report, open})
    const plan = planInit(facts)
    const display = (path: string) => resourceName(path, cwd) || path

    // Every file is checked before any is written, so a refusal leaves the folder as it was.
    if (!flags.force) {
      const existing: typeof plan.files = []
      for (const file of plan.files) if (await stat(file.path).then(() => true, () => false)) existing.push(file)
      if (existing.length > 0) {
        const paths = existing.map((f) => display(f.path))
        const names = paths.length === 1 ? paths[0] : `${paths.slice(0, -1).join(', ')} and ${paths.at(-1)}`
        // Parts none of whose files exist yet can be written on their own.
        const missing = parts.filter((p) => plan.files.some((f) => f.part === p) && !existing.some((f) => f.part === p))
        const suggestions = ['Use --force to overwrite (answers already in certificate.yaml are kept), or edit the files.']
        if (missing.length > 0) suggestions.push(`To write only what is missing: odcheck init ${args.path} ${missing.map((p) => `--${p}`).join(' ')}`)
        throw new UsageError(`${names} already ${paths.length === 1 ? 'exists' : 'exist'}; nothing was written.`, suggestions)
      }
    }
    for (const file of plan.files) {
      try {
        await writeOutputFile(file.path, file.content, flags.force)
      } catch (error) {
        if (error instanceof OutputPathError) throw new UsageError(error.message)
        throw error
      }
    }

    const out: InitResult = {folder: display(folder), written: plan.files.map((f) => ({path: display(f.path), summary: f.summary})), skipped: plan.skipped, next: plan.next}
    for (const w of out.written) this.log(`Wrote ${w.path}: ${w.summary}.`)
    for (const s of plan.skipped) this.log(`No ${s.part === 'metadata' ? 'odcheck.yaml' : s.part === 'schema' ? 'schema' : 'certificate.yaml'}: ${s.reason}`)
    for (const note of notes) this.log(note)
    if (plan.next.length > 0) {
      this.log('\nNext:')
      plan.next.forEach((step, i) => this.log(`  ${i + 1}. ${step}`))
    }
    return out
  }
}
