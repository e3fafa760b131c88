/**
 * One normalised model of a dataset's metadata, whatever catalogue format it came from
 * (Frictionless data package, CSVW, DCAT in JSON-LD/Turtle/RDF-XML, DCAT-US data.json,
 * CKAN package_show, odcheck.yaml). Documented by schemas/metadata.schema.json.
 */

export type MetadataFormat = 'datapackage' | 'csvw' | 'dcat-jsonld' | 'dcat-turtle' | 'dcat-rdfxml' | 'dcat-us' | 'ckan' | 'odcheck'

/** The ODI certificate's `dataPersonal` choices. */
export type PersonalDataDeclaration = 'not_personal' | 'summarised' | 'individual'

export interface LicenceRef {
  /** As written in the source: an id, a title or a URL. */
  raw: string
  url?: string
  title?: string
}

export interface Agent {
  name?: string
  url?: string
  email?: string
}

export interface Distribution {
  title?: string
  /** Access or download URL. */
  url?: string
  /** Path relative to the metadata file, for local resources. */
  path?: string
  format?: string
  mediaType?: string
  bytes?: number
  /** Declared column names, where the metadata lists them. */
  fields?: string[]
  rowCount?: number
}

export interface DatasetMetadata {
  source: {format: MetadataFormat; path: string}
  title?: string
  description?: string
  identifier?: string
  publisher?: Agent
  contactPoint?: Agent
  licence?: LicenceRef
  contentLicence?: LicenceRef
  rights?: string
  attribution?: string
  keywords: string[]
  themes: string[]
  temporal?: {start?: string; end?: string; text?: string}
  spatial?: string
  updateFrequency?: string
  issued?: string
  modified?: string
  documentation?: string
  landingPage?: string
  /** Where the data came from (Frictionless `sources`, dct:source). */
  provenance?: Array<{title?: string; url?: string}>
  language: string[]
  distributions: Distribution[]
  personalData?: PersonalDataDeclaration
  /** Where each property was read, e.g. {"licence": "license_id"} for CKAN: evidence for reports. */
  evidence: Record<string, string>
}
