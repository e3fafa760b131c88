/** Format families: which names, extensions and media types mean the same kind of file. */

const FAMILIES: Record<string, string[]> = {
  csv: ['csv', 'text/csv', 'application/csv', 'text/comma-separated-values'],
  tsv: ['tsv', 'tab', 'text/tab-separated-values'],
  text: ['txt', 'text', 'text/plain'],
  html: ['html', 'htm', 'text/html', 'web page', 'webpage', 'application/xhtml+xml', 'html page'],
  excel: ['xls', 'xlsx', 'excel', 'application/vnd.ms-excel', 'application/xls', 'application/excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ods: ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
  json: ['json', 'application/json'],
  geojson: ['geojson', 'application/geo+json', 'application/vnd.geo+json'],
  pdf: ['pdf', 'application/pdf'],
  zip: ['zip', 'application/zip', 'application/x-zip-compressed', 'shapefile', 'shp'],
  tar: ['tar', 'tgz', 'application/x-tar', 'application/x-gtar', 'application/x-compressed-tar'],
  xml: ['xml', 'application/xml', 'text/xml'],
  rdf: ['rdf', 'rdf/xml', 'application/rdf+xml', 'ttl', 'turtle', 'text/turtle', 'jsonld', 'json-ld', 'application/ld+json', 'nt', 'n-triples', 'application/n-triples'],
  kml: ['kml', 'application/vnd.google-earth.kml+xml'],
  doc: ['doc', 'docx', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
}

const BY_NAME = new Map(Object.entries(FAMILIES).flatMap(([family, names]) => names.map((n) => [n, family])))

/** `CSV`, `text/csv; charset=utf-8`, `.csv`, an EU file-type URI ... → `csv`; undefined when unknown. */
export function familyOf(value: string | undefined): string | undefined {
  if (!value) return undefined
  let v = value.trim().toLowerCase().split(';')[0].trim()
  if (/^https?:\/\//.test(v)) v = v.replace(/\/+$/, '').split('/').pop() ?? v
  return BY_NAME.get(v.replace(/^\./, ''))
}

/** The family of a URL's or path's file extension (none for URLs that end in a page name without one). */
export function extensionFamily(location: string | undefined): string | undefined {
  if (!location) return undefined
  let path = location
  try {
    path = new URL(location).pathname
  } catch {
    // A relative path.
  }
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]
  return ext ? familyOf(ext) : undefined
}

/** Whether two families can name the same file: plain text may be CSV, JSON may be GeoJSON, XML may be RDF or KML. */
export function compatible(a: string, b: string): boolean {
  if (a === b) return true
  const pair = new Set([a, b])
  const loose = [['text', 'csv'], ['text', 'tsv'], ['csv', 'tsv'], ['json', 'geojson'], ['xml', 'rdf'], ['xml', 'kml'], ['json', 'rdf']]
  return loose.some(([x, y]) => pair.has(x) && pair.has(y))
}
