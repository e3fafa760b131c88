/**
 * Maps a licence as metadata states it (id, title or URL) to the certificate's licence choices,
 * through odcheck's licence recogniser (src/metadata/licences/).
 */
import {recogniseLicenceRef} from '../../metadata/licences/recognise.js'
import type {CertificateLicence} from '../../metadata/licences/table.js'
import type {LicenceRef} from '../../metadata/model.js'

export type LicenceChoiceId = Exclude<CertificateLicence, 'other'>

export interface RecognisedLicence {
  /** odcheck's licence id, when recognised. */
  id?: string
  /** The certificate's choice, when the licence is one of its named ones. */
  choice?: LicenceChoiceId
  /** A name for "other" licences. */
  name: string
  url?: string
  /** True for licences known to be open (Open Definition conformant), false for known non-open ones, undefined when not known. */
  open?: boolean
}

function isUrl(text: string | undefined): text is string {
  return typeof text === 'string' && /^https?:\/\//i.test(text.trim())
}

/**
 * Undefined when the metadata gives no licence (or CKAN's "notspecified"); otherwise the choice
 * it maps to, or an "other" licence with whatever is known about it.
 */
export function recogniseLicence(ref: LicenceRef | undefined): RecognisedLicence | undefined {
  if (!ref || !`${ref.raw ?? ''}${ref.url ?? ''}${ref.title ?? ''}`.trim()) return undefined
  const stated = isUrl(ref.url) ? ref.url.trim() : isUrl(ref.raw) ? ref.raw.trim() : undefined
  const match = recogniseLicenceRef(ref)
  if (!match) return {name: (ref.title ?? ref.raw).trim(), ...(stated ? {url: stated} : {})}
  const {licence} = match
  if (licence.notSpecified) return undefined
  const url = stated ?? licence.urls[0]
  return {
    id: licence.id,
    ...(licence.certificate !== 'other' ? {choice: licence.certificate} : {}),
    name: licence.generic ? (ref.title ?? ref.raw).trim() : licence.title,
    ...(url ? {url} : {}),
    ...(licence.open !== null ? {open: licence.open} : {}),
  }
}
