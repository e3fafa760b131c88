#!/usr/bin/env node
/**
 * Compiles odcheck's own JSON Schemas (schemas/) to standalone validator modules in
 * dist/validators/, with ajv's standalone code generation: creating an ajv instance and
 * compiling the Table Schema profile cost each run that reads a schema, a data package or a
 * config about 0.1 s. Each module records the SHA-256 of the schema text it was made from;
 * src/metadata/ajv.ts uses it only while the schema file is unchanged, and compiles at run
 * time otherwise. The option sets here must match VALIDATOR_SETS in src/metadata/ajv.ts.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const {Ajv} = require('ajv')
const standaloneCode = require('ajv/dist/standalone').default
const addFormats = require('ajv-formats')

/** Option set → ajv options, whether formats are known, and the schema files compiled with it. */
const SETS = {
  metadata: {options: {allErrors: true, strict: false}, formats: false, files: ['odcheck-metadata.schema.json']},
  profile: {options: {allErrors: true, strict: false}, formats: true, files: ['frictionless/data-package.json', 'frictionless/table-schema.json', 'frictionless/table-dialect.json']},
  engine: {options: {allErrors: true, useDefaults: true, strict: false}, formats: true, files: ['config.schema.json', 'rule-set.schema.json']},
}

for (const [set, {options, formats, files}] of Object.entries(SETS)) {
  for (const file of files) {
    const text = readFileSync(join(root, 'schemas', file), 'utf8')
    const ajv = new Ajv({...options, code: {source: true}})
    if (formats) addFormats(ajv)
    const code = standaloneCode(ajv, ajv.compile(JSON.parse(text)))
    const hash = createHash('sha256').update(text).digest('hex')
    const out = join(root, 'dist', 'validators', set, file.replace(/\.json$/, '.cjs'))
    mkdirSync(dirname(out), {recursive: true})
    writeFileSync(`${out}.tmp`, `${code}\nmodule.exports.schemaHash = ${JSON.stringify(hash)};\n`)
    renameSync(`${out}.tmp`, out)
  }
}
console.log('compiled validators into dist/validators/')
