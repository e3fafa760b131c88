/**
 * licence-missing: no metadata document names a licence (CKAN's `notspecified` counts as
 * none). Without a licence nobody may lawfully reuse the data, so this is the first of the
 * 5 stars and a question every ODI certificate asks. With no metadata at all it still
 * reports, saying that no metadata was found.
 */
import {relative} from 'node:path'
import {defineCheck} from '../../engine/check.js'
import {unreadableReportedBy} from '../metadata/unreadable.js'
import {isNotSpecified, metadataDocuments, sourceName, statedLicences} from './stated.js'

export const licenceMissing = defineCheck<Record<string, never>, undefined>({
  name: 'licence-missing',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The metadata ({{sources}}) names no licence: state the licence the data is published under, e.g. the Open Government Licence v3.0',
    notSpecified: 'The metadata says the licence is not specified ("{{raw}}" in {{source}}): state the licence the data is published under, e.g. the Open Government Licence v3.0',
    noMetadata: 'No metadata was found, so nothing states a licence: publish a datapackage.json, CSVW file or catalogue record that names the licence',
    unreadable: 'The metadata ({{unreadable}}) cannot be used, so nothing states a licence: fix it (see {{reportedBy}}) and make sure it names the licence',
  },
  create: () => ({
    dataset(context, report) {
      const documents = metadataDocuments(context)
      if (documents.length === 0) {
        const problems = context.metadataLoad?.problems ?? []
        const unreadable = problems.map((p) => relative(context.metadataLoad!.cwd, p.path).split('\\').join('/'))
        const reportedBy = [...new Set(problems.map((p) => unreadableReportedBy(context, p.path)))]
        if (unreadable.length > 0) report({messageId: 'unreadable', details: {reason: 'unreadable', sources: [], unreadable, reportedBy}})
        else report({messageId: 'noMetadata', details: {reason: 'no-metadata', sources: []}})
        return
      }
      const dataLicences = statedLicences(context).filter((s) => s.property === 'licence')
      if (dataLicences.some((s) => !isNotSpecified(s))) return
      const sources = [...new Set(documents.map((m) => sourceName(m, context)))]
      const placeholder = dataLicences[0]
      if (placeholder) {
        report({messageId: 'notSpecified', details: {reason: 'not-specified', sources, raw: placeholder.ref.raw, source: placeholder.source, licence: placeholder.match?.licence.id}})
        return
      }
      const contentLicence = statedLicences(context).find((s) => s.property === 'contentLicence')
      report({details: {reason: 'none', sources, ...(contentLicence ? {contentLicence: contentLicence.ref.raw} : {})}})
    },
  }),
})
