/** link-redirect-loop: a link in the metadata redirects back to where it has been, or more than 10 times (only with --online). */
import {defineCheck} from '../../engine/check.js'
import {linkDetails, linkResource} from './link-text.js'

export const linkRedirectLoop = defineCheck<Record<string, never>, undefined>({
  name: 'link-redirect-loop',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The {{label}} link {{url}} redirects in a loop ({{redirects}}), so it never leads to the {{label}}',
    tooMany: 'The {{label}} link {{url}} redirects more than 10 times ({{redirects}}), so odcheck and most browsers give up',
  },
  create: () => ({
    dataset(context, report) {
      for (const link of context.links ?? []) {
        const reason = link.result.error?.reason
        if (reason !== 'redirect-loop' && reason !== 'too-many-redirects') continue
        report({
          ...linkResource(context, link),
          ...(reason === 'too-many-redirects' ? {messageId: 'tooMany'} : {}),
          details: {...linkDetails(link), reason: reason === 'redirect-loop' ? 'loop' : 'too-many', redirects: link.result.redirects},
        })
      }
    },
  }),
})
