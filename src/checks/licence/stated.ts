/**
 * The licences a dataset's metadata states, each recognised against odcheck's licence table.
 * Shared by the licence rules so they read the metadata the same way.
 */
import {basename, dirname, relative} from 'node:path'
import type {DatasetContext} from '../../engine/check.js'
import type {DatasetMetadata, LicenceRef} from '../../metadata/model.js'
import {recogniseLicenceRef, type LicenceRefMatch} from '../../metadata/licences/recognise.js'
import type {LicenceEntry} from '../../metadata/licences/table.js'
import {shownPath} from '../../load/shown-paths.js'

export type LicenceProperty = 'licence' | 'contentLicence'

export interface StatedLicence {
  metadata: DatasetMetadata
  /** The metadata document's name for reports: relative to the primary document's folder. */
  source: string
  property: LicenceProperty
  /** Where in the document it was read, e.g. `license_id`, when the adapter recorded it. */
  field?: string
  ref: LicenceRef
  match?: LicenceRefMatch
}

/** Every metadata document read, primary first. */
export function metadataDocuments(context: DatasetContext): DatasetMetadata[] {
  if (context.metadataSources.length > 0) return context.metadataSources
  return context.metadata ? [context.metadata] : []
}

/**
 * How a finding names a metadata document: relative to the working directory, like the
 * report's resources, when odcheck loaded the metadata itself; otherwise relative to the
 * primary document's folder.
 */
export function sourceName(metadata: DatasetMetadata, context: DatasetContext): string {
  // A record read from the web (a CKAN dataset, --online) is named by its URL.
  if (/^https?:\/\//i.test(metadata.source.path)) return metadata.source.path
  const path = shownPath(metadata.source.path)
  const base = context.metadataLoad?.cwd ?? dirname(shownPath(metadataDocuments(context)[0]?.source.path ?? metadata.source.path))
  const name = relative(base, path).split('\\').join('/')
  return name === '' || name.startsWith('..') ? (context.metadataLoad ? path : basename(path)) : name
}

/** The licence references in the metadata, data licence before content licence, primary document first. */
export function statedLicences(context: DatasetContext): StatedLicence[] {
  const documents = metadataDocuments(context)
  const out: StatedLicence[] = []
  for (const metadata of documents) {
    for (const property of ['licence', 'contentLicence'] as const) {
      const ref = metadata[property]
      if (!ref || !ref.raw?.trim()) continue
      const stated: StatedLicence = {metadata, source: sourceName(metadata, context), property, ref, match: recogniseLicenceRef(ref)}
      if (metadata.evidence[property]) stated.field = metadata.evidence[property]
      out.push(stated)
    }
  }
  return out
}

/** CKAN's `notspecified` and the like: written where a licence goes, but saying there is none. */
export function isNotSpecified(stated: StatedLicence): boolean {
  return stated.match?.licence.notSpecified === true
}

/** The details every licence finding shares: what was written and where. */
export function whereStated(stated: StatedLicence): Record<string, unknown> {
  const details: Record<string, unknown> = {property: stated.property, raw: stated.ref.raw, source: stated.source}
  if (stated.field) details.field = stated.field
  return details
}

/** The details of a recognised licence: which one, and how odcheck knew. */
export function licenceDetails(match: LicenceRefMatch): Record<string, unknown> {
  const details: Record<string, unknown> = {licence: match.licence.id, title: match.licence.title, matchedBy: match.method, matched: match.value}
  if (match.versionAssumed) details.versionAssumed = true
  if (match.port) details.port = match.port
  return details
}

/** The conditions a licence puts on reuse, for comparing two licences. */
export function conditionsOf(licence: LicenceEntry): string[] {
  const out: string[] = []
  if (licence.open === false && !licence.nonCommercial && !licence.noDerivatives) out.push('not-open')
  if (licence.attribution === true) out.push('attribution')
  if (licence.shareAlike === true) out.push('share-alike')
  if (licence.nonCommercial) out.push('non-commercial')
  if (licence.noDerivatives) out.push('no-derivatives')
  return out
}
