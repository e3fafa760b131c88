/** metadata-invalid: a value the metadata gives is malformed (a date not in ISO 8601, an email or web address that is not one). */
import {defineCheck} from '../../engine/check.js'
import {datasetLabel} from '../../metadata/merge.js'
import type {DatasetMetadata} from '../../metadata/model.js'
import {resourceFor} from './names.js'
import {EXPECTED, VALID, type ValueKind} from './value-formats.js'

interface Value {
  property: string
  /** Plain words for messages. */
  label: string
  value: string | undefined
  kind: ValueKind
  /** The model property whose evidence names the source field. */
  evidenceOf: string
}

function valuesOf(m: DatasetMetadata): Value[] {
  const values: Value[] = [
    {property: 'issued', label: 'date first published', value: m.issued, kind: 'date', evidenceOf: 'issued'},
    {property: 'modified', label: 'date last changed', value: m.modified, kind: 'date', evidenceOf: 'modified'},
    {property: 'temporal.start', label: 'start of the time period covered', value: m.temporal?.start, kind: 'date', evidenceOf: 'temporal'},
    {property: 'temporal.end', label: 'end of the time period covered', value: m.temporal?.end, kind: 'date', evidenceOf: 'temporal'},
    {property: 'publisher.email', label: 'publisher\'s email address', value: m.publisher?.email, kind: 'email', evidenceOf: 'publisher'},
    {property: 'contactPoint.email', label: 'contact email address', value: m.contactPoint?.email, kind: 'email', evidenceOf: 'contactPoint'},
    {property: 'publisher.url', label: 'publisher\'s web address', value: m.publisher?.url, kind: 'url', evidenceOf: 'publisher'},
    {property: 'contactPoint.url', label: 'contact web address', value: m.contactPoint?.url, kind: 'url', evidenceOf: 'contactPoint'},
    {property: 'landingPage', label: 'landing page', value: m.landingPage, kind: 'url', evidenceOf: 'landingPage'},
    {property: 'documentation', label: 'documentation page', value: m.documentation, kind: 'url', evidenceOf: 'documentation'},
    {property: 'licence.url', label: 'licence web address', value: m.licence?.url, kind: 'url', evidenceOf: 'licence'},
  ]
  m.distributions.forEach((d, i) => values.push({property: `distributions[${i}].url`, label: `web address of file ${i + 1}${d.title ? ` ("${d.title}")` : ''}`, value: d.url, kind: 'url', evidenceOf: 'distributions'}))
  m.provenance?.forEach((s, i) => values.push({property: `provenance[${i}].url`, label: `web address of source ${i + 1}`, value: s.url, kind: 'url', evidenceOf: 'provenance'}))
  return values
}

export const metadataInvalid = defineCheck<Record<string, never>, undefined>({
  name: 'metadata-invalid',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The metadata gives the {{label}} as "{{value}}", which is not {{expected}}',
    inDataset: 'The metadata of "{{dataset}}" gives the {{label}} as "{{value}}", which is not {{expected}}',
  },
  create: () => ({
    dataset(context, report) {
      for (const m of context.metadataSources) {
        const siblings = context.metadataSources.filter((d) => d.source.path === m.source.path)
        const label = siblings.length > 1 ? datasetLabel(m, siblings) : undefined
        for (const v of valuesOf(m)) {
          if (v.value === undefined || VALID[v.kind](v.value)) continue
          const details: Record<string, unknown> = {property: v.property, label: v.label, value: v.value, expected: EXPECTED[v.kind], format: m.source.format}
          if (m.evidence[v.evidenceOf]) details.field = m.evidence[v.evidenceOf]
          if (label) details.dataset = label
          report({...resourceFor(context, m.source.path), ...(label ? {messageId: 'inDataset'} : {}), details})
        }
      }
    },
  }),
})
