/**
 * licence-conflict: the metadata gives licences that disagree in a way that matters to a
 * reuser:
 * - two metadata documents name different licences (or different versions of one);
 * - a document's content licence adds conditions its data licence does not have (e.g. CC0
 *   data with CC BY-SA content), so following the data licence breaks the content licence;
 * - the rights statement says something else, e.g. "All rights reserved" beside an open licence.
 */
import {defineCheck} from '../../engine/check.js'
import {recogniseLicence, type LicenceMatch} from '../../metadata/licences/recognise.js'
import {conditionsOf, isNotSpecified, metadataDocuments, sourceName, statedLicences, type StatedLicence} from './stated.js'

/** Whether two recognised licences disagree: 'licence', 'version', or undefined when they agree. */
export function disagreement(a: LicenceMatch, b: LicenceMatch): 'licence' | 'version' | undefined {
  const x = a.licence
  const y = b.licence
  if (x.id === y.id) return undefined
  if (x.family && x.family === y.family) {
    // "cc-by" (any version) or a version-less OGL page agrees with any version of its family.
    if (x.generic || y.generic || a.versionAssumed || b.versionAssumed) return undefined
    return 'version'
  }
  // CKAN's catch-alls ("other-open", "other-at") agree with any licence of the same kind.
  if ((x.generic && !x.family) || (y.generic && !y.family)) {
    const differs = (p: 'open' | 'attribution') => x[p] !== null && y[p] !== null && x[p] !== y[p]
    return differs('open') || differs('attribution') ? 'licence' : undefined
  }
  return 'licence'
}

const excerpt = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

export const licenceConflict = defineCheck<Record<string, never>, undefined>({
  name: 'licence-conflict',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: '{{source}} gives the licence {{licence}} but {{otherSource}} gives {{otherLicence}}: make every metadata document name the same licence',
    content: 'In {{source}} the content licence {{contentLicence}} adds conditions the data licence {{dataLicence}} does not have ({{conditions}}): people following the data licence would break the content licence',
    rights: 'In {{source}} the rights statement ("{{rights}}") reads as {{rightsLicence}}, which contradicts the licence {{licence}}: make them agree',
  },
  create: () => ({
    dataset(context, report) {
      const stated = statedLicences(context).filter((s) => s.match && !isNotSpecified(s))
      const data = stated.filter((s) => s.property === 'licence')

      // Documents that disagree with the first document that names a licence.
      const first = data[0]
      const seen = new Set<string>()
      for (const other of data.slice(1)) {
        // Datasets listed in one catalogue file may each have their own licence.
        if (!first || other.metadata.source.path === first.metadata.source.path) continue
        const kind = disagreement(first.match!, other.match!)
        const pair = `${first.match!.licence.id}|${other.match!.licence.id}`
        if (!kind || seen.has(pair)) continue
        seen.add(pair)
        report({
          details: {
            kind,
            licence: first.match!.licence.id,
            source: first.source,
            raw: first.ref.raw,
            otherLicence: other.match!.licence.id,
            otherSource: other.source,
            otherRaw: other.ref.raw,
          },
        })
      }

      // Within one document: a content licence stricter than the data licence.
      for (const content of stated.filter((s) => s.property === 'contentLicence')) {
        const dataLicence = data.find((s) => s.metadata === content.metadata)
        if (!dataLicence || dataLicence.match!.licence.id === content.match!.licence.id) continue
        const dataConditions = new Set(conditionsOf(dataLicence.match!.licence))
        const added = conditionsOf(content.match!.licence).filter((c) => !dataConditions.has(c))
        if (added.length === 0) continue
        report({
          messageId: 'content',
          details: {dataLicence: dataLicence.match!.licence.id, contentLicence: content.match!.licence.id, conditions: added, source: content.source},
        })
      }

      // The rights statement against the data licence of the same document.
      const documents = metadataDocuments(context)
      for (const metadata of documents) {
        const rights = metadata.rights?.trim()
        const licence: StatedLicence | undefined = data.find((s) => s.metadata === metadata)
        if (!rights || !licence) continue
        const said = recogniseLicence(rights)
        if (!said || said.licence.notSpecified || !disagreement(licence.match!, said)) continue
        report({
          messageId: 'rights',
          details: {licence: licence.match!.licence.id, rights: excerpt(rights), rightsLicence: said.licence.id, source: sourceName(metadata, context)},
        })
      }
    },
  }),
})
