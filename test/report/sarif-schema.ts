/** An ajv validator for the official SARIF 2.1.0 JSON Schema shipped with @microsoft/jest-sarif. */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import addFormatsModule from 'ajv-formats'
import {repoRoot} from './fixture-report.js'

type AddFormats = (ajv: Ajv) => Ajv
const addFormats = ((addFormatsModule as unknown as {default?: AddFormats}).default ?? addFormatsModule) as unknown as AddFormats

/**
 * The official SARIF schema is draft-04, which ajv 8 reads only through ajv-draft-04 (not installed).
 * Its only draft-04-specific keywords are `$schema` and the top-level `id`; without them the
 * draft-07 validator applies the same constraints.
 */
let compiled: ReturnType<Ajv['compile']> | undefined

export async function sarifValidator() {
  if (compiled) return compiled
  const path = join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json')
  const {$schema: _, id: __, ...schema} = JSON.parse(await readFile(path, 'utf8'))
  // The schema's `language` pattern has a stray `]` that only a non-unicode RegExp accepts.
  const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
  addFormats(ajv)
  compiled = ajv.compile(schema)
  return compiled
}
