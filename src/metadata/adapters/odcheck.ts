/** odcheck's own `odcheck.yaml` (schemas/odcheck-metadata.schema.json): the model's keys, for publishers with nothing else. */
import {MetadataError} from '../errors.js'
import type {DatasetMetadata, LicenceRef} from '../model.js'
import {describeSchemaErrors, metadataSchemaValidator} from '../schema.js'
import {parseYamlText} from '../yaml-text.js'
import {agent, distribution, isObject, licenceRef, MetadataBuilder, numberOf, temporalOf, text, texts, type JsonObject} from './values.js'

function agentOf(value: unknown) {
  return isObject(value) ? agent({name: text(value.name), url: text(value.url), email: text(value.email)}) : agent({name: text(value)})
}

function licenceOf(value: unknown): LicenceRef | undefined {
  return isObject(value) ? licenceRef(text(value.id), text(value.url), text(value.title)) : licenceRef(text(value))
}

export function odcheckToModel(data: unknown, path: string): DatasetMetadata {
  if (data === null || data === undefined) throw new MetadataError('The file has no properties in it.', 'shape', 'Run `odcheck init` to write a template, then fill it in.')
  const validate = metadataSchemaValidator('odcheck-metadata.schema.json')
  if (!validate(data)) {
    const errors = describeSchemaErrors(validate.errors)
    throw new MetadataError(`It does not follow the odcheck.yaml format: ${errors.slice(0, 5).join('; ')}.`, 'shape', 'Fix these keys (the format is documented in schemas/odcheck-metadata.schema.json; `odcheck init` writes a template).')
  }
  const d = data as JsonObject
  const b = new MetadataBuilder('odcheck', path)
  for (const key of ['title', 'description', 'identifier', 'rights', 'attribution', 'spatial', 'updateFrequency', 'issued', 'modified', 'documentation', 'landingPage'] as const) {
    b.set(key, text(d[key]), key)
  }
  b.set('publisher', agentOf(d.publisher), 'publisher')
  b.set('contactPoint', agentOf(d.contactPoint), 'contactPoint')
  b.set('licence', licenceOf(d.licence), 'licence')
  b.set('contentLicence', licenceOf(d.contentLicence), 'contentLicence')
  b.add('keywords', texts(d.keywords), 'keywords')
  b.add('themes', texts(d.themes), 'themes')
  b.add('language', texts(d.language), 'language')
  if (typeof d.temporal === 'string') b.set('temporal', temporalOf(undefined, undefined, d.temporal), 'temporal')
  else if (isObject(d.temporal)) {
    const t = {...temporalOf(text(d.temporal.start), text(d.temporal.end)), ...(text(d.temporal.text) ? {text: text(d.temporal.text)} : {})}
    b.set('temporal', Object.keys(t).length ? t : undefined, 'temporal')
  }
  b.set('personalData', d.personalData as DatasetMetadata['personalData'], 'personalData')
  if (Array.isArray(d.provenance)) b.set('provenance', (d.provenance as JsonObject[]).map((s) => ({...(text(s.title) ? {title: text(s.title)} : {}), ...(text(s.url) ? {url: text(s.url)} : {})})), 'provenance')
  const files = Array.isArray(d.distributions) ? (d.distributions as JsonObject[]) : []
  b.distributions(
    files.map((f) =>
      distribution({
        title: text(f.title),
        path: text(f.path),
        url: text(f.url),
        format: text(f.format),
        mediaType: text(f.mediaType),
        bytes: numberOf(f.bytes),
        fields: Array.isArray(f.fields) ? (f.fields as string[]) : undefined,
        rowCount: numberOf(f.rowCount),
      }),
    ),
    'distributions',
  )
  return b.done()
}

export function readOdcheck(text: string, path: string): DatasetMetadata[] {
  return [odcheckToModel(parseYamlText(text), path)]
}
