/**
 * The web links a dataset's metadata gives, which `--online` checks: the licence, content
 * licence, documentation, landing page and every distribution's URL (http and https only;
 * local paths are checked as files). A link stated in several documents is listed once.
 */
import type {HttpClient} from '../load/http/client.js'
import {LinkProber} from '../load/http/probe.js'
import type {HttpResult} from '../load/http/types.js'
import type {DatasetMetadata} from './model.js'

export type LinkProperty = 'licence' | 'contentLicence' | 'documentation' | 'landingPage' | 'distribution'

export interface MetadataLink {
  property: LinkProperty
  url: string
  /** Index of the metadata document (0 is the primary one). */
  document: number
  /** Where in that document the link is written (e.g. `license_url`, `resources[2]`). */
  field?: string
  /** For distributions: index, title and what the metadata declares about the file. */
  distribution?: number
  title?: string
  format?: string
  mediaType?: string
  bytes?: number
}

/** A link with what asking for it gave (src/load/http/probe.ts). */
export interface CheckedLink extends MetadataLink {
  result: HttpResult
}

export function isWebUrl(value: string | undefined): value is string {
  return value !== undefined && /^https?:\/\/[^\s/]/i.test(value.trim())
}

export function metadataLinks(documents: DatasetMetadata[]): MetadataLink[] {
  const links: MetadataLink[] = []
  const seen = new Set<string>()
  const add = (link: MetadataLink) => {
    const key = `${link.property} ${link.url}`
    if (seen.has(key)) return
    seen.add(key)
    links.push(link)
  }
  documents.forEach((doc, document) => {
    const single: Array<[LinkProperty, string | undefined]> = [
      ['licence', doc.licence?.url ?? doc.licence?.raw],
      ['contentLicence', doc.contentLicence?.url ?? doc.contentLicence?.raw],
      ['documentation', doc.documentation],
      ['landingPage', doc.landingPage],
    ]
    for (const [property, url] of single) if (isWebUrl(url)) add({property, url: url.trim(), document, field: doc.evidence[property]})
    doc.distributions.forEach((d, i) => {
      if (!isWebUrl(d.url)) return
      const from = doc.evidence.distributions
      add({property: 'distribution', url: d.url.trim(), document, field: from ? `${from}[${i}]` : undefined, distribution: i, title: d.title, format: d.format, mediaType: d.mediaType, bytes: d.bytes})
    })
  })
  return links
}

/** Asks for every link once (HEAD, then GET if need be), through the run's client and its link cache. */
export async function checkLinks(documents: DatasetMetadata[], client: HttpClient): Promise<CheckedLink[]> {
  const prober = new LinkProber(client)
  return Promise.all(metadataLinks(documents).map(async (link) => ({...link, result: await prober.probe(link.url)})))
}
