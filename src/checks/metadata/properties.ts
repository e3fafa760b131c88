/** The dataset properties the metadata rules look for, and where each format keeps them. */
import type {DatasetMetadata, MetadataFormat} from '../../metadata/model.js'

export const PROPERTY_NAMES = [
  'title',
  'description',
  'identifier',
  'publisher',
  'publisherName',
  'contactPoint',
  'licence',
  'updateFrequency',
  'documentation',
  'landingPage',
  'keywords',
  'themes',
  'temporal',
  'spatial',
  'issued',
  'modified',
  'language',
] as const

export type PropertyName = (typeof PROPERTY_NAMES)[number]

/** Every property whose key `whereToWrite` can name: the checked properties, and the licence terms the certificate reads. */
export type MetadataKey = PropertyName | 'contentLicence' | 'rights'

interface PropertyInfo {
  /** Plain words for messages. */
  label: string
  has(m: DatasetMetadata): boolean
}

const agentGiven = (a: DatasetMetadata['publisher']) => Boolean(a && (a.name || a.url || a.email))

export const PROPERTIES: Record<PropertyName, PropertyInfo> = {
  title: {label: 'title', has: (m) => Boolean(m.title)},
  description: {label: 'description', has: (m) => Boolean(m.description)},
  identifier: {label: 'identifier', has: (m) => Boolean(m.identifier)},
  publisher: {label: 'publisher', has: (m) => agentGiven(m.publisher)},
  // A publisher given only by its web or email address: the ODI certificate asks for its name. With no publisher at all, `publisher` is what is missing.
  publisherName: {label: "publisher's name", has: (m) => !agentGiven(m.publisher) || Boolean(m.publisher?.name?.trim())},
  // A publisher's email address is a way to get in touch too.
  contactPoint: {label: 'contact point', has: (m) => Boolean(m.contactPoint?.email || m.contactPoint?.url || m.publisher?.email)},
  licence: {label: 'licence', has: (m) => Boolean(m.licence?.raw)},
  updateFrequency: {label: 'update frequency', has: (m) => Boolean(m.updateFrequency)},
  // A landing page is where people read about the data: it counts as documentation.
  documentation: {label: 'documentation', has: (m) => Boolean(m.documentation || m.landingPage)},
  landingPage: {label: 'landing page', has: (m) => Boolean(m.landingPage)},
  keywords: {label: 'keywords', has: (m) => m.keywords.length > 0},
  themes: {label: 'themes', has: (m) => m.themes.length > 0},
  temporal: {label: 'time period covered', has: (m) => Boolean(m.temporal && (m.temporal.start || m.temporal.end || m.temporal.text))},
  spatial: {label: 'area covered', has: (m) => Boolean(m.spatial)},
  issued: {label: 'date first published', has: (m) => Boolean(m.issued)},
  modified: {label: 'date last changed', has: (m) => Boolean(m.modified)},
  language: {label: 'language', has: (m) => m.language.length > 0},
}

/** Where to write each property in each format, for "add it here" messages. */
const WHERE: Record<MetadataFormat, Partial<Record<MetadataKey, string>>> = {
  datapackage: {
    title: '"title"', description: '"description"', identifier: '"id"', publisher: 'a "contributors" entry with role "publisher"', publisherName: 'a "title" on the "contributors" entry with role "publisher"', contactPoint: 'a "contributors" entry with role "maintainer" and an "email"',
    licence: '"licenses"', documentation: '"homepage"', landingPage: '"homepage"', keywords: '"keywords"', issued: '"created"',
  },
  csvw: {
    title: '"dc:title"', description: '"dc:description"', identifier: '"dc:identifier"', publisher: '"dc:publisher"', publisherName: '"schema:name" in "dc:publisher"', contactPoint: '"dcat:contactPoint"', licence: '"dc:license"', rights: '"dc:rights"',
    updateFrequency: '"dcterms:accrualPeriodicity"', documentation: '"foaf:page"', landingPage: '"dcat:landingPage"', keywords: '"dcat:keyword"', themes: '"dcat:theme"', temporal: '"dc:temporal"', spatial: '"dc:spatial"', issued: '"dc:issued"', modified: '"dc:modified"', language: '"dc:language"',
  },
  'dcat-jsonld': {},
  'dcat-turtle': {},
  'dcat-rdfxml': {},
  'dcat-us': {
    title: '"title"', description: '"description"', identifier: '"identifier"', publisher: '"publisher"', publisherName: '"name" in "publisher"', contactPoint: '"contactPoint" (fn, hasEmail)', licence: '"license"', rights: '"rights"', updateFrequency: '"accrualPeriodicity"',
    documentation: '"describedBy" or "landingPage"', landingPage: '"landingPage"', keywords: '"keyword"', themes: '"theme"', temporal: '"temporal"', spatial: '"spatial"', issued: '"issued"', modified: '"modified"', language: '"language"',
  },
  ckan: {
    title: 'title', description: 'notes', publisher: 'the organisation', publisherName: "the organisation's title", contactPoint: 'maintainer_email', licence: 'license_id', updateFrequency: 'the update_frequency extra', documentation: 'url (source)',
    landingPage: 'url (source)', keywords: 'tags', themes: 'groups', temporal: 'the temporal_coverage-from/-to extras', spatial: 'the spatial extra', language: 'the language extra',
  },
  // odcheck.yaml's keys are the model's, but for what sits inside another key.
  odcheck: {publisherName: '"name" in "publisher"'},
}

const DCAT: Partial<Record<MetadataKey, string>> = {
  title: 'dct:title', description: 'dct:description', identifier: 'dct:identifier', publisher: 'dct:publisher', publisherName: 'foaf:name on the dct:publisher', contactPoint: 'dcat:contactPoint', licence: 'dct:license', rights: 'dct:rights', updateFrequency: 'dct:accrualPeriodicity',
  documentation: 'foaf:page', landingPage: 'dcat:landingPage', keywords: 'dcat:keyword', themes: 'dcat:theme', temporal: 'dct:temporal', spatial: 'dct:spatial', issued: 'dct:issued', modified: 'dct:modified', language: 'dct:language',
}

const FORMAT_NAMES: Record<MetadataFormat, string> = {
  datapackage: 'data packages',
  csvw: 'CSVW files',
  'dcat-jsonld': 'DCAT records',
  'dcat-turtle': 'DCAT records',
  'dcat-rdfxml': 'DCAT records',
  'dcat-us': 'data.json files',
  ckan: 'CKAN records',
  odcheck: 'odcheck.yaml',
}

function nativeKey(format: MetadataFormat, property: MetadataKey): string | undefined {
  if (format === 'odcheck') return WHERE.odcheck[property] ?? `"${property}"`
  return format.startsWith('dcat-') && format !== 'dcat-us' ? DCAT[property] : WHERE[format][property]
}

/** Whether the format has a field of its own for the property (otherwise an odcheck.yaml beside it gives it). */
export function hasField(format: MetadataFormat, property: MetadataKey): boolean {
  return nativeKey(format, property) !== undefined
}

export function whereToWrite(format: MetadataFormat, property: MetadataKey): string {
  const where = nativeKey(format, property)
  // Where a format has no place for a property, odcheck.yaml beside it can give it.
  return where ?? `"${property}" in an odcheck.yaml beside it (${FORMAT_NAMES[format]} have no field for it)`
}
