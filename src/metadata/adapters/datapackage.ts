/** Frictionless Data Package (v1 and v2, JSON or YAML) into the model. */
import {MetadataError} from '../errors.js'
import {parseJsonText} from '../json-text.js'
import type {Agent, DatasetMetadata, Distribution} from '../model.js'
import {parseYamlText} from '../yaml-text.js'
import type {AdapterContext} from './context.js'
import {agent, distribution, isObject, isUrl, licenceRef, MetadataBuilder, numberOf, text, texts, type JsonObject} from './values.js'
import {HOLDS_FILES} from '../../load/archive-kind.js'

function roles(contributor: JsonObject): string[] {
  // v1 has one `role`, v2 a `roles` list.
  return [...texts(contributor.roles), ...texts(contributor.role)].map((r) => r.toLowerCase())
}

function contributorAgent(c: JsonObject): Agent | undefined {
  return agent({name: text(c.title) ?? text(c.name) ?? text(c.organization), url: text(c.path) ?? text(c.web), email: text(c.email)})
}

function fieldNames(schema: unknown, context: AdapterContext): string[] | undefined {
  let resolved = schema
  if (typeof schema === 'string' && !isUrl(schema)) resolved = context.readRelatedJson?.(schema)
  if (!isObject(resolved) || !Array.isArray(resolved.fields)) return undefined
  return resolved.fields.map((f) => (isObject(f) ? text(f.name) : undefined) ?? '')
}

function resourceDistribution(resource: unknown, index: number, context: AdapterContext): Distribution {
  if (!isObject(resource)) throw new MetadataError(`resources[${index}] is not an object.`, 'shape', 'Each resource must be an object with at least a "path" (or inline "data").')
  // A multipart resource lists several files; the first stands for it here.
  const stored = text(resource.path)
  const innerpath = text(resource.innerpath)
  // Frictionless' innerpath names the file inside a zip (or tar archive): named through it (data.zip/data.csv), as odcheck's reports name it.
  const location = (stored && innerpath && HOLDS_FILES.test(stored) ? `${stored}/${innerpath.replace(/^\/+/, '')}` : stored) ?? text(resource.url)
  const stats = isObject(resource.stats) ? resource.stats : {}
  return distribution({
    title: text(resource.title) ?? text(resource.name),
    url: isUrl(location) ? location : undefined,
    path: location && !isUrl(location) ? location : undefined,
    format: text(resource.format),
    mediaType: text(resource.mediatype) ?? text(resource.mediaType),
    bytes: numberOf(resource.bytes) ?? numberOf(stats.bytes),
    fields: fieldNames(resource.schema, context),
    rowCount: numberOf(stats.rows) ?? numberOf(resource.count_of_rows) ?? numberOf(resource.rowCount),
  })
}

export function datapackageToModel(data: unknown, path: string, context: AdapterContext = {}): DatasetMetadata {
  if (!isObject(data)) throw new MetadataError('A data package must be a JSON object.', 'shape', 'Start the file with { and describe the package in it (https://datapackage.org).')
  if (!Array.isArray(data.resources)) {
    throw new MetadataError('The data package has no "resources" list.', 'shape', 'List the data files under "resources", each with a "path" (https://datapackage.org/standard/data-package/).')
  }
  const b = new MetadataBuilder('datapackage', path)
  b.set('title', text(data.title), 'title')
  b.set('description', text(data.description), 'description')
  b.set('identifier', text(data.id) ?? text(data.name), data.id ? 'id' : 'name')

  const licences = Array.isArray(data.licenses) ? data.licenses : []
  const first = licences.find(isObject)
  if (first) b.set('licence', licenceRef(text(first.name) ?? text(first.id), text(first.path) ?? text(first.uri), text(first.title)), 'licenses[0]')
  else if (typeof data.license === 'string') b.set('licence', licenceRef(text(data.license)), 'license')
  else if (isObject(data.license)) b.set('licence', licenceRef(text(data.license.type) ?? text(data.license.name), text(data.license.url) ?? text(data.license.path)), 'license')

  const contributors = (Array.isArray(data.contributors) ? data.contributors : []).filter(isObject)
  const publisherIndex = contributors.findIndex((c) => roles(c).includes('publisher'))
  if (publisherIndex >= 0) b.set('publisher', contributorAgent(contributors[publisherIndex]), `contributors[${publisherIndex}] (role publisher)`)
  else if (isObject(data.publisher)) b.set('publisher', contributorAgent(data.publisher), 'publisher')
  else b.set('publisher', agent({name: text(data.publisher)}), 'publisher')
  const contactIndex = contributors.findIndex((c) => roles(c).some((r) => r === 'maintainer' || r === 'contact') && (c.email || c.path))
  if (contactIndex >= 0) b.set('contactPoint', contributorAgent(contributors[contactIndex]), `contributors[${contactIndex}] (role ${roles(contributors[contactIndex]).join('/')})`)
  else if (publisherIndex >= 0 && contributors[publisherIndex].email) b.set('contactPoint', contributorAgent(contributors[publisherIndex]), `contributors[${publisherIndex}].email`)

  b.add('keywords', texts(data.keywords), 'keywords')
  b.set('landingPage', text(data.homepage), 'homepage')
  const sources = (Array.isArray(data.sources) ? data.sources : []).filter(isObject)
  b.set('provenance', sources.map((s) => Object.fromEntries(Object.entries({title: text(s.title) ?? text(s.name), url: text(s.path) ?? text(s.web) ?? text(s.url)}).filter(([, v]) => v))), 'sources')
  b.set('issued', text(data.created), 'created')
  for (const key of ['modified', 'last_modified', 'last_updated', 'lastModified']) b.set('modified', text(data[key]), key)
  b.distributions(data.resources.map((r, i) => resourceDistribution(r, i, context)), 'resources')
  return b.done()
}

export function readDatapackage(text: string, path: string, context: AdapterContext = {}): DatasetMetadata[] {
  const data = /\.ya?ml$/i.test(path) ? parseYamlText(text) : parseJsonText(text)
  return [datapackageToModel(data, path, context)]
}
