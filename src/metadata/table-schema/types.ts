/**
 * A Frictionless Table Schema (v1 or v2) after normalisation: every default filled in, keys as
 * lists, and what is wrong with the descriptor kept beside it as problems. Plain data only: it
 * travels with the table's head to worker threads.
 */

export const FIELD_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'list',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export interface FieldConstraints {
  required?: boolean
  unique?: boolean
  minLength?: number
  maxLength?: number
  /** As written in the descriptor: a number, or a string in the field's own format (dates). */
  minimum?: unknown
  maximum?: unknown
  exclusiveMinimum?: unknown
  exclusiveMaximum?: unknown
  pattern?: string
  enum?: unknown[]
}

export interface SchemaField {
  name: string
  type: FieldType
  /** `default` when the descriptor gives none. */
  format: string
  title?: string
  /** JSON path of the field in its descriptor (`$.fields[2]`, `$.resources[0].schema.fields[2]`). */
  path: string
  constraints: FieldConstraints
  /** Values that stand for "no value" in this field (the field's own list in v2, else the schema's). */
  missingValues: string[]
  decimalChar?: string
  groupChar?: string
  bareNumber?: boolean
  trueValues?: string[]
  falseValues?: string[]
  /** `list` fields: the separator and the type of each item. */
  delimiter?: string
  itemType?: FieldType
  /** v2 categories: the values a string or integer field may take. */
  categories?: Array<string | number>
  /** The descriptor is too broken to check values against (unknown type, format it cannot read). */
  unusable?: boolean
}

export interface ForeignKey {
  fields: string[]
  /** `resource` is '' for a reference within the same table. */
  reference: {resource: string; fields: string[]}
  path: string
}

export type FieldsMatch = 'exact' | 'equal' | 'subset' | 'superset' | 'partial'

export type DescriptorRule = 'package-error' | 'resource-error' | 'dialect-not-applied' | 'schema-error' | 'field-error'

/** Something wrong with a descriptor (data package, resource, Table Schema, field). */
export interface DescriptorProblem {
  rule: DescriptorRule
  /** JSONPath of the problem in the descriptor file: `$.resources[1].schema.fields[0].type`. */
  path: string
  /** Short machine-readable reason: an ajv keyword (`required`, `enum`, `type`) or odcheck's own (`bad-pattern`, `unknown-field`). */
  reason: string
  /** What is wrong, in plain words. */
  note: string
  /** The descriptor file the problem is in. */
  file: string
}

export interface TableSchema {
  fields: SchemaField[]
  missingValues: string[]
  primaryKey: string[]
  uniqueKeys: string[][]
  foreignKeys: ForeignKey[]
  fieldsMatch: FieldsMatch
  /** Whether labels must match field names in case (dialect `caseSensitiveHeader`/`headerCase`). */
  caseSensitiveHeader: boolean
  /** Problems found in the descriptor; fields they make unusable are marked `unusable`. */
  problems: DescriptorProblem[]
}
