/**
 * Reads a CSVW metadata file for the URI templates that make a CSV linked data: aboutUrl (each
 * row's subject), propertyUrl (its properties) and valueUrl (values as URIs, which on another
 * publisher's domain are links to their data).
 */
import {readFile} from 'node:fs/promises'
import {parseJsonReadingOn} from '../../metadata/csvw/json-syntax.js'
import {hostOf, isExternal} from '../domains.js'

export interface CsvwUris {
  path: string
  aboutUrls: string[]
  propertyUrls: string[]
  valueUrls: string[]
  /** Domains of valueUrl templates that are other people's. */
  externalDomains: string[]
  error?: string
}

const KEYS = ['aboutUrl', 'propertyUrl', 'valueUrl'] as const

function collect(node: unknown, found: Record<(typeof KEYS)[number], Set<string>>): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, found)
    return
  }
  if (!node || typeof node !== 'object') return
  for (const [key, value] of Object.entries(node)) {
    if ((KEYS as readonly string[]).includes(key) && typeof value === 'string' && value.trim() !== '') found[key as (typeof KEYS)[number]].add(value.trim())
    else collect(value, found)
  }
}

/** The metadata as `odcheck check` reads it: past trailing commas (which check reports), with its syntax error in words otherwise. */
async function readJson(path: string): Promise<{value: unknown} | {error: string}> {
  let text: string
  try {
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  } catch (error) {
    return {error: (error as Error).message}
  }
  const parsed = parseJsonReadingOn(text, true)
  if ('value' in parsed) return {value: parsed.value}
  return {error: parsed.syntax ? `${parsed.syntax.message} ${parsed.syntax.hint}` : parsed.error.message}
}

export async function readCsvwUris(path: string, ownDomains: string[] = []): Promise<CsvwUris> {
  const found = {aboutUrl: new Set<string>(), propertyUrl: new Set<string>(), valueUrl: new Set<string>()}
  const parsed = await readJson(path)
  if ('error' in parsed) return {path, aboutUrls: [], propertyUrls: [], valueUrls: [], externalDomains: [], error: `${path} could not be read as CSVW metadata: ${parsed.error}`}
  collect(parsed.value, found)
  const aboutHosts = [...found.aboutUrl].map((t) => hostOf(t.replace(/[{}]/g, ''))).filter((h): h is string => Boolean(h))
  const externalDomains = [...found.valueUrl]
    .map((t) => hostOf(t.replace(/[{}]/g, '')))
    .filter((h): h is string => Boolean(h) && isExternal(h!, ownDomains, aboutHosts))
  return {path, aboutUrls: [...found.aboutUrl], propertyUrls: [...found.propertyUrl], valueUrls: [...found.valueUrl], externalDomains: [...new Set(externalDomains)]}
}
