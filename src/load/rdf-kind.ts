/**
 * Tells RDF data (linked data about car parks, a statistical cube) from RDF that describes data
 * (a DCAT catalogue record), by content: a file that types something as a dataset or catalogue
 * (the classes src/metadata/rdf/dcat.ts reads) is metadata, any other RDF is data. A text scan,
 * not a parse: discovery asks before anything is parsed, and a broken catalogue record must
 * still be read as metadata so its syntax error is reported as one.
 */
import {extname} from 'node:path'
import escapeStringRegexp from 'escape-string-regexp'

export type RdfSyntax = 'turtle' | 'ntriples' | 'n3' | 'trig' | 'nquads' | 'rdfxml' | 'jsonld'

export const RDF_SYNTAX_BY_EXTENSION: Record<string, RdfSyntax> = {
  '.ttl': 'turtle',
  '.nt': 'ntriples',
  '.n3': 'n3',
  '.trig': 'trig',
  '.nq': 'nquads',
  '.rdf': 'rdfxml',
  '.owl': 'rdfxml',
  '.xml': 'rdfxml',
  '.jsonld': 'jsonld',
  '.json-ld': 'jsonld',
}

/** What reports call each syntax. */
export const RDF_SYNTAX_NAMES: Record<RdfSyntax, string> = {
  turtle: 'Turtle',
  ntriples: 'N-Triples',
  n3: 'N3',
  trig: 'TriG',
  nquads: 'N-Quads',
  rdfxml: 'RDF/XML',
  jsonld: 'JSON-LD',
}

/** Picked up when a folder is given (not .xml: most XML is not RDF; name an RDF/XML .xml file to check it). */
export const RDF_DATA_EXTENSIONS = ['ttl', 'nt', 'nq', 'trig', 'n3', 'rdf', 'owl', 'jsonld']

export function rdfSyntaxOf(path: string): RdfSyntax | undefined {
  return RDF_SYNTAX_BY_EXTENSION[extname(path).toLowerCase()]
}

export function isRdfFormat(format: string): format is RdfSyntax {
  return format in RDF_SYNTAX_NAMES
}

/** Namespaces and the class names in them that make a file a catalogue record. */
const CATALOGUE_CLASSES: Array<[namespace: string, classes: string[]]> = [
  ['http://www.w3.org/ns/dcat#', ['Dataset', 'Catalog']],
  ['http://schema.org/', ['Dataset', 'DataCatalog']],
  ['https://schema.org/', ['Dataset', 'DataCatalog']],
  ['http://rdfs.org/ns/void#', ['Dataset']],
  ['http://publishmydata.com/def/dataset#', ['Dataset']],
]

/** The class IRIs themselves, e.g. http://www.w3.org/ns/dcat#Dataset. */
export const CATALOGUE_CLASS_IRIS = CATALOGUE_CLASSES.flatMap(([ns, names]) => names.map((n) => ns + n))

/** Prefixes the text binds to a catalogue namespace (Turtle `@prefix p: <ns>`, XML `xmlns:p="ns"`, JSON-LD `"p": "ns"`), with the classes each may name. */
function boundPrefixes(text: string): Array<{prefix: string; classes: string[]}> {
  const found: Array<{prefix: string; classes: string[]}> = []
  for (const [ns, classes] of CATALOGUE_CLASSES) {
    const iri = escapeStringRegexp(ns)
    const pattern = new RegExp(`(?:@?prefix\\s+([\\w.-]*):\\s*<${iri}>|xmlns:([\\w.-]+)\\s*=\\s*["']${iri}["']|"([\\w.-]+)"\\s*:\\s*"${iri}")`, 'gi')
    for (const match of text.matchAll(pattern)) found.push({prefix: match[1] ?? match[2] ?? match[3], classes})
  }
  return found
}

const TYPE = '(?:\\ba|rdf:type|<http://www\\.w3\\.org/1999/02/22-rdf-syntax-ns#type>)'
/** One term of a list of types before the class: an <IRI> or a prefixed name, then a comma. */
const OTHER_TYPE = '(?:<[^>\\s]*>|[\\w-]*:[\\w.-]*)\\s*,\\s*'

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

