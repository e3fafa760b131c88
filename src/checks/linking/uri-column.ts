import {defineCheck} from '../../engine/check.js'
import {maskIfPersonal} from '../privacy/mask.js'
import {headedColumns, profileHooks, type ProfileState} from './column-profile.js'

interface Options {
  minShare: number
}

/**
 * A column whose values are HTTP URIs: the data names things with URIs (★★★★), and links to
 * other people's data when the URIs are on their domains (★★★★★). Off by default; the `stars`
 * and `certificate` commands turn it on, since their evidence for those stars comes from it.
 */
export const uriColumn = defineCheck({
  name: 'uri-column',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minShare: {type: 'number', exclusiveMinimum: 0, maximum: 1, default: 0.9, description: 'Share of the non-blank values that must be HTTP URIs.'},
    },
  },
  messages: {
    default: 'Column "{{fieldName}}" identifies things with HTTP URIs on {{domains}} (★★★★)',
  },
  create: (options: Options) => ({
    ...profileHooks(),
    end(state: ProfileState | undefined, head, _stats, report) {
      if (!state) return
      for (const [i, col] of headedColumns(state, head.labels.length)) {
        if (!col.firstUri || col.uris / col.nonBlank < options.minShare) continue
        report({
          rowNumber: col.firstUri.rowNumber,
          fieldNumber: i + 1,
          line: col.firstUri.line,
          details: {uris: col.uris, values: col.nonBlank, domains: col.hosts, example: maskIfPersonal(col.firstUri.value)},
        })
      }
    },
  }),
})
