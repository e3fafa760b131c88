/**
 * link-broken and documentation-link-broken: one check, two rules. A link in the metadata
 * (licence, downloads; documentation, landing page) must answer 2xx, after redirects. Only
 * with --online: the engine asks each link once before the dataset rules run and puts the
 * answers in `context.links`. Redirect loops are link-redirect-loop's when it is running.
 */
import {defineCheck} from '../../engine/check.js'
import type {LinkProperty} from '../../metadata/links.js'
import {LINK_PROPERTIES, linkDetails, linkResource, ruleRunning} from './link-text.js'

interface Options {
  properties: LinkProperty[]
}

const LOOPS = new Set(['redirect-loop', 'too-many-redirects'])

export const linkBroken = defineCheck<Options, undefined>({
  name: 'link-broken',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['properties'],
    properties: {properties: {type: 'array', uniqueItems: true, items: {enum: LINK_PROPERTIES}}},
  },
  messages: {
    default: 'The {{label}} link {{url}} does not work: {{error}}',
    distribution: 'The download link {{url}} ({{title}}) does not work: {{error}}',
    privateNetwork: 'The {{label}} link {{url}} points into a private network, which the public cannot reach: {{error}}',
  },
  create: ({properties}) => ({
    dataset(context, report) {
      const loopsElsewhere = ruleRunning(context, 'link-redirect-loop')
      for (const link of context.links ?? []) {
        const {result} = link
        if (!properties.includes(link.property) || !result.error) continue
        if (LOOPS.has(result.error.reason) && loopsElsewhere) continue
        const details = {...linkDetails(link), reason: result.error.reason, error: result.error.message, ...(result.status !== undefined ? {status: result.status} : {})}
        if (result.finalUrl !== link.url) Object.assign(details, {finalUrl: result.finalUrl})
        const messageId = result.error.reason === 'private-network' ? 'privateNetwork' : link.property === 'distribution' && link.title ? 'distribution' : undefined
        report({...linkResource(context, link), ...(messageId ? {messageId} : {}), details})
      }
    },
  }),
})
