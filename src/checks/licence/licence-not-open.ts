/**
 * licence-not-open: the licence is recognised and is not open by the Open Definition:
 * non-commercial, no-derivatives, all rights reserved, the Non-Commercial Government Licence.
 * Open data must be free for anyone to use, change and share, commercially too.
 * Each licence is reported once, however many documents name it.
 */
import {defineCheck} from '../../engine/check.js'
import type {LicenceEntry} from '../../metadata/licences/table.js'
import {licenceDetails, statedLicences, whereStated} from './stated.js'

interface Options {
  allow: string[]
}

/** Why a licence is not open, as data for the report. */
export function reasonsNotOpen(licence: LicenceEntry): string[] {
  const reasons: string[] = []
  if (licence.nonCommercial) reasons.push('non-commercial')
  if (licence.noDerivatives) reasons.push('no-derivatives')
  if (reasons.length === 0) reasons.push('closed')
  return reasons
}

export const licenceNotOpen = defineCheck<Options, undefined>({
  name: 'licence-not-open',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allow: {type: 'array', items: {type: 'string', minLength: 1}, default: [], description: 'odcheck licence ids not to report (e.g. when the data is knowingly published as not open).'},
    },
  },
  messages: {
    default: 'The licence {{title}} ({{licence}}) in {{source}} is not open ({{reasons}}): open data must be free for anyone to use, change and share, commercially too. Use an open licence such as OGL-UK-3.0',
    content: 'The content licence {{title}} ({{licence}}) in {{source}} is not open ({{reasons}}): open data must be free for anyone to use, change and share, commercially too. Use an open licence such as OGL-UK-3.0',
  },
  create: (options) => {
    const allowed = new Set(options.allow.map((id) => id.toLowerCase()))
    return {
      dataset(context, report) {
        const all = statedLicences(context)
        const reported = new Set<string>()
        for (const stated of all) {
          const licence = stated.match?.licence
          if (!licence || licence.open !== false || allowed.has(licence.id.toLowerCase()) || reported.has(licence.id)) continue
          reported.add(licence.id)
          const sources = [...new Set(all.filter((s) => s.match?.licence.id === licence.id).map((s) => s.source))]
          report({
            messageId: stated.property === 'contentLicence' ? 'content' : 'default',
            details: {...whereStated(stated), ...licenceDetails(stated.match!), reasons: reasonsNotOpen(licence), sources},
          })
        }
      },
    }
  },
})
