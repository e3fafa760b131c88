/**
 * Which media types a server may answer with for a declared format. Servers often send CSV
 * as text/plain (or, from Windows, application/vnd.ms-excel), and any file as
 * application/octet-stream: those are not mismatches. An HTML page for a CSV is.
 */

const FAMILIES: Record<string, string[]> = {
  csv: ['text/csv', 'application/csv', 'text/x-csv', 'application/x-csv', 'text/comma-separated-values', 'text/x-comma-separated-values', 'application/vnd.ms-excel', 'text/plain'],
  tsv: ['text/tab-separated-values', 'text/tsv', 'text/plain'],
  json: ['application/json', 'text/json', 'application/x-json', '+json', 'text/plain'],
  geojson: ['application/geo+json', 'application/vnd.geo+json', 'application/json', '+json', 'text/plain'],
  jsonld: ['application/ld+json', 'application/json', '+json'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel', 'application/zip', 'application/x-zip-compressed'],
  xls: ['application/vnd.ms-excel', 'application/msexcel', 'application/x-msexcel', 'application/x-excel', 'application/x-ms-excel', 'application/xls'],
  ods: ['application/vnd.oasis.opendocument.spreadsheet', 'application/zip'],
  pdf: ['application/pdf', 'application/x-pdf'],
  zip: ['application/zip', 'application/x-zip-compressed', 'application/x-zip', 'multipart/x-zip'],
  // A gzipped file of any kind: named so that its media type is not read as a tar archive's, which a .tar.gz may be served as.
  gzip: ['application/gzip', 'application/x-gzip'],
  tar: ['application/x-tar', 'application/x-gtar', 'application/x-compressed-tar', 'application/gzip', 'application/x-gzip'],
  xml: ['application/xml', 'text/xml', '+xml'],
  rdf: ['application/rdf+xml', 'application/xml', 'text/xml', '+xml'],
  ttl: ['text/turtle', 'application/x-turtle', 'text/plain'],
  kml: ['application/vnd.google-earth.kml+xml', 'application/xml', 'text/xml', '+xml'],
  html: ['text/html', 'application/xhtml+xml'],
  txt: ['text/plain'],
}

const ALIASES: Record<string, string> = {
  'comma separated values': 'csv',
  'tab separated values': 'tsv',
  turtle: 'ttl',
  'rdf/xml': 'rdf',
  'json-ld': 'jsonld',
  excel: 'xls',
  htm: 'html',
  webpage: 'html',
  'web page': 'html',
  text: 'txt',
  tgz: 'tar',
}

/** Answers that say nothing about the content. */
const GENERIC = new Set(['application/octet-stream', 'binary/octet-stream', 'application/download', 'application/force-download', 'application/x-download', 'application/unknown', 'application/binary'])

/** The media type without parameters, lower case: `text/csv; charset=utf-8` → `text/csv`. */
export function essence(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase()
}

/** The family of a declared format (`CSV`, `.csv`, `text/csv`, an IANA media type URI), or undefined when odcheck cannot tell. */
export function familyOf(declared: string | undefined): string | undefined {
  if (!declared) return undefined
  let text = declared.trim().toLowerCase().replace(/^\./, '')
  const iana = /iana\.org\/assignments\/media-types\/(.+)$/.exec(text)
  if (iana) text = iana[1]
  if (FAMILIES[text]) return text
  if (ALIASES[text]) return ALIASES[text]
  if (text.includes('/')) {
    const type = essence(text)
    return Object.keys(FAMILIES).find((family) => FAMILIES[family][0] === type) ?? Object.keys(FAMILIES).find((family) => FAMILIES[family].includes(type))
  }
  return undefined
}

/** Whether a server's Content-Type fits the family; true when the answer is generic. */
export function fitsFamily(contentType: string, family: string): boolean {
  const type = essence(contentType)
  if (GENERIC.has(type)) return true
  return FAMILIES[family].some((t) => (t.startsWith('+') ? type.endsWith(t) : t === type))
}
