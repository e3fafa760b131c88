/**
 * Tells JSON data (GeoJSON, records, any other JSON) from the JSON files that describe data:
 * catalogue records (told by src/load/metadata.ts's sniffer), Table Schemas, JSON Schemas and
 * CSV dialects. Pure functions of the content; the metadata detector reads the file.
 */

export const GEOJSON_GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']
export const GEOJSON_TYPES = ['FeatureCollection', 'Feature', ...GEOJSON_GEOMETRY_TYPES]

const GEOJSON_START = new RegExp(`^\\s*\\{\\s*"type"\\s*:\\s*"(${GEOJSON_TYPES.join('|')})"`)

/** Keys a broken catalogue record is known by when its JSON cannot be parsed (as the metadata sniffer's fallback). */
const METADATA_HINTS = /"(tableSchema|@context|success|license_id|owner_org|num_resources|resources|distribution)"\s*:/

const JSON_SCHEMA_KEYWORDS = new Set([
  '$schema', '$id', 'id', '$ref', '$defs', 'definitions', '$comment', '$anchor', '$dynamicRef', '$dynamicAnchor', '$recursiveRef', '$recursiveAnchor', '$vocabulary',
  'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly',
  'type', 'enum', 'const', 'format', 'properties', 'patternProperties', 'additionalProperties', 'propertyNames', 'required', 'minProperties', 'maxProperties',
  'dependencies', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties', 'unevaluatedItems',
  'items', 'prefixItems', 'additionalItems', 'contains', 'minContains', 'maxContains', 'minItems', 'maxItems', 'uniqueItems',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'contentMediaType', 'contentEncoding',
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else',
])
const JSON_SCHEMA_STRUCTURE = ['type', 'properties', 'items', '$ref', 'allOf', 'anyOf', 'oneOf', 'enum', 'const', '$defs', 'definitions']

const DIALECT_KEYS = new Set(['$schema', 'delimiter', 'lineTerminator', 'quoteChar', 'doubleQuote', 'escapeChar', 'nullSequence', 'skipInitialSpace', 'header', 'headerRows', 'headerJoin', 'commentChar', 'commentRows', 'caseSensitiveHeader', 'csvddfVersion', 'skipBlankRows', 'skipRows', 'trim', 'encoding'])

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A GeoJSON object: `type` is FeatureCollection, Feature or a geometry type. */
export function isGeoJsonValue(value: unknown): boolean {
  return isObject(value) && typeof value.type === 'string' && GEOJSON_TYPES.includes(value.type)
}

/** Whether a document is a schema, and which kind: a Frictionless Table Schema (`fields`) or a JSON Schema. */
export function schemaKind(value: unknown): 'table-schema' | 'json-schema' | undefined {
  if (!isObject(value) || isGeoJsonValue(value)) return undefined
  if (Array.isArray(value.fields) && value.fields.every((f) => isObject(f))) return 'table-schema'
  if (typeof value.$schema === 'string' && /json-schema\.org/i.test(value.$schema)) return 'json-schema'
  const keys = Object.keys(value)
  if (keys.length > 0 && keys.every((k) => JSON_SCHEMA_KEYWORDS.has(k)) && JSON_SCHEMA_STRUCTURE.some((k) => k in value)) return 'json-schema'
  return undefined
}

function isDialect(value: unknown): boolean {
  if (!isObject(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((k) => DIALECT_KEYS.has(k)) && ('delimiter' in value || 'header' in value || 'quoteChar' in value)
}

/**
 * The catalogue sniffer counts any array holding an object with a `title` as DCAT-US; a list of
 * records with titles (consultations, events) is data unless it also carries catalogue keys.
 */
function isCatalogueArray(value: unknown[]): boolean {
  return value.some((d) => isObject(d) && ('distribution' in d || ('title' in d && ['identifier', 'accessLevel', 'publisher', 'keyword', 'modified'].some((k) => k in d))))
}

/**
 * Whether JSON text is data to check rather than a description of data. `isMetadata` is the
 * catalogue sniffer (CKAN, DCAT, data package, CSVW). Text that is not valid JSON is data unless
 * it carries a catalogue's keys, so the JSON reader can say where the syntax error is.
 */
export function isJsonDataText(text: string, isMetadata: (value: unknown) => boolean): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (GEOJSON_START.test(body.slice(0, 4096))) return true
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return !METADATA_HINTS.test(body.slice(0, 65_536))
  }
  if (isGeoJsonValue(value)) return true
  if (Array.isArray(value)) return !isCatalogueArray(value)
  return !isMetadata(value) && schemaKind(value) === undefined && !isDialect(value)
}
