/** Validators for the metadata layer's own JSON Schemas (kept apart from the engine's ajv instance). */
import {join} from 'node:path'
import type {ErrorObject, ValidateFunction} from 'ajv'
import {packageRoot} from '../load/package-root.js'
import {schemaFileValidator} from './ajv.js'

export const metadataSchemasDir = join(packageRoot, 'schemas')

export function metadataSchemaValidator(file: string): ValidateFunction {
  return schemaFileValidator('metadata', metadataSchemasDir, file)
}

const SPELLINGS: Record<string, string> = {license: 'licence', contact: 'contactPoint', files: 'distributions', resources: 'distributions', frequency: 'updateFrequency', homepage: 'landingPage', keyword: 'keywords', sources: 'provenance', license_id: 'licence'}

/** `publisher.email: must be string`, `(top level): unknown key "license" (did you mean "licence"?)`. */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const e of errors ?? []) {
    // oneOf failures repeat each branch's complaint; the first one and the summary are enough.
    if (e.keyword === 'oneOf') continue
    const path = e.instancePath.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.') || '(top level)'
    let message = e.message ?? 'is invalid'
    if (e.keyword === 'additionalProperties') {
      const key = (e.params as {additionalProperty: string}).additionalProperty
      message = `unknown key "${key}"${SPELLINGS[key] ? ` (did you mean "${SPELLINGS[key]}"?)` : ''}`
    }
    if (e.keyword === 'enum') message += ` (${(e.params as {allowedValues: unknown[]}).allowedValues.join(', ')})`
    const line = `${path}: ${message}`
    if (!seen.has(line)) out.push(line)
    seen.add(line)
  }
  return out
}
