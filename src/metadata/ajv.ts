/**
 * ajv instances, with ajv and ajv-formats required on first use: most runs validate no JSON
 * Schema at all (built-in rule options are validated at build time), and loading ajv and
 * setting up its meta-schemas cost every start about 60 ms.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import type {Ajv, Options, ValidateFunction} from 'ajv'

const require = createRequire(import.meta.url)

type AjvClass = new (options: Options) => Ajv
export type JsonSchemaDialect = 'draft-07' | '2019-09' | '2020-12'

export function createAjv(options: Options, {formats = false, dialect = 'draft-07'}: {formats?: boolean; dialect?: JsonSchemaDialect} = {}): Ajv {
  const Class: AjvClass =
    dialect === '2020-12'
      ? (require('ajv/dist/2020.js') as {Ajv2020: AjvClass}).Ajv2020
      : dialect === '2019-09'
        ? (require('ajv/dist/2019.js') as {Ajv2019: AjvClass}).Ajv2019
        : (require('ajv') as {Ajv: AjvClass}).Ajv
  const ajv = new Class(options)
  if (formats) {
    // ajv-formats is CommonJS with a default export.
    const module = require('ajv-formats') as ((ajv: Ajv) => Ajv) & {default?: (ajv: Ajv) => Ajv}
    ;(module.default ?? module)(ajv)
  }
  return ajv
}

/**
 * The ajv settings odcheck validates its own schemas (schemas/) with: the metadata layer's
 * files, the Frictionless profiles, and the engine's config and rule-set schemas (which fill
 * in defaults). scripts/compile-validators.mjs compiles each file with the same settings at build.
 */
export type ValidatorSet = 'metadata' | 'profile' | 'engine'

const VALIDATOR_SETS: Record<ValidatorSet, {options: Options; formats: boolean}> = {
  metadata: {options: {allErrors: true, strict: false}, formats: false},
  profile: {options: {allErrors: true, strict: false}, formats: true},
  engine: {options: {allErrors: true, useDefaults: true, strict: false}, formats: true},
}

const instances = new Map<ValidatorSet, Ajv>()

/** The ajv instance of a set, created on first use (the engine's also compiles check options). */
export function setAjv(set: ValidatorSet): Ajv {
  let ajv = instances.get(set)
  if (!ajv) {
    ajv = createAjv(VALIDATOR_SETS[set].options, {formats: VALIDATOR_SETS[set].formats})
    instances.set(set, ajv)
  }
  return ajv
}

const validators = new Map<string, ValidateFunction>()

/**
 * A validator for one of odcheck's schema files (`file`, relative to `schemasDir`): the one
 * compiled at build (dist/validators/, beside schemas/) while the file is unchanged since,
 * else compiled now. Cached per file.
 */
export function schemaFileValidator(set: ValidatorSet, schemasDir: string, file: string): ValidateFunction {
  const path = join(schemasDir, file)
  let validate = validators.get(path)
  if (validate) return validate
  const text = readFileSync(path, 'utf8')
  const built = join(schemasDir, '..', 'dist', 'validators', set, file.replace(/\.json$/, '.cjs'))
  if (existsSync(built)) {
    const module = require(built) as ValidateFunction & {schemaHash?: string}
    if (module.schemaHash === createHash('sha256').update(text).digest('hex')) validate = module
  }
  validate ??= setAjv(set).compile(JSON.parse(text))
  validators.set(path, validate)
  return validate
}

