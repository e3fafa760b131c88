/** CSV on the Web metadata (`csv-metadata.json`, `<file>-metadata.json`) into the model. */
import {MetadataError} from '../errors.js'
import {parseJsonText} from '../json-text.js'
import type {DatasetMetadata, Distribution} from '../model.js'
import type {AdapterContext} from './context.js'
import {agent, distribution, isObject, isUrl, licenceRef, MetadataBuilder, text, texts, withoutMailto, type JsonObject} from './values.js'

/** The first of several equivalent property names (CSVW documents use dc:, dcterms: or schema: prefixes). */
function pick(object: JsonObject, names: string[]): {value: unknown; name: string} | undefined {
  for (const name of names) if (object[name] !== undefined && object[name] !== null) return {value: object[name], name}
  return undefined
}

const TITLE = ['dc:title', 'dcterms:title', 'dct:title', 'schema:name', 'rdfs:label']
const DESCRIPTION = ['dc:description', 'dcterms:description', 'dct:description', 'schema:description', 'rdfs:comment']

/** A natural-language property: a string, a value object, an array or a language map. */
function naturalText(value: unknown): string | undefined {
  if (isObject(value) && !('@value' in value) && !('@id' in value)) {
    const en = value.en ?? value['en-GB'] ?? Object.values(value)[0]
    return text(en)
  }
  return text(value)
}

function columnNames(schema: unknown, context: AdapterContext): string[] | undefined {
  let resolved = schema
  if (typeof schema === 'string' && !isUrl(schema)) resolved = context.readRelatedJson?.(schema)
  if (!isObject(resolved) || !Array.isArray(resolved.columns)) return undefined
  return resolved.columns
    .filter((c) => isObject(c) && c.virtual !== true)
    .map((c) => {
      const column = c as JsonObject
      const titles = isObject(column.titles) ? naturalText(column.titles) : text(column.titles)
      return titles ?? text(column.name) ?? ''
    })
}

function tableDistribution(table: JsonObject, groupSchema: unknown, context: AdapterContext): Distribution {
  const url = text(table.url)
  return distribution({
    title: naturalText(pick(table, TITLE)?.value),
    url: isUrl(url) ? url : undefined,
    path: url && !isUrl(url) ? url : undefined,
    format: 'csv',
    mediaType: 'text/csv',
    fields: columnNames(table.tableSchema ?? groupSchema, context),
  })
}

function publisherOf(value: unknown) {
  if (!isObject(value)) return agent({name: text(value)})
  return agent({
    name: naturalText(pick(value, ['schema:name', 'foaf:name', 'name', 'dc:title', 'rdfs:label'])?.value),
    url: text(pick(value, ['schema:url', 'foaf:homepage', 'url', '@id'])?.value),
    email: withoutMailto(text(pick(value, ['schema:email', 'foaf:mbox', 'email'])?.value)),
  })
}

