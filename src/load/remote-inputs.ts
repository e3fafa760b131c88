/**
 * What a web address given as an input is: a CKAN dataset (its page, `…/dataset/<name>`, or
 * its `package_show` API call), or a file to download and check. With `--ckan BASE_URL` the
 * inputs are dataset names on that portal.
 */

export interface CkanDatasetInput {
  kind: 'ckan'
  /** The input as given (without user:password), which names the dataset in reports. */
  url: string
  /** The portal's base URL, e.g. https://data.gov.uk. */
  base: string
  name: string
  /** The API call that gives the dataset's record. */
  apiUrl: string
}

export interface RemoteFileInput {
  kind: 'file'
  url: string
}

export type RemoteInput = CkanDatasetInput | RemoteFileInput

export function isHttpInput(input: string): boolean {
  return /^https?:\/\//i.test(input)
}

export function packageShowUrl(base: string, name: string): string {
  return `${base.replace(/\/+$/, '')}/api/3/action/package_show?id=${encodeURIComponent(name)}`
}

function ckan(url: string, base: string, name: string, apiUrl = packageShowUrl(base, name)): CkanDatasetInput {
  return {kind: 'ckan', url, base: base.replace(/\/+$/, ''), name, apiUrl}
}

/** A CKAN dataset named by its page or API call, or undefined for anything else. */
export function ckanDatasetOf(input: string): CkanDatasetInput | undefined {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return undefined
  }
  const api = /^(.*?)\/api(?:\/3)?\/action\/package_show\/?$/.exec(url.pathname)
  const id = url.searchParams.get('id')
  if (api && id) return ckan(input, `${url.origin}${api[1]}`, id, input)
  // A dataset page: /dataset/<name>, or data.gov.uk's /dataset/<id>/<slug>; never /dataset/<name>/resource/... (a file).
  const page = /^(.*?)\/dataset\/([^/]+)(?:\/([^/.]+))?\/?$/.exec(url.pathname)
  if (page && page[3] !== 'resource' && !/\.[a-z0-9]{1,5}$/i.test(page[2])) return ckan(input, `${url.origin}${page[1]}`, decodeURIComponent(page[2]))
  return undefined
}

/** Classifies the inputs that are web addresses (or, with `ckanBase`, every input, as a dataset name). */
export function remoteInputs(inputs: string[], ckanBase?: string): RemoteInput[] {
  if (ckanBase) return inputs.map((name) => ckanDatasetOf(name) ?? ckan(`${ckanBase.replace(/\/+$/, '')}/dataset/${encodeURIComponent(name)}`, ckanBase, name))
  return inputs.filter(isHttpInput).map((url) => ckanDatasetOf(url) ?? {kind: 'file', url})
}
