/**
 * What a file format means for openness. Two notions of "open" differ on purpose:
 * - `openStandard` follows the ODI certificate's autocomplete (data_kitten): XLSX, PDF and HTML
 *   count as open standard formats, XLS and DOC do not;
 * - `nonProprietary` follows the 5-star scheme (5stardata.info): CSV rather than Excel, so
 *   spreadsheets stay at ★★ while CSV, JSON, GeoJSON, XML and RDF reach ★★★.
 */

export interface FormatFacts {
  /** Normalised name: csv, xlsx, ttl, ... */
  format: string
  /** Data a program can read field by field (tables, trees, graphs), not documents. */
  structured: boolean
  openStandard: boolean
  nonProprietary: boolean
  rdf: boolean
}

type Row = [structured: boolean, openStandard: boolean, nonProprietary: boolean, rdf?: boolean]

const FORMATS: Record<string, Row> = {
  csv: [true, true, true],
  tsv: [true, true, true],
  json: [true, true, true],
  geojson: [true, true, true],
  xml: [true, true, true],
  kml: [true, true, true],
  gml: [true, true, true],
  ods: [true, true, true],
  rdf: [true, true, true, true],
  ttl: [true, true, true, true],
  nt: [true, true, true, true],
  nq: [true, true, true, true],
  n3: [true, true, true, true],
  trig: [true, true, true, true],
  jsonld: [true, true, true, true],
  xlsx: [true, true, false],
  xls: [true, false, false],
  shp: [true, false, false],
  pdf: [false, true, false],
  html: [false, true, false],
  docx: [false, true, false],
  odt: [false, true, true],
  doc: [false, false, false],
}

const ALIASES: Record<string, string> = {
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  tab: 'tsv',
  'application/json': 'json',
  'application/geo+json': 'geojson',
  'application/vnd.geo+json': 'geojson',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/vnd.google-earth.kml+xml': 'kml',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/rdf+xml': 'rdf',
  'rdf/xml': 'rdf',
  rdfxml: 'rdf',
  owl: 'rdf',
  'text/turtle': 'ttl',
  turtle: 'ttl',
  'application/n-triples': 'nt',
  ntriples: 'nt',
  'n-triples': 'nt',
  'application/n-quads': 'nq',
  'text/n3': 'n3',
  'application/trig': 'trig',
  'application/ld+json': 'jsonld',
  'json-ld': 'jsonld',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
  excel: 'xls',
  'application/pdf': 'pdf',
  'text/html': 'html',
  htm: 'html',
  webpage: 'html',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
  shapefile: 'shp',
  'esri shapefile': 'shp',
}

function normalise(text: string): string {
  const t = text.trim().toLowerCase().replace(/;.*$/, '').replace(/^\./, '')
  return ALIASES[t] ?? t
}

/** Facts about a format named by a format string, a media type or a file name / URL; undefined when unknown. */
export function formatFacts(...hints: Array<string | undefined>): FormatFacts | undefined {
  for (const hint of hints) {
    if (!hint) continue
    let name = normalise(hint)
    if (!FORMATS[name]) {
      const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(hint.trim())
      if (ext) name = normalise(ext[1])
    }
    const row = FORMATS[name]
    if (row) return {format: name, structured: row[0], openStandard: row[1], nonProprietary: row[2], rdf: row[3] === true}
  }
  return undefined
}

const ARCHIVES: Record<string, string> = {
  zip: 'zip',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
  gz: 'gzip',
  gzip: 'gzip',
  'application/gzip': 'gzip',
  tgz: 'tar',
  tar: 'tar',
  'application/x-tar': 'tar',
  '7z': '7z',
  'application/x-7z-compressed': '7z',
  rar: 'rar',
  'application/vnd.rar': 'rar',
}

/** The archive format a format string, media type or file name / URL names (zip, gzip, tar, 7z, rar), if any. */
export function archiveFormat(...hints: Array<string | undefined>): string | undefined {
  for (const hint of hints) {
    if (!hint) continue
    const t = hint.trim().toLowerCase().replace(/;.*$/, '').replace(/^\./, '')
    if (ARCHIVES[t]) return ARCHIVES[t]
    // A gzipped tar is a tar archive, as its readers see it.
    if (/\.tar\.gz(?:[?#].*)?$/.test(t)) return 'tar'
    const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(t)
    if (ext && ARCHIVES[ext[1]]) return ARCHIVES[ext[1]]
  }
  return undefined
}
