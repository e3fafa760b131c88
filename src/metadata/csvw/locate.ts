/**
 * Locating the metadata for a CSV file (tabular-data-model 5): user metadata first, then the
 * HTTP Link header (rel="describedby"), then the site-wide `/.well-known/csvm` templates or
 * the defaults `{+url}-metadata.json` and `csv-metadata.json`. Found metadata that does not
 * describe the file is skipped with a warning.
 */
import type {Retriever} from '../../load/csvw/retrieve.js'
import type {GroupReader, GroupRead} from './read-group.js'
import type {Problems} from './problems.js'
import type {CsvwGroup} from './types.js'
import {expandUriTemplate} from './uri-template.js'
import {displayName, isHttpUrl, resolveUrl, sameUrl} from './urls.js'
import {listSome} from '../../shared/text.js'

export const DEFAULT_TEMPLATES = ['{+url}-metadata.json', 'csv-metadata.json']

export interface Located {
  /** Absent when the metadata found cannot be read (its problems say why). */
  group?: CsvwGroup
  read: GroupRead
  /** How it was found, for messages. */
  via: 'user' | 'link' | 'site-wide'
}

/** The describedby links of a Link header, last first (the last one wins). */
export function describedByLinks(header: string | undefined): string[] {
  if (!header) return []
  const links: string[] = []
  for (const m of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const params = m[2]
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(params)?.[1]
    const type = /;\s*type\s*=\s*"?([^";]+)"?/i.exec(params)?.[1]
    if (!rel || !rel.split(/\s+/).includes('describedby')) continue
    if (type && !['application/csvm+json', 'application/ld+json', 'application/json'].includes(type.trim().toLowerCase())) continue
    links.push(m[1])
  }
  return links.reverse()
}

export function describes(group: CsvwGroup, tableUrl: string): boolean {
  return group.tables.some((t) => sameUrl(t.url, tableUrl))
}

function notDescribing(problems: Problems, group: CsvwGroup, tableUrl: string, cwd: string, how: string, shownAs = displayName(tableUrl, cwd)): void {
  const names = group.tables.map((t) => t.name)
  const listed = names.length === 0 ? 'no table' : listSome(names, 5)
  problems.warning('not-describing', `${group.name} (${how}) does not describe ${shownAs}: it lists ${listed}. odcheck does not check this table against its columns${how === 'found beside it' ? ", but as a file beside the data it is still read as the dataset's metadata (title, publisher, licence)" : ''}.`, {url: group.url, name: group.name}, undefined, {table: shownAs, tableUrl})
}

async function siteWideTemplates(tableUrl: string, retriever: Retriever): Promise<string[]> {
  if (!isHttpUrl(tableUrl)) return DEFAULT_TEMPLATES
  const config = await retriever.document(new URL('/.well-known/csvm', tableUrl).href)
  if (config.error !== undefined || config.text === undefined) return DEFAULT_TEMPLATES
  return config.text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')
}

/** Whether a web address answers with JSON: a server that ignores the query answers `data.csv?x-metadata.json` with the CSV itself. */
async function servesJson(url: string, retriever: Retriever): Promise<boolean> {
  const doc = await retriever.document(url)
  const type = doc.headers['content-type']
  return doc.error === undefined && (!type || /json/i.test(type))
}

/** Finds the table group describing `tableUrl`, or undefined when there is none; warnings go to `problems`. */
/** `shownAs`: how messages name the table, when not by its URL (a file inside a zip, looked up as if unzipped beside it). */
export async function locateMetadata(tableUrl: string, retriever: Retriever, groups: GroupReader, problems: Problems, cwd: string, shownAs?: string): Promise<Located | undefined> {
  if (isHttpUrl(tableUrl)) {
    const table = await retriever.table(tableUrl)
    for (const link of describedByLinks(table.headers.link)) {
      const url = resolveUrl(link, tableUrl)
      if (!url) continue
      const read = await groups.read(url)
      if (read.group && describes(read.group, tableUrl)) return {group: read.group, read, via: 'link'}
      if (read.group) notDescribing(problems, read.group, tableUrl, cwd, 'named in the Link header', shownAs)
      else if (!read.missing) return {read, via: 'link'}
    }
  }
  for (const template of await siteWideTemplates(tableUrl, retriever)) {
    let url: string | undefined
    try {
      url = resolveUrl(expandUriTemplate(template, {url: tableUrl}), tableUrl)
    } catch {
      continue
    }
    if (!url || sameUrl(url, tableUrl)) continue
    if (isHttpUrl(url) && !(await servesJson(url, retriever))) continue
    const read = await groups.read(url)
    if (read.missing) continue
    if (!read.group) {
      // There but unreadable: its errors are reported; the table is read without it.
      return {read, via: 'site-wide'}
    }
    if (describes(read.group, tableUrl)) return {group: read.group, read, via: 'site-wide'}
    notDescribing(problems, read.group, tableUrl, cwd, 'found beside it', shownAs)
  }
  return undefined
}