/** The text the scans below read: without a byte order mark, and in the Turtle family without comments. */
function scannable(text: string, syntax: RdfSyntax): string {
  const body = withoutBom(text)
  return syntax === 'rdfxml' || syntax === 'jsonld' ? body : body.replace(/(^|\s)#[^\n]*/g, '$1')
}

/** Turtle, N-Triples, N3, TriG, N-Quads (comments taken out): a catalogue class as the object of `a` / rdf:type (in a list of types too). */
function typesCatalogueInTurtle(body: string): boolean {
  const classes = [...CATALOGUE_CLASS_IRIS.map((iri) => `<${escapeStringRegexp(iri)}>`), ...boundPrefixes(body).flatMap(({prefix, classes}) => classes.map((c) => `${escapeStringRegexp(prefix)}:${c}`))]
  const pattern = new RegExp(`${TYPE}\\s+(?:${OTHER_TYPE})*(?:${classes.join('|')})(?=[\\s;,.\\])]|$)`)
  return pattern.test(body)
}

/** RDF/XML: a typed node element (<dcat:Dataset>, or <Dataset xmlns="...dcat#">), or a class IRI as rdf:type's resource. */
function typesCatalogueInXml(text: string): boolean {
  if (CATALOGUE_CLASS_IRIS.some((iri) => new RegExp(`rdf:resource\\s*=\\s*["']${escapeStringRegexp(iri)}["']`).test(text))) return true
  const elements = boundPrefixes(text).flatMap(({prefix, classes}) => classes.map((c) => `${escapeStringRegexp(prefix)}:${c}`))
  if (elements.length > 0 && new RegExp(`<(?:${elements.join('|')})[\\s/>]`).test(text)) return true
  return CATALOGUE_CLASSES.some(([ns, classes]) => new RegExp(`<(?:${classes.join('|')})\\s[^>]*xmlns\\s*=\\s*["']${escapeStringRegexp(ns)}["']`).test(text))
}

/** JSON-LD: an @type (or its usual alias `type`) naming a catalogue class, by term (`Dataset`), prefixed name or IRI. */
function typesCatalogueInJsonLd(text: string): boolean {
  const names = new Set(CATALOGUE_CLASSES.flatMap(([, classes]) => classes))
  const prefixed = new Set(['dcat', 'schema', 'sdo', 'void', 'pmd', ...boundPrefixes(text).map((b) => b.prefix)])
  for (const match of text.matchAll(/"@?type"\s*:\s*(\[[^\]]*\]|"[^"]*")/g)) {
    for (const [, value] of match[1].matchAll(/"([^"]*)"/g)) {
      const [prefix, local] = value.includes(':') ? [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)] : ['', value]
      if (CATALOGUE_CLASS_IRIS.includes(value) || (names.has(local) && (prefix === '' || prefixed.has(prefix)))) return true
    }
  }
  return false
}

function typesCatalogue(body: string, syntax: RdfSyntax): boolean {
  if (syntax === 'jsonld') return typesCatalogueInJsonLd(body)
  if (syntax === 'rdfxml') return typesCatalogueInXml(body)
  return typesCatalogueInTurtle(body)
}

/** Whether RDF text types something as a dataset or catalogue, so it is a catalogue record rather than data. */
export function isRdfCatalogueText(text: string, syntax: RdfSyntax): boolean {
  return typesCatalogue(scannable(text, syntax), syntax)
}

/**
 * Beyond this many statements, a file that describes a dataset holds the data too: a dump with a
 * VoID or PublishMyData description at its head. Catalogue records hold a few dozen at most (the
 * corpus's largest, 11 resources in RDF/XML).
 */
export const MIXED_MIN_STATEMENTS = 100

/** About how many statements (Turtle), described resources (RDF/XML) or nodes (JSON-LD) the text (scannable's) holds: enough to tell a record from a dump. */
function statementEstimate(body: string, syntax: RdfSyntax): number {
  if (syntax === 'rdfxml') return body.match(/\brdf:(?:about|nodeID)\s*=/g)?.length ?? 0
  if (syntax === 'jsonld') return body.match(/"@id"\s*:/g)?.length ?? 0
  const ends = body.match(/\.[ \t]*$/gm)?.length ?? 0
  const prefixes = body.match(/^\s*@?(?:prefix|base)\b/gim)?.length ?? 0
  return ends - prefixes
}

/** What an RDF file holds: data, a catalogue record describing a dataset, or both (a dump that describes itself). */
export type RdfContent = 'data' | 'record' | 'both'

export function rdfContent(text: string, syntax: RdfSyntax): RdfContent {
  // Scanned once for both questions: the text may be megabytes.
  const body = scannable(text, syntax)
  if (!typesCatalogue(body, syntax)) return 'data'
  return statementEstimate(body, syntax) > MIXED_MIN_STATEMENTS ? 'both' : 'record'
}

/** Whether text is RDF/XML (an .xml file may hold any XML): it starts as XML does, not with an N-Triples <IRI>, and uses the RDF namespace. */
export function isRdfXmlText(text: string): boolean {
  const body = withoutBom(text).trimStart()
  return /^<(\?xml|!--|!DOCTYPE|[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?[\s/>])/.test(body) && /rdf:RDF|22-rdf-syntax-ns#/.test(body.slice(0, 20_000))
}
