/** Validators for the engine's own schemas (config, rule sets) and check options: one ajv instance, filling in defaults. */
import type {Ajv, ErrorObject, ValidateFunction} from 'ajv'
import {schemaFileValidator, setAjv} from '../metadata/ajv.js'
import {schemasDir} from './paths.js'

/** The engine's ajv: fills defaults, knows formats. Created on first use. */
export function engineAjv(): Ajv {
  return setAjv('engine')
}

/** A validator for one of schemas/ (compiled at build while the file is unchanged). */
export function schemaValidator(file: string): ValidateFunction {
  return schemaFileValidator('engine', schemasDir, file)
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
