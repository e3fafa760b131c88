/**
 * metadata-missing, metadata-missing-recommended, metadata-missing-optional: one check, three
 * rules. A finding's severity comes from its rule, so properties of different importance are
 * listed in the `properties` option of rules of different severity (docs/rules/metadata-missing.md).
 * A property counts as present if any metadata file describing the dataset gives it.
 */
import {defineCheck} from '../../engine/check.js'
import {describedDatasets} from '../../metadata/merge.js'
import {PROPERTIES, PROPERTY_NAMES, whereToWrite, type PropertyName} from './properties.js'
import {fileName, resourceFor} from './names.js'

interface Options {
  properties: PropertyName[]
}

export const metadataMissing = defineCheck<Options, undefined>({
  name: 'metadata-missing',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['properties'],
    properties: {properties: {type: 'array', uniqueItems: true, items: {enum: [...PROPERTY_NAMES]}}},
  },
  messages: {
    default: 'The metadata ({{source}}) gives no {{label}}: add {{where}}',
    inDataset: 'The metadata of "{{dataset}}" ({{source}}) gives no {{label}}: add {{where}}',
    publisherUnnamed: 'The metadata ({{source}}) gives the publisher only as {{given}}, without a name: add its name ({{where}})',
    publisherUnnamedInDataset: 'The metadata of "{{dataset}}" ({{source}}) gives the publisher only as {{given}}, without a name: add its name ({{where}})',
  },
  create: ({properties}) => ({
    dataset(context, report) {
      for (const described of describedDatasets(context.metadataSources)) {
        const primary = described.documents[0]
        for (const property of properties) {
          if (PROPERTIES[property].has(described.metadata)) continue
          // Named in the message: with several files about, the user should not have to guess which lacks it.
          const source = described.documents.map((d) => fileName(context, d.source.path)).join(', ')
          const details: Record<string, unknown> = {property, label: PROPERTIES[property].label, where: whereToWrite(primary.source.format, property), format: primary.source.format, source}
          if (described.label) details.dataset = described.label
          let messageId = described.label ? 'inDataset' : undefined
          const publisher = described.metadata.publisher
          if (property === 'publisherName' && publisher) {
            Object.assign(details, publisher.url ? {url: publisher.url} : {email: publisher.email})
            details.given = publisher.url ? `a web address (${publisher.url})` : `an email address (${publisher.email})`
            messageId = described.label ? 'publisherUnnamedInDataset' : 'publisherUnnamed'
          }
          report({...resourceFor(context, primary.source.path), ...(messageId ? {messageId} : {}), details})
        }
      }
    },
  }),
})
