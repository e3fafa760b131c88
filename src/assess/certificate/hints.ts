/**
 * The certificate's "odcheck reads this from metadata" hints for one dataset. Each names the key
 * to write in the metadata format in use (odcheck.yaml's `contentLicence`, DCAT's `dct:rights`),
 * as the metadata rules' messages do, and says what is wrong with a value that is given but
 * cannot answer the question: a publisher given only by its web address has no name to answer with.
 */
import {hasField, whereToWrite, type MetadataKey} from '../../checks/metadata/properties.js'
import type {DatasetMetadata, MetadataFormat} from '../../metadata/model.js'
import {hintProperty, verifiableBy} from './verifiable.js'

/** What odcheck would read to answer a question (or one of its choices), in this dataset's terms. */
export type HintFor = (question: string, choice?: string) => string | undefined

const FORMAT_LABELS: Record<MetadataFormat, string> = {
  datapackage: 'datapackage.json',
  csvw: 'the CSVW metadata',
  'dcat-jsonld': 'DCAT',
  'dcat-turtle': 'DCAT',
  'dcat-rdfxml': 'DCAT',
  'dcat-us': 'data.json',
  ckan: 'the CKAN record',
  odcheck: 'odcheck.yaml',
}

/** The key for a property in each format in use; odcheck.yaml's when there is no metadata yet (`odcheck init` writes one). */
function keysFor(formats: MetadataFormat[], property: MetadataKey): string {
  const used = formats.length > 0 ? formats : (['odcheck'] as MetadataFormat[])
  // A format with no field of its own points at odcheck.yaml, which need not be said beside one that has one.
  const native = used.filter((f) => hasField(f, property))
  const chosen = native.length > 0 ? native : used.slice(0, 1)
  const keys = chosen.map((format) => {
    const key = whereToWrite(format, property)
    if (!hasField(format, property)) return key
    if (format === 'odcheck') return `${key} in odcheck.yaml`
    return chosen.length > 1 ? `${key} in ${FORMAT_LABELS[format]}` : key
  })
  return [...new Set(keys)].join(' or ')
}

/** Hints in the terms of the metadata formats in use (odcheck.yaml's when none), about `metadata` as merged. */
export function metadataHints(formatsInUse: MetadataFormat[], metadata?: DatasetMetadata): HintFor {
  const formats = [...new Set(formatsInUse)]
  return (question, choice) => {
    const hint = verifiableBy(question, choice)
    const property = hint === undefined ? undefined : hintProperty(question, choice)
    if (hint === undefined || property === undefined) return hint
    const where = keysFor(formats, property)
    const publisher = metadata?.publisher
    if (property === 'publisherName' && publisher && !publisher.name?.trim() && (publisher.url || publisher.email)) {
      const given = publisher.url ? `a web address (${publisher.url})` : `an email address (${publisher.email})`
      return `${hint}, but the metadata gives the publisher only as ${given}, without a name: add its name (${where})`
    }
    return `${hint} (${where})`
  }
}
