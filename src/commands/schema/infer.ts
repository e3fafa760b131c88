import {resolve} from 'node:path'
import {Args, Flags} from '@oclif/core'
import {inferTableSchema, type InferredSchema} from '../../assess/infer/infer.js'
import {formatFor, schemaText, type SchemaKind} from '../../assess/infer/output.js'
import {UsageError} from '../../engine/errors.js'
import {ArchiveReader} from '../../load/archive.js'
import {archiveOf, compressionOf} from '../../load/archive-kind.js'
import {discover, resourceName} from '../../load/discover.js'
import {RDF_SYNTAX_NAMES, rdfSyntaxOf} from '../../load/rdf-kind.js'
import {OutputPathError, writeOutputFile} from '../../report/write-output.js'
import {SourceError} from '../../table/errors.js'
import {BaseCommand} from '../base.js'
import {delimiterFlag} from '../_delimiter.js'
import {encodingFlag} from '../_encoding.js'
import {listSome, plural} from '../../shared/text.js'

interface InferOutput {
  file: string
  rows: number
  schema: InferredSchema | Record<string, unknown>
  primaryKeyCandidates: string[]
  /** Columns all different but counts or amounts, so not proposed as keys. */
  uniqueMeasures: string[]
  missingSeen: Record<string, number>
  output?: string
}

/** The one table inside a .zip or .gz (or named through a zip: spend.zip/spend.csv), decompressed by `archives`. */
async function tableInArchive(archives: ArchiveReader, input: string, cwd: string): Promise<string> {
  const {resources, problems} = await discover([input], cwd)
  if (problems.length > 0) throw new UsageError(problems.map((p) => p.message).join('\n'))
  const tables = await archives.expand(resources, new Set([resolve(cwd, input)]))
  const [first] = tables
  if (first.unreadable !== undefined) throw new UsageError(first.unreadable)
  if (tables.length > 1) {
    const names = tables.map((t) => t.innerpath ?? t.name)
    throw new UsageError(`${input} holds ${plural(tables.length, 'file')} to check (${listSome(names, 3)}): a schema describes one table.`, [`Name one through the zip, e.g. odcheck schema infer ${input.replace(/\/+$/, '')}/${names[0]}`])
  }
  return first.file ?? first.path
}

export default class SchemaInfer extends BaseCommand {
  static summary = 'Infer a Table Schema (or CSVW metadata) from a table.'
  static description = `Reads every row once and writes a Frictionless Table Schema that fits the table: each column's type and format (UK dates such as dd/mm/yyyy, decimal commas, currency signs and percentages), "required" where no value is missing, an "enum" for columns of a few repeated values, the missing-value markers seen (NA, N/A, .., x) and a primary key where a column's values are all present and different, identifier-like columns first (named id, code, ref or number, or holding ONS GSS codes) and never a count, amount or decimal measure. Checking the table with the schema finds nothing; edit it to say what the data should be.
Writes YAML or JSON by the output's extension (YAML to the terminal); never overwrites a file without --force.
Exit codes: 0 written, 2 usage error or a table that cannot be read.`

  static examples = [
    '<%= config.bin %> schema infer spend.csv',
    '<%= config.bin %> schema infer spend.csv --output spend.schema.yaml',
    '<%= config.bin %> check spend.csv --schema spend.schema.yaml',
    '<%= config.bin %> schema infer spend.csv --as csvw --output spend.csv-metadata.json',
  ]

  static enableJsonFlag = true

  static args = {
    file: Args.string({description: 'the table (CSV or TSV; a .gz, or a file in a zip named through it: spend.zip/spend.csv) to infer a schema from', required: true}),
  }

  static flags = {
    as: Flags.option({options: ['table-schema', 'csvw'] as const, default: 'table-schema', description: 'write a Frictionless Table Schema, or CSV on the Web metadata'})(),
    output: Flags.string({char: 'o', description: 'write to this file (.yaml/.yml: YAML, .json: JSON) instead of the terminal'}),
    force: Flags.boolean({description: 'overwrite the output file if it exists'}),
    encoding: Flags.string({description: 'read the table in this encoding instead of detecting it (e.g. windows-1252)'}),
    delimiter: Flags.string({description: 'use this delimiter instead of sniffing it (use "\\t" for tab)'}),
    header: Flags.boolean({allowNo: true, description: 'whether the table has a header row (--no-header when it does not)'}),
  }

  async run(): Promise<InferOutput> {
    const {args, flags} = await this.parse(SchemaInfer)
    const cwd = process.cwd()
    const table = resolve(cwd, args.file)
    const kind = flags.as as SchemaKind
    const output = flags.output === undefined ? undefined : resolve(cwd, flags.output)
    if (output === table) throw new UsageError(`--output ${flags.output} is the table itself: odcheck never writes over your data.`, ['Name a new file, such as spend.schema.yaml.'])
    if (kind === 'csvw' && output && /\.ya?ml$/i.test(output)) throw new UsageError('CSVW metadata is JSON (JSON-LD), not YAML.', ['Name the output …-metadata.json, e.g. spend.csv-metadata.json.'])
    // Turtle and N-Triples would otherwise read as one-column CSV (a field named "@prefix ex: <...> ."); XML and JSON-LD the opener refuses.
    const syntax = /\.xml$/i.test(table) ? undefined : rdfSyntaxOf(table)
    if (syntax) {
      throw new UsageError(`${resourceName(table, cwd)} is RDF data (${RDF_SYNTAX_NAMES[syntax]}), not a table: a Table Schema describes the columns of a CSV or TSV file.`, [`Check the RDF with: odcheck check ${args.file}`])
    }
    let result
    const archives = new ArchiveReader()
    try {
      const file = compressionOf(table) || archiveOf(table) ? await tableInArchive(archives, args.file, cwd) : table
      result = await inferTableSchema(file, {encoding: encodingFlag(flags.encoding), delimiter: delimiterFlag(flags.delimiter), header: flags.header})
    } catch (error) {
      if (error instanceof SourceError) throw new UsageError(error.message)
      throw error
    } finally {
      await archives.close()
    }
    const format = formatFor(output, kind)
    const text = schemaText(result, kind, format, {table, output, source: resourceName(table, cwd)})
    if (output) {
      try {
        await writeOutputFile(output, text, flags.force)
      } catch (error) {
        if (error instanceof OutputPathError) throw new UsageError(error.message)
        throw error
      }
      if (!this.jsonEnabled()) this.log(`Wrote ${resourceName(output, cwd)}: ${kind === 'csvw' ? 'CSVW metadata' : 'a Table Schema'} of ${plural(result.schema.fields.length, 'field')} from ${plural(result.rows, 'row')}${result.schema.primaryKey ? `, primary key ${result.schema.primaryKey.join(', ')}` : ''}.`)
    } else if (!this.jsonEnabled()) this.log(text.replace(/\n$/, ''))
    return {
      file: resourceName(table, cwd),
      rows: result.rows,
      schema: kind === 'csvw' ? (JSON.parse(text) as Record<string, unknown>) : result.schema,
      primaryKeyCandidates: result.primaryKeyCandidates,
      uniqueMeasures: result.uniqueMeasures,
      missingSeen: result.missingSeen,
      ...(output ? {output: resourceName(output, cwd)} : {}),
    }
  }
}
