/**
 * URLs in CSVW metadata: resolving them against the document's base, comparing them after
 * RFC 3986 syntax- and scheme-based normalisation, and naming local ones as paths in reports.
 */
import {fileURLToPath, pathToFileURL} from 'node:url'
import {nameForReports} from '../../load/shown-paths.js'

/** Decodes percent-encoded unreserved characters and upper-cases the rest (RFC 3986 6.2.2). */
function normalisePercent(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const c = String.fromCharCode(Number.parseInt(hex, 16))
    return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${hex.toUpperCase()}`
  })
}

/** Resolves `ref` against `base`; undefined when it is not a usable URL. */
export function resolveUrl(ref: string, base: string): string | undefined {
  try {
    return normaliseUrl(new URL(ref, base).href)
  } catch {
    return undefined
  }
}

export function normaliseUrl(url: string): string {
  try {
    // WHATWG URL parsing already lower-cases scheme and host, drops default ports and removes dot segments.
    const parsed = new URL(url)
    parsed.pathname = normalisePercent(parsed.pathname)
    return parsed.href
  } catch {
    return url
  }
}

export function sameUrl(a: string, b: string): boolean {
  return normaliseUrl(a) === normaliseUrl(b)
}

export function withoutFragment(url: string): string {
  const i = url.indexOf('#')
  return i < 0 ? url : url.slice(0, i)
}

export function fileUrl(path: string): string {
  return pathToFileURL(path).href
}

export function isFileUrl(url: string): boolean {
  return url.startsWith('file:')
}

export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value)
}

/** The local path of a `file:` URL (query and fragment dropped). */
export function localPath(url: string): string | undefined {
  if (!isFileUrl(url)) return undefined
  try {
    const parsed = new URL(url)
    parsed.search = ''
    parsed.hash = ''
    return fileURLToPath(parsed)
  } catch {
    return undefined
  }
}

/** How a report names a document: its path relative to the working directory, or the URL. */
export function displayName(url: string, cwd: string): string {
  const path = localPath(url)
  return path ? nameForReports(path, cwd) : url
}

/** Whether a string is an absolute IRI (has a scheme and no spaces). */
export function isAbsoluteIri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(value)
}
