/**
 * DCAT-US / Project Open Data `data.json` (and the DCAT-style JSON UK portals harvest) into
 * the model. A catalog lists several datasets: each becomes its own DatasetMetadata.
 */
import {MetadataError} from '../errors.js'
import {parseJsonText} from '../json-text.js'
import type {DatasetMetadata} from '../model.js'
import {agent, distribution, isObject, isUrl, licenceRef, MetadataBuilder, numberOf, temporalOf, text, texts, withoutMailto, type JsonObject} from './values.js'

/** Keywords written as one comma-joined string are split, as portals do. */
function keywordsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((k) => k.trim()).filter(Boolean)
  return texts(value)
}

/** What a catalog states for all its datasets, which a dataset inherits unless it says otherwise. */
interface CatalogDefaults {
  license?: string
}

function datasetToModel(d: JsonObject, path: string, pointer: string, catalog: CatalogDefaults = {}): DatasetMetadata {
  const b = new MetadataBuilder('dcat-us', path)
  const at = (key: string) => `${pointer}${key}`
  b.set('title', text(d.title), at('title'))
  b.set('description', text(d.description), at('description'))
  b.set('identifier', text(d.identifier), at('identifier'))
  const publisher = d.publisher
  b.set('publisher', isObject(publisher) ? agent({name: text(publisher.name), url: text(publisher.url) ?? text(publisher['@id']), email: withoutMailto(text(publisher.mbox))}) : agent({name: text(publisher)}), at('publisher'))
  if (isObject(d.contactPoint)) {
    const c = d.contactPoint
    b.set('contactPoint', agent({name: text(c.fn), email: withoutMailto(text(c.hasEmail))}), at('contactPoint'))
  }
  // DCAT-US 1.0 put the contact on the dataset itself.
  b.set('contactPoint', agent({name: text(d.contactPoint), email: withoutMailto(text(d.mbox))}), at('mbox'))
  b.set('licence', licenceRef(text(d.license)), at('license'))
  // East Devon's data.json, harvested by data.gov.uk, names the licence once, on the catalog.
  b.set('licence', licenceRef(catalog.license), 'license')
  b.set('rights', text(d.rights), at('rights'))
  b.add('keywords', keywordsOf(d.keyword), at('keyword'))
  b.add('themes', texts(d.theme), at('theme'))
  if (typeof d.temporal === 'string') b.set('temporal', temporalOf(undefined, undefined, text(d.temporal)), at('temporal'))
  b.set('spatial', text(d.spatial), at('spatial'))
  b.set('updateFrequency', text(d.accrualPeriodicity), at('accrualPeriodicity'))
  b.set('updateFrequency', text(d.frequency), at('frequency'))
  b.set('issued', text(d.issued), at('issued'))
  b.set('modified', text(d.modified), at('modified'))
  b.set('landingPage', text(d.landingPage), at('landingPage'))
  b.set('documentation', text(d.describedBy), at('describedBy'))
  const references = Array.isArray(d.references) ? d.references : d.references === undefined ? [] : [d.references]
  b.set('documentation', text(references.map((r) => (isObject(r) ? r.url : r))), at('references'))
  b.add('language', texts(d.language), at('language'))
  const distributions = Array.isArray(d.distribution) ? d.distribution : isObject(d.distribution) ? [d.distribution] : []
  b.distributions(
    distributions.filter(isObject).map((x) => {
      const url = text(x.downloadURL) ?? text(x.accessURL)
      return distribution({
        title: text(x.title),
        url: isUrl(url) ? url : undefined,
        path: url && !isUrl(url) ? url : undefined,
        format: text(x.format),
        mediaType: text(x.mediaType),
        bytes: numberOf(x.byteSize),
      })
    }),
    at('distribution'),
  )
  return b.done()
}

export function dcatUsToModels(data: unknown, path: string): DatasetMetadata[] {
  if (Array.isArray(data)) {
    const datasets = data.filter(isObject)
    if (datasets.length === 0) throw new MetadataError('The file is a JSON list with no datasets in it.', 'shape', 'List datasets as objects with "title", "description" and "distribution".')
    return datasets.map((d, i) => datasetToModel(d, path, `[${i}].`))
  }
  if (!isObject(data)) throw new MetadataError('A data.json catalog must be a JSON object.', 'shape', 'Use a catalog object with a "dataset" list (https://resources.data.gov/resources/dcat-us/).')
  const catalog: CatalogDefaults = {license: text(data.license)}
  if (Array.isArray(data.dataset)) return data.dataset.filter(isObject).map((d, i) => datasetToModel(d, path, `dataset[${i}].`, catalog))
  if (isObject(data.dataset)) return [datasetToModel(data.dataset, path, 'dataset.', catalog)]
  if (data.title !== undefined || data.distribution !== undefined) return [datasetToModel(data, path, '')]
  throw new MetadataError('The catalog lists no datasets.', 'shape', 'Put the datasets in a "dataset" list (https://resources.data.gov/resources/dcat-us/).')
}

export function readDcatUs(text: string, path: string): DatasetMetadata[] {
  const models = dcatUsToModels(parseJsonText(text), path)
  if (models.length === 0) throw new MetadataError('The catalog\'s "dataset" list is empty.', 'shape', 'Describe at least one dataset in it.')
  return models
}
