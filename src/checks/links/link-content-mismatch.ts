/**
 * link-content-mismatch: a download link works but does not serve what the metadata says:
 * its Content-Type is not the declared format (an HTML page for a CSV), or its
 * Content-Length is not the declared size. Only with --online.
 */
import {defineCheck} from '../../engine/check.js'
import {essence, familyOf, fitsFamily} from '../../metadata/media-types.js'
import {linkDetails, linkResource} from './link-text.js'

interface Options {
  /** Accepted difference between declared and served size, as a fraction of the declared size. */
  sizeTolerance: number
}

export const linkContentMismatch = defineCheck<Options, undefined>({
  name: 'link-content-mismatch',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {sizeTolerance: {type: 'number', minimum: 0, maximum: 1}},
  },
  messages: {
    default: 'The download link {{url}} is declared as {{declared}} but the server sends {{contentType}}',
    size: 'The download link {{url}} is declared as {{declaredBytes|byte}} but the server sends {{contentLength|#}}',
  },
  create: ({sizeTolerance = 0}) => ({
    dataset(context, report) {
      for (const link of context.links ?? []) {
        const {result} = link
        if (link.property !== 'distribution' || result.error || result.status === undefined) continue
        const contentType = result.headers['content-type']
        const declared = familyOf(link.format) ? link.format : link.mediaType
        const family = familyOf(declared)
        if (contentType && family && !fitsFamily(contentType, family)) {
          report({
            ...linkResource(context, link),
            details: {...linkDetails(link), reason: 'content-type', declared, declaredFormat: link.format, declaredMediaType: link.mediaType, contentType: essence(contentType)},
          })
          // Not the declared file at all, so its size says nothing more.
          continue
        }
        const length = result.headers['content-length']
        const encoded = result.headers['content-encoding'] && result.headers['content-encoding'] !== 'identity'
        if (link.bytes === undefined || length === undefined || encoded || !/^\d+$/.test(length)) continue
        const served = Number(length)
        // Some servers answer HEAD with Content-Length: 0 whatever the file; an empty file is source-error's.
        if (served === 0) continue
        if (Math.abs(served - link.bytes) > sizeTolerance * link.bytes) {
          report({...linkResource(context, link), messageId: 'size', details: {...linkDetails(link), reason: 'size', declaredBytes: link.bytes, contentLength: served}})
        }
      }
    },
  }),
})
