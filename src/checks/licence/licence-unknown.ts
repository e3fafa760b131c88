/**
 * licence-unknown: a licence is given but odcheck cannot tell which one it is (not a known
 * id, title or URL). Reusers and catalogues cannot tell either, so they cannot know whether
 * the data is open. `accept` lists in-house licences the publisher has checked.
 */
import {defineCheck} from '../../engine/check.js'
import {titleKey, urlKey} from '../../metadata/licences/normalise.js'
import {isNotSpecified, statedLicences, whereStated} from './stated.js'

interface Options {
  accept: string[]
}

const keyOf = (value: string): string => urlKey(value) ?? titleKey(value)

export const licenceUnknown = defineCheck<Options, undefined>({
  name: 'licence-unknown',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      accept: {type: 'array', items: {type: 'string', minLength: 1}, default: [], description: 'Licence names or URLs to accept as known (compared ignoring case, scheme and trailing slash).'},
    },
  },
  messages: {
    default: 'The licence "{{raw}}" in {{source}} is not one odcheck recognises: name it by its URL or SPDX id (e.g. OGL-UK-3.0) so reusers know the terms',
    content: 'The content licence "{{raw}}" in {{source}} is not one odcheck recognises: name it by its URL or SPDX id (e.g. CC-BY-4.0) so reusers know the terms',
  },
  create: (options) => {
    const accepted = new Set(options.accept.map(keyOf))
    return {
      dataset(context, report) {
        // A catalogue file listing many datasets under one unknown licence is reported once.
        const reported = new Set<string>()
        for (const stated of statedLicences(context)) {
          if (stated.match || isNotSpecified(stated)) continue
          const key = `${stated.source}|${stated.property}|${stated.ref.raw}`
          if (reported.has(key)) continue
          reported.add(key)
          const written = [stated.ref.raw, stated.ref.url, stated.ref.title].filter((v): v is string => !!v)
          if (written.some((v) => accepted.has(keyOf(v)))) continue
          const details = whereStated(stated)
          if (stated.ref.url && stated.ref.url !== stated.ref.raw) details.url = stated.ref.url
          if (stated.ref.title) details.title = stated.ref.title
          report({messageId: stated.property === 'contentLicence' ? 'content' : 'default', details})
        }
      },
    }
  },
})
