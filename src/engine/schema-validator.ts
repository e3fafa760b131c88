/** One ajv instance for the engine's own schemas (config, rule sets, check options). */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Ajv, ErrorObject, ValidateFunction} from 'ajv'
import {createAjv} from '../metadata/ajv.js'
import {schemasDir} from './paths.js'

let instance: Ajv | undefined

/** The engine's ajv: fills defaults, knows formats. Created on first use. */
export function engineAjv(): Ajv {
  return (instance ??= createAjv({allErrors: true, useDefaults: true, strict: false}, {formats: true}))
}

const cache = new Map<string, ValidateFunction>()

export function schemaValidator(file: string): ValidateFunction {
  let validate = cache.get(file)
  if (!validate) {
    validate = engineAjv().compile(JSON.parse(readFileSync(join(schemasDir, file), 'utf8')))
    cache.set(file, validate)
  }
  return validate
}

/** `rules.encoding-error.severity: must be equal to one of the allowed values (off, info, warning, error)` */
export function describeErrors(errors: ErrorObject[] | null | undefined, root = ''): string[] {
  return (errors ?? []).map((e) => {
    const path = (root + e.instancePath).replace(/^\//, '').replace(/\//g, '.') || '(top level)'
    let message = e.message ?? 'is invalid'
    if (e.keyword === 'enum') message += ` (${(e.params as {allowedValues: unknown[]}).allowedValues.join(', ')})`
    if (e.keyword === 'additionalProperties') message = `has unknown key "${(e.params as {additionalProperty: string}).additionalProperty}"`
    return `${path}: ${message}`
  })
}
