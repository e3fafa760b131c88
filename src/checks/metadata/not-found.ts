/**
 * metadata-not-found: odcheck found no metadata beside the data. Said once, with where it
 * looked, rather than as one finding per missing property.
 */
import {posix} from 'node:path'
import {defineCheck} from '../../engine/check.js'
import {listSome} from '../../shared/text.js'

export const metadataNotFound = defineCheck<Record<string, never>, undefined>({
  name: 'metadata-not-found',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default:
      'No metadata describes this data: odcheck looked in {{folders}} for {{names}}. Publish the dataset with a title, publisher, licence and description: run `odcheck init` to write an odcheck.yaml template, or name your metadata file with --metadata',
    nested:
      'No metadata describes this data as a whole: odcheck looked in {{folders}} for {{names}}. Metadata in folders below ({{nestedList}}) describes only its own folder, so it was not read: check each dataset folder on its own, e.g. `odcheck check {{nestedFolder}}`',
    records:
      'No metadata describes this data by the usual names: odcheck looked in {{folders}} for {{names}}, and found {{recordCount|catalogue record}} ({{recordList}}) without knowing which describes this data. Name it with --metadata, e.g. `odcheck check {{folder}} --metadata {{record}}`',
    inArchive:
      'No metadata describes this data where tools look for it: {{inArchiveList}} is inside an archive, where catalogues and most tools do not read it. Publish it beside the archive as well (odcheck looked in {{folders}} for {{names}})',
    inZip:
      'No metadata describes this data where tools look for it: {{inArchiveList}} is inside an archive, where catalogues and most tools do not read it. Publish it beside the archive as well (odcheck looked in {{folders}} for {{names}}); to check the dataset it describes, check the zip on its own: `odcheck check {{archive}}`',
    notSearched: 'No metadata describes this data. Publish the dataset with a title, publisher, licence and description: run `odcheck init` to write an odcheck.yaml template, or name your metadata file with --metadata',
  },
  create: () => ({
    dataset(context, report) {
      if (context.metadataSources.length > 0 || context.metadata || (context.metadataLoad?.problems.length ?? 0) > 0) return
      const searched = context.metadataLoad?.searched ?? []
      if (searched.length === 0) {
        report({messageId: 'notSearched', details: {folders: [], names: []}})
        return
      }
      // The .yml and .yaml spellings are looked for too; the message names one of each.
      const names = [...new Set(searched.flatMap((s) => s.names))].filter((n) => !/\.yml$|^datapackage\.yaml$/.test(n))
      const inArchives = context.metadataLoad?.inArchives ?? []
      if (inArchives.length > 0) {
        const [archive] = context.metadataLoad?.describedAlone ?? []
        report({messageId: archive ? 'inZip' : 'inArchive', details: {folders: searched.map((s) => s.folder), names, inArchives, inArchiveList: listSome(inArchives, 3), ...(archive ? {archive} : {})}})
        return
      }
      const nested = searched.flatMap((s) => s.nested ?? [])
      if (nested.length > 0) {
        const nestedList = listSome(nested, 3)
        report({messageId: 'nested', details: {folders: searched.map((s) => s.folder), names, nested, nestedCount: nested.length, nestedList, nestedFolder: posix.dirname(nested[0])}})
        return
      }
      const withRecords = searched.find((s) => s.records?.length)
      if (withRecords) {
        const records = withRecords.records!.map((r) => posix.join(withRecords.folder, r))
        const recordList = listSome(records, 3)
        report({messageId: 'records', details: {folders: searched.map((s) => s.folder), names, records, recordCount: records.length, recordList, folder: withRecords.folder, record: records[0]}})
        return
      }
      report({details: {folders: searched.map((s) => s.folder), names}})
    },
  }),
})
