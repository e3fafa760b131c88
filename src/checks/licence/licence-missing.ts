/**
 * licence-missing: no metadata document names a licence (CKAN's `notspecified` counts as
 * none). Without a licence nobody may lawfully reuse the data, so this is the first of the
 * 5 stars and a question every ODI certificate asks. With no metadata at all it still
 * reports, saying that no metadata was found.
 */
import {defineCheck} from '../../engine/check.js'
import {displayName} from '../../metadata/report-view.js'
import {whereToWrite} from '../metadata/properties.js'
import {unreadableReportedBy} from '../metadata/unreadable.js'
import {isNotSpecified, metadataDocuments, sourceName, statedLicences} from './stated.js'
import {listSome} from '../../shared/text.js'

export const licenceMissing = defineCheck<Record<string, never>, undefined>({
  name: 'licence-missing',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The metadata ({{sources}}) names no licence: state the licence the data is published under, e.g. the Open Government Licence v3.0',
    notSpecified: 'The metadata says the licence is not specified ("{{raw}}" in {{source}}): state the licence the data is published under, e.g. the Open Government Licence v3.0',
    noMetadata: 'No metadata was found, so nothing states a licence: publish a datapackage.json, CSVW file or catalogue record that names the licence',
    noMetadataInArchive: 'No metadata was found beside the data, so nothing states a licence: {{inArchiveList}} is inside an archive, where catalogues and most tools do not read it. Publish it beside the archive, so that the licence it names counts',
    unreadable: 'The metadata ({{unreadable}}) cannot be used, so nothing states a licence: fix it (see {{reportedBy}}) and make sure it names the licence',
    unreadableNoLicence: 'The metadata ({{unreadable}}) is not valid JSON (see {{reportedBy}}), and even read past its trailing commas it names no licence: fix the JSON and add {{where}} naming the licence the data is published under, e.g. the Open Government Licence v3.0',
    unreadableLicence: 'The metadata ({{unreadable}}) names the licence "{{raw}}", but it is not valid JSON (see {{reportedBy}}), so that does not count: fix the JSON',
  },
  create: () => ({
    dataset(context, report) {
      const documents = metadataDocuments(context)
      if (documents.length === 0) {
        const problems = context.metadataLoad?.problems ?? []
        if (problems.length === 0) {
          const inArchives = context.metadataLoad?.inArchives ?? []
          if (inArchives.length > 0) report({messageId: 'noMetadataInArchive', details: {reason: 'no-metadata', sources: [], inArchives, inArchiveList: listSome(inArchives, 3)}})
          else report({messageId: 'noMetadata', details: {reason: 'no-metadata', sources: []}})
          return
        }
        const unreadable = problems.map((p) => displayName(p.path, context.metadataLoad!.cwd))
        const reportedBy = [...new Set(problems.map((p) => unreadableReportedBy(context, p.path)))]
        const details = {reason: 'unreadable', sources: [], unreadable, reportedBy}
        // Files broken only by trailing commas: what they would say once fixed.
        const readPast = problems.every((p) => p.readPastTrailingCommas) ? problems.flatMap((p) => p.readPastTrailingCommas!) : undefined
        const named = readPast?.map((m) => m.licence?.raw?.trim()).find(Boolean)
        if (!readPast) report({messageId: 'unreadable', details})
        else if (named) report({messageId: 'unreadableLicence', details: {...details, namesLicence: true, raw: named}})
        else {
          const where = [...new Set(readPast.map((m) => whereToWrite(m.source.format, 'licence')))].join(' or ')
          report({messageId: 'unreadableNoLicence', details: {...details, namesLicence: false, where}})
        }
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
