/**
 * json-schema-error: JSON data that does not match the JSON Schema it is published with
 * (`--schema`, or its data package resource's `schema`). One finding per ajv error, at the JSON
 * Pointer of the value, with the keyword that failed and what the schema allows. A schema that
 * cannot be used is one finding too (messageId `schema`), so the run goes on.
 */
import type {ErrorObject} from 'ajv'
import {defineCheck} from '../../engine/check.js'
import type {FindingInput} from '../../engine/types.js'
import {maskIfPersonal} from '../privacy/mask.js'
import {compileJsonSchema, significantErrors} from './json-schema.js'
import {describePointer, valueAt} from './pointer.js'

const MAX_VALUE_LENGTH = 100

/** A scalar value as a finding may quote it: shortened and masked when it looks personal. */
export function quoted(value: unknown): string | number | boolean | null | undefined {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value
  if (typeof value !== 'string') return undefined
  const masked = maskIfPersonal(value)
  return masked.length > MAX_VALUE_LENGTH ? `${masked.slice(0, MAX_VALUE_LENGTH)}…` : masked
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

const KEYWORD_MESSAGES = new Set(['enum', 'const', 'type', 'required', 'additionalProperties', 'format', 'pattern'])

function findingOf(error: ErrorObject, document: unknown): FindingInput {
  const params = error.params as Record<string, unknown>
  const value = valueAt(document, error.instancePath)
  const details: Record<string, unknown> = {pointer: error.instancePath, at: describePointer(error.instancePath), keyword: error.keyword, schemaPath: error.schemaPath, error: error.message ?? 'is invalid'}
  const shown = quoted(value)
  if (shown !== undefined) details.value = shown
  switch (error.keyword) {
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]
      details.allowedValues = allowed
      // Written as JSON for the message, so values with commas in them stay apart.
      details.allowedText = allowed.map((v) => JSON.stringify(v)).join(', ')
      details.valueText = shown === undefined ? `a value of type ${kindOf(value)}` : JSON.stringify(shown)
      break
    }
    case 'type':
      details.type = params.type
      details.actual = kindOf(value)
      break
    case 'required':
      details.missingProperty = params.missingProperty
      break
    case 'additionalProperties':
      details.additionalProperty = params.additionalProperty
      break
    case 'unevaluatedProperties':
      details.additionalProperty = params.unevaluatedProperty
      break
    case 'format':
      details.format = params.format
      break
    case 'pattern':
      details.pattern = params.pattern
      break
    default:
      if (params.limit !== undefined) details.limit = params.limit
  }
  const messageId = error.keyword === 'unevaluatedProperties' ? 'additionalProperties' : KEYWORD_MESSAGES.has(error.keyword) ? error.keyword : 'default'
  return {messageId, details}
}

export const jsonSchemaError = defineCheck<Record<string, never>, undefined>({
  name: 'json-schema-error',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: '{{at}} does not match the JSON Schema: it {{error}} ({{keyword}})',
    enum: '{{at}} is {{valueText}}, which is not one of the values the JSON Schema allows: {{allowedText}}',
    const: '{{at}} is {{valueText}}, but the JSON Schema allows only {{allowedText}}',
    type: '{{at}} is of type {{actual}}, but the JSON Schema wants {{type}}',
    required: '{{at}} has no "{{missingProperty}}", which the JSON Schema requires',
    additionalProperties: '{{at}} has "{{additionalProperty}}", a property the JSON Schema does not allow',
    format: '{{at}} is "{{value}}", which is not a valid {{format}}',
    pattern: '{{at}} is "{{value}}", which does not match the pattern {{pattern}}',
    schema: 'The JSON Schema {{schemaSource}} cannot be used: {{error}}',
  },
  create: () => ({
    document(doc, _head, report) {
      if (!doc.schema) return
      const compiled = compileJsonSchema(doc.schema.value, doc.schema.folder)
      if ('problem' in compiled) {
        report({messageId: 'schema', details: {schemaSource: doc.schema.source, ...compiled.problem, ...(compiled.draft ? {draft: compiled.draft} : {})}})
        return
      }
      if (compiled.validate(doc.value)) return
      for (const error of significantErrors(compiled.validate.errors ?? [])) report(findingOf(error, doc.value))
    },
  }),
})
