/** A CKAN dataset record (`package_show` response, bare or in its `{success, result}` envelope, or API v2) into the model. */
import {MetadataError} from '../errors.js'
import {parseJsonText} from '../json-text.js'
import type {DatasetMetadata} from '../model.js'
import {agent, distribution, isObject, isUrl, licenceRef, MetadataBuilder, numberOf, temporalOf, text, texts, withoutMailto, type JsonObject} from './values.js'

/** `extras` is a list of {key, value} in API v3 and a plain object in v2. */
function extrasOf(pkg: JsonObject): Map<string, string> {
  const extras = new Map<string, string>()
  if (Array.isArray(pkg.extras)) {
    for (const e of pkg.extras) if (isObject(e) && typeof e.key === 'string' && text(e.value)) extras.set(e.key, text(e.value)!)
  } else if (isObject(pkg.extras)) {
    for (const [k, v] of Object.entries(pkg.extras)) if (text(v)) extras.set(k, text(v)!)
  }
  return extras
}

/** data.gov.uk stores some lists as JSON text, e.g. theme-secondary '["Government"]'. */
function listText(value: string | undefined): string[] {
  if (!value) return []
  if (value.startsWith('[')) {
    try {
      return texts(JSON.parse(value))
    } catch {
      return [value]
    }
  }
  return [value]
}

export function unwrapCkan(data: unknown): JsonObject {
  if (isObject(data) && 'success' in data && ('result' in data || 'error' in data)) {
    if (data.success !== true || !isObject(data.result)) {
      const error = isObject(data.error) ? text(data.error.message) ?? JSON.stringify(data.error) : 'no result'
      throw new MetadataError(`The CKAN API response reports a failure (${error}).`, 'shape', 'Save the response of a successful package_show call.')
    }
    return data.result
  }
  if (!isObject(data)) throw new MetadataError('A CKAN dataset record must be a JSON object.', 'shape', 'Save the response of the CKAN API call package_show?id=<dataset>.')
  return data
}

export function ckanToModel(data: unknown, path: string): DatasetMetadata {
  const pkg = unwrapCkan(data)
  if (pkg.is_organization === true || pkg.type === 'organization' || Array.isArray(pkg.packages)) {
    throw new MetadataError('This is a CKAN organisation record, not a dataset record.', 'unrecognised', 'Use the dataset\'s own record: the CKAN API call package_show?id=<dataset>.')
  }
  const extras = extrasOf(pkg)
  const top = (key: string) => text(pkg[key])
  // A value from `extras` or, as data.gov.uk also flattens them, from the top level.
  const extra = (key: string): [string | undefined, string] => (extras.has(key) ? [extras.get(key), `extras.${key}`] : [top(key), key])
  const b = new MetadataBuilder('ckan', path)
  b.set('title', top('title'), 'title')
  b.set('title', top('name'), 'name')
  b.set('description', top('notes'), 'notes')
  b.set('identifier', top('id') ?? top('name'), top('id') ? 'id' : 'name')
  b.set('licence', licenceRef(top('license_id'), top('license_url'), top('license_title') ?? top('license')), top('license_id') ? 'license_id' : 'license_url')
  const org = isObject(pkg.organization) ? pkg.organization : undefined
  if (org) b.set('publisher', agent({name: text(org.title) ?? text(org.name), url: text(org.url) ?? text(org.homepage)}), 'organization.title')
  b.set('publisher', agent({name: extras.get('publisher') ?? top('author')}), extras.has('publisher') ? 'extras.publisher' : 'author')
  const contacts: Array<[string | undefined, string | undefined, string]> = [
    [top('maintainer'), top('maintainer_email'), 'maintainer_email'],
    [top('author'), top('author_email'), 'author_email'],
    [extra('contact-name')[0], extra('contact-email')[0], extra('contact-email')[1]],
  ]
  for (const [name, email, from] of contacts) if (email) b.set('contactPoint', agent({name, email: withoutMailto(email)}), from)
  b.set('contactPoint', agent({name: top('maintainer')}), 'maintainer')
  b.add('keywords', (Array.isArray(pkg.tags) ? pkg.tags : []).map((t) => (isObject(t) ? text(t.display_name) ?? text(t.name) : text(t))).filter((t): t is string => !!t), 'tags')
  b.add('themes', listText(extra('theme-primary')[0]), extra('theme-primary')[1])
  b.add('themes', listText(extra('theme-secondary')[0]), extra('theme-secondary')[1])
  b.add('themes', (Array.isArray(pkg.groups) ? pkg.groups : []).map((g) => (isObject(g) ? text(g.title) ?? text(g.name) : text(g))).filter((g): g is string => !!g), 'groups')
  for (const [from, to] of [['temporal_coverage-from', 'temporal_coverage-to'], ['temporal_start', 'temporal_end']]) {
    const [start, startFrom] = extra(from)
    const [end] = extra(to)
    b.set('temporal', temporalOf(start, end), startFrom)
  }
  b.set('temporal', temporalOf(undefined, undefined, extra('temporal')[0]), extra('temporal')[1])
  const [coverage, coverageFrom] = extra('geographic_coverage')
  // data.gov.uk writes '111100: United Kingdom (England, Scotland, Wales, Northern Ireland)'.
  b.set('spatial', coverage?.replace(/^\d+:\s*/, ''), coverageFrom)
  b.set('spatial', extra('spatial_text')[0] ?? extra('spatial')[0], extra('spatial_text')[0] ? extra('spatial_text')[1] : extra('spatial')[1])
  const [frequency, frequencyFrom] = extra('update_frequency')
  if (frequency === 'other') b.set('updateFrequency', extra('update_frequency-other')[0], extra('update_frequency-other')[1])
  b.set('updateFrequency', frequency, frequencyFrom)
  b.set('updateFrequency', extra('frequency')[0], extra('frequency')[1])
  b.set('issued', top('metadata_created'), 'metadata_created')
  b.set('modified', top('metadata_modified'), 'metadata_modified')
  b.set('landingPage', top('url'), 'url')
  b.set('documentation', extra('documentation')[0], extra('documentation')[1])
  b.add('language', listText(extra('language')[0]), extra('language')[1])
  const resources = Array.isArray(pkg.resources) ? pkg.resources.filter(isObject) : []
  b.distributions(
    resources.map((r) => {
      const url = text(r.url)
      return distribution({
        title: text(r.name) ?? text(r.description),
        url: isUrl(url) ? url : undefined,
        path: url && !isUrl(url) ? url : undefined,
        format: text(r.format),
        mediaType: text(r.mimetype),
        bytes: numberOf(r.size),
      })
    }),
    'resources',
  )
  return b.done()
}

export function readCkan(text: string, path: string): DatasetMetadata[] {
  return [ckanToModel(parseJsonText(text), path)]
}
