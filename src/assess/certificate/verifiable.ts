/**
 * Which certificate answers odcheck can read from a dataset's own metadata or data, and what
 * the publisher would have to supply for it to do so. Keyed by question, or `question=choice`
 * where only one choice can be read. Kept beside answersFromEvidence (evidence.ts), which reads
 * exactly these; test/assess checks that the two agree.
 */
import type {MetadataKey} from '../../checks/metadata/properties.js'

export const VERIFIABLE: Record<string, string> = {
  dataTitle: 'a title',
  documentationUrl: 'a landing page',
  publisher: 'a publisher name',
  publisherUrl: "the publisher's web address",
  dataLicence: 'a licence id or URL',
  otherDataLicenceName: 'a licence id or URL',
  otherDataLicenceURL: 'a licence URL',
  otherDataLicenceOpen: 'a licence odcheck recognises',
  contentLicence: 'a content licence',
  otherContentLicenceName: 'a content licence',
  otherContentLicenceURL: 'a content licence URL',
  otherContentLicenceOpen: 'a content licence odcheck recognises',
  copyrightURL: 'a rights statement URL',
  dataPersonal: 'a personal-data declaration (or findings of the personal-data checks)',
  technicalDocumentation: 'a documentation URL',
  contactUrl: 'a contact point with an e-mail address or URL',
  datasetUrl: 'a download URL for the data file',
  machineReadable: 'the format of each file (or tables odcheck can read)',
  openStandard: 'the format of each file (or tables odcheck can read)',
  'timeSensitive=timestamped': 'a temporal coverage',
  frequentChanges: 'an update frequency',
  frequentSeriesPublication: 'an update frequency',
  vocabulary: 'a table schema listing the fields (CSVW or data package)',
  identifiers: 'columns of HTTP URIs identifying the things in the data',
  existingExternalUrls: "columns of HTTP URIs on other publishers' domains",
  externalUrls: "columns of HTTP URIs on other publishers' domains",
  'documentationMetadata=title': 'a title',
  'documentationMetadata=description': 'a description',
  'documentationMetadata=issued': 'a release date',
  'documentationMetadata=modified': 'a modification date',
  'documentationMetadata=accrualPeriodicity': 'an update frequency',
  'documentationMetadata=identifier': 'an identifier',
  'documentationMetadata=landingPage': 'a landing page',
  'documentationMetadata=language': 'a language',
  'documentationMetadata=publisher': 'a publisher',
  'documentationMetadata=spatial': 'a spatial coverage',
  'documentationMetadata=temporal': 'a temporal coverage',
  'documentationMetadata=theme': 'one or more themes',
  'documentationMetadata=keyword': 'one or more keywords',
  'documentationMetadata=distribution': 'a list of distributions (files)',
  'distributionMetadata=title': 'a title for every file',
  'distributionMetadata=downloadURL': 'a download URL for every file',
  'distributionMetadata=byteSize': 'the size in bytes of every file',
  'distributionMetadata=mediaType': 'the media type of every file',
}

/**
 * The metadata property each hint is about, where the key to write it under differs between
 * formats: the hint then names the key of the format in use (hints.ts).
 */
export const HINT_PROPERTY: Record<string, MetadataKey> = {
  documentationUrl: 'landingPage',
  publisher: 'publisherName',
  dataLicence: 'licence',
  otherDataLicenceName: 'licence',
  otherDataLicenceURL: 'licence',
  otherDataLicenceOpen: 'licence',
  contentLicence: 'contentLicence',
  otherContentLicenceName: 'contentLicence',
  otherContentLicenceURL: 'contentLicence',
  otherContentLicenceOpen: 'contentLicence',
  copyrightURL: 'rights',
  technicalDocumentation: 'documentation',
  contactUrl: 'contactPoint',
  'timeSensitive=timestamped': 'temporal',
  frequentChanges: 'updateFrequency',
  frequentSeriesPublication: 'updateFrequency',
  'documentationMetadata=title': 'title',
  'documentationMetadata=description': 'description',
  'documentationMetadata=issued': 'issued',
  'documentationMetadata=modified': 'modified',
  'documentationMetadata=accrualPeriodicity': 'updateFrequency',
  'documentationMetadata=identifier': 'identifier',
  'documentationMetadata=landingPage': 'landingPage',
  'documentationMetadata=language': 'language',
  'documentationMetadata=publisher': 'publisher',
  'documentationMetadata=spatial': 'spatial',
  'documentationMetadata=temporal': 'temporal',
  'documentationMetadata=theme': 'themes',
  'documentationMetadata=keyword': 'keywords',
  dataTitle: 'title',
}

/** What odcheck would read to answer this question (or choice), if the publisher supplied it. */
export function verifiableBy(question: string, choice?: string): string | undefined {
  if (choice !== undefined && VERIFIABLE[`${question}=${choice}`]) return VERIFIABLE[`${question}=${choice}`]
  return VERIFIABLE[question]
}

/** The metadata property a hint is about, for naming its key. */
export function hintProperty(question: string, choice?: string): MetadataKey | undefined {
  if (choice !== undefined && VERIFIABLE[`${question}=${choice}`]) return HINT_PROPERTY[`${question}=${choice}`]
  return HINT_PROPERTY[question]
}
