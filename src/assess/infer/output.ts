/** An inferred schema as the text of a file: a Table Schema in YAML (with notes as comments) or JSON, or CSVW metadata in JSON. */
import {basename, dirname, relative, sep} from 'node:path'
import {stringify} from 'yaml'
import {csvwMetadata} from './csvw.js'
import type {InferResult} from './infer.js'
import {formatNumber} from '../../shared/text.js'

export type SchemaKind = 'table-schema' | 'csvw'
export type TextFormat = 'yaml' | 'json'

export function formatFor(path: string | undefined, kind: SchemaKind): TextFormat {
  if (kind === 'csvw') return 'json'
  return path === undefined || /\.ya?ml$/i.test(path) ? 'yaml' : 'json'
}

function notes(result: InferResult, source: string): string[] {
  const lines = [`Table Schema inferred by odcheck from ${source} (${formatNumber(result.rows)} rows). Check each type before you publish it.`]
  if (result.schema.primaryKey) lines.push(`Columns with a value in every row, all different (primary key candidates): ${result.primaryKeyCandidates.join(', ')}.`)
  else if (result.primaryKeyCandidates.length > 0 && result.rows > 1) {
    lines.push(
      `Columns with a value in every row, all different in these ${formatNumber(result.rows)} rows: ${result.primaryKeyCandidates.join(', ')}. ` +
        'None is named or written like an identifier (an id, code, reference or number; ONS GSS codes, UUIDs, URIs), so no primaryKey is set: ' +
        'add one only if its values identify each row in every release.',
    )
  }
  if (result.uniqueMeasures.length > 0) lines.push(`Not proposed as a key, though all different: ${result.uniqueMeasures.join(', ')} (counts or amounts, which identify nothing).`)
  const missing = Object.entries(result.missingSeen)
  if (missing.length > 0) lines.push(`Missing-value markers seen: ${missing.map(([m, n]) => `"${m}" (${formatNumber(n)} cells)`).join(', ')}.`)
  return lines
}

/**
 * The text to write. `output` is where it goes (for the CSVW `url` of the table, relative to
 * the metadata file); `source` is how to name the table in notes.
 */
export function schemaText(result: InferResult, kind: SchemaKind, format: TextFormat, options: {table: string; output?: string; source: string}): string {
  if (kind === 'csvw') {
    const url = options.output ? relative(dirname(options.output), options.table).split(sep).join('/') : basename(options.table)
    return `${JSON.stringify(csvwMetadata(result, url), null, 2)}\n`
  }
  if (format === 'json') return `${JSON.stringify(result.schema, null, 2)}\n`
  const comments = notes(result, options.source).map((line) => `# ${line}`)
  return `${comments.join('\n')}\n${stringify(result.schema, {lineWidth: 0})}`
}
