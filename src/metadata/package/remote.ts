/**
 * Schemas and dialects a data package names by web address (`"schema": "https://..."`), fetched
 * before the run when it is online (`--online`), so the package is read synchronously after.
 * Offline nothing is fetched and the package reader says so for each (read.ts).
 */
import {Retriever} from '../../load/csvw/retrieve.js'
import type {HttpClient} from '../../load/http/client.js'
import {MetadataError} from '../errors.js'
import {parseDescriptor, readDescriptorFile} from '../table-schema/read.js'

/** What fetching each address gave: the parsed descriptor, or why there is none. */
export type RemoteDescriptors = Map<string, {value?: unknown; error?: string}>

const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\//i.test(v)
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The web addresses of schemas and dialects in a package descriptor. */
export function remoteDescriptorUrls(file: string): string[] {
  let descriptor: unknown
  try {
    descriptor = readDescriptorFile(file)
  } catch {
    return []
  }
  const resources = isObject(descriptor) && Array.isArray(descriptor.resources) ? descriptor.resources.filter(isObject) : []
  return [...new Set(resources.flatMap((r) => [r.schema, r.dialect].filter(isUrl)))]
}

export async function fetchRemoteDescriptors(packageFiles: string[], client: HttpClient): Promise<RemoteDescriptors> {
  const found: RemoteDescriptors = new Map()
  const urls = [...new Set(packageFiles.flatMap(remoteDescriptorUrls))]
  if (urls.length === 0) return found
  const retriever = new Retriever({online: true, client})
  try {
    for (const url of urls) {
      const got = await retriever.document(url)
      if (got.error !== undefined || got.text === undefined) {
        found.set(url, {error: got.error ?? 'it is empty'})
        continue
      }
      try {
        found.set(url, {value: parseDescriptor(got.text, new URL(url).pathname)})
      } catch (error) {
        found.set(url, {error: error instanceof MetadataError ? error.message : String(error)})
      }
    }
  } finally {
    await retriever.close()
  }
  return found
}