export function csvwToModel(data: unknown, path: string, context: AdapterContext = {}): DatasetMetadata {
  if (!isObject(data)) throw new MetadataError('CSVW metadata must be a JSON object.', 'shape', 'Describe the table in an object with "@context": "http://www.w3.org/ns/csvw" (https://www.w3.org/TR/tabular-metadata/).')
  const tables = Array.isArray(data.tables) ? data.tables.filter(isObject) : isObject(data.url) || typeof data.url === 'string' ? [data] : []
  if (tables.length === 0) {
    throw new MetadataError('The CSVW metadata names no table: it has neither "url" nor "tables".', 'shape', 'Add "url": "<your file>.csv" (one table) or a "tables" list (https://www.w3.org/TR/tabular-metadata/).')
  }
  const b = new MetadataBuilder('csvw', path)
  const single = tables.length === 1 && tables[0] === data
  const title = pick(data, TITLE)
  b.set('title', naturalText(title?.value), title?.name ?? '')
  const description = pick(data, DESCRIPTION)
  b.set('description', naturalText(description?.value), description?.name ?? '')
  const identifier = pick(data, ['dc:identifier', 'dcterms:identifier', 'schema:identifier', '@id'])
  b.set('identifier', text(identifier?.value), identifier?.name ?? '')
  const publisher = pick(data, ['dc:publisher', 'dcterms:publisher', 'dct:publisher', 'schema:publisher'])
  if (publisher) b.set('publisher', publisherOf(publisher.value), publisher.name)
  const contact = pick(data, ['dcat:contactPoint', 'schema:contactPoint'])
  if (contact && isObject(contact.value)) {
    const c = contact.value
    b.set('contactPoint', agent({name: text(c['vcard:fn'] ?? c['schema:name']), email: withoutMailto(text(c['vcard:hasEmail'] ?? c['schema:email']))}), contact.name)
  }
  const licence = pick(data, ['dc:license', 'dcterms:license', 'dct:license', 'schema:license'])
  if (licence) {
    const value = isObject(licence.value) && !('@id' in licence.value) && !('@value' in licence.value) ? licence.value : undefined
    b.set('licence', value ? licenceRef(text(value['@id'] ?? value.url), text(value.url), naturalText(value['dc:title'] ?? value['schema:name'])) : licenceRef(text(licence.value)), licence.name)
  }
  const rights = pick(data, ['dc:rights', 'dcterms:rights', 'dct:rights'])
  b.set('rights', naturalText(rights?.value), rights?.name ?? '')
  const keywords = pick(data, ['dcat:keyword', 'schema:keywords', 'dc:subject', 'dcterms:subject'])
  if (keywords) b.add('keywords', texts(keywords.value), keywords.name)
  const themes = pick(data, ['dcat:theme'])
  if (themes) b.add('themes', texts(themes.value), themes.name)
  const frequency = pick(data, ['dcterms:accrualPeriodicity', 'dct:accrualPeriodicity', 'dc:accrualPeriodicity'])
  b.set('updateFrequency', text(frequency?.value), frequency?.name ?? '')
  const issued = pick(data, ['dc:issued', 'dcterms:issued', 'dct:issued', 'schema:datePublished'])
  b.set('issued', text(issued?.value), issued?.name ?? '')
  const modified = pick(data, ['dc:modified', 'dcterms:modified', 'dct:modified', 'schema:dateModified'])
  b.set('modified', text(modified?.value), modified?.name ?? '')
  const temporal = pick(data, ['dc:temporal', 'dcterms:temporal', 'dct:temporal'])
  if (temporal) b.set('temporal', {text: text(temporal.value)!}, temporal.name)
  const spatial = pick(data, ['dc:spatial', 'dcterms:spatial', 'dct:spatial'])
  b.set('spatial', text(spatial?.value), spatial?.name ?? '')
  const landing = pick(data, ['dcat:landingPage', 'schema:url'])
  b.set('landingPage', text(landing?.value), landing?.name ?? '')
  const page = pick(data, ['foaf:page', 'schema:documentation', 'rdfs:seeAlso'])
  b.set('documentation', text(page?.value), page?.name ?? '')
  const language = pick(data, ['dc:language', 'dcterms:language', 'dct:language'])
  if (language) b.add('language', texts(language.value), language.name)
  else if (Array.isArray(data['@context'])) {
    const lang = data['@context'].find((c) => isObject(c) && typeof c['@language'] === 'string') as JsonObject | undefined
    if (lang) b.add('language', [lang['@language'] as string], '@context @language')
  }
  b.distributions(
    tables.map((t) => tableDistribution(t, single ? undefined : data.tableSchema, context)),
    single ? 'url, tableSchema' : 'tables',
  )
  return b.done()
}

export function readCsvw(text: string, path: string, context: AdapterContext = {}): DatasetMetadata[] {
  return [csvwToModel(parseJsonText(text), path, context)]
}
