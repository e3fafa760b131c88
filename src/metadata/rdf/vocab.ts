/** Namespaces of the vocabularies the DCAT mapping reads, and their short names for evidence. */
export const NS = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dc: 'http://purl.org/dc/elements/1.1/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  schema: 'http://schema.org/',
  void: 'http://rdfs.org/ns/void#',
  pmd: 'http://publishmydata.com/def/dataset#',
  locn: 'http://www.w3.org/ns/locn#',
  time: 'http://www.w3.org/2006/time#',
  odrs: 'http://schema.theodi.org/odrs#',
  // Not read by the DCAT mapping: for naming terms of RDF data in findings (csvw:url).
  csvw: 'http://www.w3.org/ns/csvw#',
  qb: 'http://purl.org/linked-data/cube#',
  owl: 'http://www.w3.org/2002/07/owl#',
} as const

/** `dct:title` for `http://purl.org/dc/terms/title`. */
export function curie(iri: string): string {
  for (const [prefix, ns] of Object.entries(NS)) if (iri.startsWith(ns)) return `${prefix}:${iri.slice(ns.length)}`
  return iri
}

export const RDF_TYPE = `${NS.rdf}type`
