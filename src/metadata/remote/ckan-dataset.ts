/**
 * A CKAN dataset checked from its portal (--online): its `package_show` record mapped by the
 * CKAN adapter, then each resource in a format odcheck checks (CSV, TSV, JSON, GeoJSON,
 * XLSX) downloaded to a temporary folder and named by its URL. A resource that cannot be
 * downloaded, or turns out to be a web page, is left to the link rules (link-broken,
 * link-content-mismatch), which report it against the metadata.
 */
import {basename, join} from 'node:path'
import type {DiscoveredResource} from '../../load/discover.js'
import type {HttpClient} from '../../load/http/client.js'
import {downloadTo, fetchText} from '../../load/http/download.js'
import type {CkanDatasetInput} from '../../load/remote-inputs.js'
import {readCkan} from '../adapters/ckan.js'
import {MetadataError} from '../errors.js'
import {isWebUrl} from '../links.js'
import type {MetadataLoad} from '../load-types.js'
import {essence, familyOf} from '../media-types.js'
import type {DatasetMetadata, Distribution} from '../model.js'

/** A dataset record that cannot be had: the run cannot check what was asked (a usage error). */
export class CkanInputError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message)
    this.name = 'CkanInputError'
  }
}

export interface CkanDatasetLoad {
  load: MetadataLoad
  resources: DiscoveredResource[]
  /** Resources not checked although they are tables, with why (too large to download). */
  unreadable: Array<{name: string; path: string; message: string}>
}

/** Formats of the resources downloaded and checked: the data files of a zip or tar archive are checked inside it (src/load/archive.ts). */
const CHECKED_FORMATS = new Set(['csv', 'tsv', 'json', 'geojson', 'xlsx', 'zip', 'tar'])

/** The format odcheck would check a resource as, from what it declares or its URL; undefined when it checks none. */
export function resourceFormat(d: Distribution): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(d.url!).pathname)?.[1]
  const family = familyOf(d.format) ?? familyOf(d.mediaType) ?? familyOf(extension)
  return family && CHECKED_FORMATS.has(family) ? family : undefined
}

async function record(input: CkanDatasetInput, client: HttpClient): Promise<DatasetMetadata> {
  const answer = await fetchText(client, input.apiUrl, 'application/json')
  if (answer.error || answer.text === undefined) {
    const why = answer.error?.message ?? 'it gave no record'
    const hint = answer.status === 404 ? `Check the dataset's name, and that ${input.base} is a CKAN portal (its API is ${input.base}/api/3/action/).` : 'Check the address, or save the package_show response and give it with --metadata.'
    throw new CkanInputError(`${input.url}: the CKAN record cannot be read from ${input.apiUrl}: ${why}.`, hint)
  }
  try {
    return readCkan(answer.text, input.url)[0]
  } catch (error) {
    if (!(error instanceof MetadataError)) throw error
    throw new CkanInputError(`${input.url}: ${input.apiUrl} did not give a CKAN dataset record. ${error.message}`, error.hint ?? 'Check that the address is a CKAN dataset.')
  }
}

export async function loadCkanDataset(input: CkanDatasetInput, client: HttpClient, tempDir: string, cwd: string): Promise<CkanDatasetLoad> {
  const document = await record(input, client)
  const load: MetadataLoad = {cwd, documents: [document], problems: [], searched: [], localFiles: [], tables: [], metadataInputs: []}
  const resources: DiscoveredResource[] = []
  const unreadable: CkanDatasetLoad['unreadable'] = []
  await Promise.all(
    document.distributions.map(async (d, i) => {
      if (!isWebUrl(d.url)) return
      const format = resourceFormat(d)
      if (!format) return
      const stem = basename(new URL(d.url).pathname).replace(/\.[^.]*$/, '').replace(/[^\w-]+/g, '_').slice(0, 60) || 'resource'
      const path = join(tempDir, `${i}-${stem}.${format}`)
      const got = await downloadTo(client, d.url, path, format === 'csv' || format === 'tsv' ? 'text/csv, */*' : '*/*')
      if (got.error?.reason === 'too-large') unreadable.push({name: d.url, path, message: `${d.url} was not checked: ${got.error.message}`})
      if (got.error) return
      // A page about the file rather than the file: not data to check (link-content-mismatch says so).
      const type = essence(got.headers['content-type'] ?? '')
      if (type === 'text/html' || type === 'application/xhtml+xml') return
      resources[i] = {path, name: d.url, format}
    }),
  )
  return {load, resources: resources.filter(Boolean), unreadable}
}
