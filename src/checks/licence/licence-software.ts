/**
 * licence-software: the licence is a software licence (GPL, MIT, Apache...), often a code
 * repository's LICENSE file standing in for a data licence. Such licences speak of programs and
 * source code, so they leave reusers guessing how the data may be used, and the Open Definition
 * has not assessed them as data licences: the data does not reach the first star.
 */
import {defineCheck} from '../../engine/check.js'
import type {LicenceEntry} from '../../metadata/licences/table.js'
import {isNotSpecified, licenceDetails, statedLicences, whereStated, type LicenceProperty} from './stated.js'

/**
 * How odcheck knows a licence is for software rather than for this kind of work: the Open
 * Definition's domains when it lists the licence; otherwise SPDX's OSI approval, since the
 * Open Source Initiative reviews software licences only (the current SPDX ids such as
 * GPL-2.0-only are not in the Open Definition's list).
 */
export function softwareLicenceEvidence(licence: LicenceEntry, property: LicenceProperty): 'od-domains' | 'osi-approved' | undefined {
  if (licence.open === true || licence.notSpecified) return undefined
  const domains = licence.domains
  if (domains) {
    const coversWork = property === 'licence' ? domains.data : domains.content
    return domains.software && !coversWork ? 'od-domains' : undefined
  }
  return licence.osiApproved === true ? 'osi-approved' : undefined
}

export const licenceSoftware = defineCheck<Record<string, never>, undefined>({
  name: 'licence-software',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The licence {{title}} ({{licence}}) in {{source}} is a software licence, not a data licence: it does not tell reusers how they may use the data. Publish the data under a data licence such as OGL-UK-3.0 (a code repository\'s licence does not cover its data)',
    content: 'The content licence {{title}} ({{licence}}) in {{source}} is a software licence, not a content licence: license the content under e.g. CC-BY-4.0 or OGL-UK-3.0',
  },
  create: () => ({
    dataset(context, report) {
      const all = statedLicences(context)
      const reported = new Set<string>()
      for (const stated of all) {
        const match = stated.match
        if (!match || isNotSpecified(stated)) continue
        const knownBy = softwareLicenceEvidence(match.licence, stated.property)
        const key = `${stated.property}|${match.licence.id}`
        if (!knownBy || reported.has(key)) continue
        reported.add(key)
        const sources = [...new Set(all.filter((s) => s.property === stated.property && s.match?.licence.id === match.licence.id).map((s) => s.source))]
        report({
          messageId: stated.property === 'contentLicence' ? 'content' : 'default',
          details: {...whereStated(stated), ...licenceDetails(match), knownBy, sources},
        })
      }
    },
  }),
})
