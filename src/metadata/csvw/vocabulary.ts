/** The CSVW metadata vocabulary: which properties each kind of description takes, and the built-in datatypes. */

export type DescriptionKind = 'TableGroup' | 'Table' | 'Schema' | 'Column' | 'Dialect' | 'Template' | 'Datatype'

/** Properties any of TableGroup, Table, Schema and Column may carry, inherited downwards. */
export const INHERITED = ['aboutUrl', 'datatype', 'default', 'lang', 'null', 'ordered', 'propertyUrl', 'required', 'separator', 'textDirection', 'valueUrl'] as const

export const PROPERTIES: Record<DescriptionKind, readonly string[]> = {
  TableGroup: ['tables', 'dialect', 'notes', 'tableDirection', 'tableSchema', 'transformations', ...INHERITED],
  Table: ['url', 'dialect', 'notes', 'suppressOutput', 'tableDirection', 'tableSchema', 'transformations', ...INHERITED],
  Schema: ['columns', 'foreignKeys', 'primaryKey', 'rowTitles', ...INHERITED],
  Column: ['name', 'suppressOutput', 'titles', 'virtual', ...INHERITED],
  Dialect: ['commentPrefix', 'delimiter', 'doubleQuote', 'encoding', 'header', 'headerRowCount', 'lineTerminators', 'quoteChar', 'skipBlankRows', 'skipColumns', 'skipInitialSpace', 'skipRows', 'trim'],
  Template: ['url', 'scriptFormat', 'targetFormat', 'source', 'titles'],
  Datatype: ['base', 'format', 'length', 'minLength', 'maxLength', 'minimum', 'maximum', 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'],
}

/** Where a property belongs, for a warning that names the right place when it is misplaced. */
export function homeOf(property: string): DescriptionKind | undefined {
  for (const kind of ['Column', 'Table', 'TableGroup', 'Schema', 'Dialect', 'Datatype'] as const) if (PROPERTIES[kind].includes(property)) return kind
  return undefined
}

const XSD = 'http://www.w3.org/2001/XMLSchema#'

/** Built-in datatype names and the datatype each is derived from. */
export const DATATYPE_PARENT: Record<string, string | undefined> = {
  anyAtomicType: undefined,
  anyURI: 'anyAtomicType',
  base64Binary: 'anyAtomicType',
  boolean: 'anyAtomicType',
  date: 'anyAtomicType',
  dateTime: 'anyAtomicType',
  dateTimeStamp: 'dateTime',
  decimal: 'anyAtomicType',
  integer: 'decimal',
  long: 'integer',
  int: 'long',
  short: 'int',
  byte: 'short',
  nonNegativeInteger: 'integer',
  positiveInteger: 'nonNegativeInteger',
  unsignedLong: 'nonNegativeInteger',
  unsignedInt: 'unsignedLong',
  unsignedShort: 'unsignedInt',
  unsignedByte: 'unsignedShort',
  nonPositiveInteger: 'integer',
  negativeInteger: 'nonPositiveInteger',
  double: 'anyAtomicType',
  duration: 'anyAtomicType',
  dayTimeDuration: 'duration',
  yearMonthDuration: 'duration',
  float: 'anyAtomicType',
  gDay: 'anyAtomicType',
  gMonth: 'anyAtomicType',
  gMonthDay: 'anyAtomicType',
  gYear: 'anyAtomicType',
  gYearMonth: 'anyAtomicType',
  hexBinary: 'anyAtomicType',
  QName: 'anyAtomicType',
  string: 'anyAtomicType',
  normalizedString: 'string',
  token: 'normalizedString',
  language: 'token',
  Name: 'token',
  NCName: 'Name',
  ENTITY: 'NCName',
  ID: 'NCName',
  IDREF: 'NCName',
  NMTOKEN: 'token',
  time: 'anyAtomicType',
  NOTATION: 'anyAtomicType',
  // CSVW's own names.
  any: 'anyAtomicType',
  binary: 'base64Binary',
  datetime: 'dateTime',
  number: 'double',
  json: 'string',
  xml: 'string',
  html: 'string',
}

export function isBuiltInDatatype(name: unknown): name is string {
  return typeof name === 'string' && Object.hasOwn(DATATYPE_PARENT, name)
}

const derived = new Map<string, boolean>()

/** Whether `name` is `ancestor` or derived from it (asked for every cell, so remembered). */
export function derivesFrom(name: string, ancestor: string): boolean {
  const key = `${name}<${ancestor}`
  let found = derived.get(key)
  if (found === undefined) {
    found = false
    for (let n: string | undefined = name; n; n = DATATYPE_PARENT[n]) if (n === ancestor) found = true
    if (derived.size < 10_000) derived.set(key, found)
  }
  return found
}

const ALIAS_IRI: Record<string, string> = {
  any: `${XSD}anyAtomicType`,
  binary: `${XSD}base64Binary`,
  datetime: `${XSD}dateTime`,
  number: `${XSD}double`,
  json: 'http://www.w3.org/ns/csvw#JSON',
  xml: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral',
  html: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#HTML',
}

export function datatypeIri(name: string): string {
  return ALIAS_IRI[name] ?? `${XSD}${name}`
}

export const BUILT_IN_IRIS = new Set(Object.keys(DATATYPE_PARENT).map(datatypeIri))

export const isNumeric = (base: string) => derivesFrom(base, 'decimal') || derivesFrom(base, 'double') || derivesFrom(base, 'float')
export const isDateTime = (base: string) => ['date', 'dateTime', 'datetime', 'dateTimeStamp', 'time'].includes(base)
export const isCalendar = (base: string) => isDateTime(base) || ['gDay', 'gMonth', 'gMonthDay', 'gYear', 'gYearMonth'].includes(base)
export const isDuration = (base: string) => derivesFrom(base, 'duration')
export const isBinary = (base: string) => derivesFrom(base, 'base64Binary') || base === 'hexBinary'
/** Bases `length`, `minLength` and `maxLength` apply to. */
export const takesLength = (base: string) => derivesFrom(base, 'string') || isBinary(base)
/** Bases `minimum`, `maximum` and the other value constraints apply to. */
export const takesRange = (base: string) => isNumeric(base) || isCalendar(base) || isDuration(base)

/** Prefixes the CSVW context defines (RDFa's initial context), for expanding prefixed names. */
export const PREFIXES: Record<string, string> = {
  as: 'https://www.w3.org/ns/activitystreams#',
  cc: 'http://creativecommons.org/ns#',
  csvw: 'http://www.w3.org/ns/csvw#',
  ctag: 'http://commontag.org/ns#',
  dc: 'http://purl.org/dc/terms/',
  dc11: 'http://purl.org/dc/elements/1.1/',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  dctypes: 'http://purl.org/dc/dcmitype/',
  dqv: 'http://www.w3.org/ns/dqv#',
  duv: 'https://www.w3.org/ns/duv#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  gr: 'http://purl.org/goodrelations/v1#',
  grddl: 'http://www.w3.org/2003/g/data-view#',
  ical: 'http://www.w3.org/2002/12/cal/icaltzd#',
  jsonld: 'http://www.w3.org/ns/json-ld#',
  ldp: 'http://www.w3.org/ns/ldp#',
  ma: 'http://www.w3.org/ns/ma-ont#',
  oa: 'http://www.w3.org/ns/oa#',
  odrl: 'http://www.w3.org/ns/odrl/2/',
  og: 'http://ogp.me/ns#',
  org: 'http://www.w3.org/ns/org#',
  owl: 'http://www.w3.org/2002/07/owl#',
  prov: 'http://www.w3.org/ns/prov#',
  qb: 'http://purl.org/linked-data/cube#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfa: 'http://www.w3.org/ns/rdfa#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  rev: 'http://purl.org/stuff/rev#',
  rif: 'http://www.w3.org/2007/rif#',
  rr: 'http://www.w3.org/ns/r2rml#',
  schema: 'http://schema.org/',
  sd: 'http://www.w3.org/ns/sparql-service-description#',
  sioc: 'http://rdfs.org/sioc/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  skosxl: 'http://www.w3.org/2008/05/skos-xl#',
  sosa: 'http://www.w3.org/ns/sosa/',
  ssn: 'http://www.w3.org/ns/ssn/',
  time: 'http://www.w3.org/2006/time#',
  v: 'http://rdf.data-vocabulary.org/#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  void: 'http://rdfs.org/ns/void#',
  wdr: 'http://www.w3.org/2007/05/powder#',
  wdrs: 'http://www.w3.org/2007/05/powder-s#',
  xhv: 'http://www.w3.org/1999/xhtml/vocab#',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xsd: XSD,
}

/** Terms of the CSVW context that name classes, usable as `@type` values. */
export const CSVW_CLASSES = new Set([
  'Cell', 'Column', 'Datatype', 'Dialect', 'Direction', 'ForeignKey', 'JSON', 'NumericFormat', 'Row', 'Schema', 'Table', 'TableGroup', 'TableReference', 'Transformation',
  ...Object.keys(DATATYPE_PARENT),
])
