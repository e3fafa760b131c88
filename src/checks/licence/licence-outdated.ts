/**
 * licence-outdated: the licence is one its publisher has replaced (OGL v1.0, the OS OpenData
 * Licence, a deprecated SPDX id) or names no version (the version-less OGL page, plain "OGL"),
 * which odcheck reads as the current version. Reusers should not have to guess the terms.
 */
import {defineCheck} from '../../engine/check.js'
import {licenceById} from '../../metadata/licences/table.js'
import {isNotSpecified, licenceDetails, statedLicences, whereStated} from './stated.js'

export const licenceOutdated = defineCheck<Record<string, never>, undefined>({
  name: 'licence-outdated',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The licence {{title}} ({{licence}}) in {{source}} is {{status}}: publish under a licence in current use, such as OGL-UK-3.0',
    superseded: 'The licence {{title}} ({{licence}}) in {{source}} has been replaced by {{replacementTitle}} ({{supersededBy}}): publish under that licence',
    versionless: 'The licence "{{raw}}" in {{source}} names no version, so odcheck read it as {{title}}: name the version (e.g. .../open-government-licence/version/3/)',
  },
  create: () => ({
    dataset(context, report) {
      const reported = new Set<string>()
      for (const stated of statedLicences(context)) {
        const match = stated.match
        if (!match || isNotSpecified(stated)) continue
        const key = `${match.licence.id}|${stated.ref.raw}`
        if (reported.has(key)) continue
        if (match.versionAssumed) {
          reported.add(key)
          report({messageId: 'versionless', details: {...whereStated(stated), ...licenceDetails(match)}})
        } else if (match.licence.status === 'superseded' || match.licence.status === 'retired') {
          // A deprecated SPDX id names a licence that is still current, so it is not reported.
          reported.add(key)
          const replacement = match.licence.supersededBy ? licenceById(match.licence.supersededBy) : undefined
          const details = {...whereStated(stated), ...licenceDetails(match), status: match.licence.status}
          if (replacement) report({messageId: 'superseded', details: {...details, supersededBy: replacement.id, replacementTitle: replacement.title}})
          else report({details})
        }
      }
    },
  }),
})
