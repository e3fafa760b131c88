import {defineCheck} from '../../engine/check.js'
import {maskIfPersonal} from '../privacy/mask.js'
import {headedColumns, profileHooks, type ProfileState} from './column-profile.js'

interface Options {
  minShare: number
}

/**
 * A column whose values are HTTP URIs. When they identify things (linked-data URIs, thing-uris.ts)
 * the data names things with URIs (★★★★), and links to other people's data when the URIs are on
 * their domains (★★★★★); a column of web-page addresses (home pages, documents) is reported too,
 * as links, but earns neither. Off by default; the `stars` and `certificate` commands turn it on,
 * since their evidence for those stars comes from it.
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
    webPages: 'Column "{{fieldName}}" holds links to web pages on {{domains}}: addresses of pages, not URIs that identify the things in the data, which ★★★★ asks for',
  },
  create: (options: Options) => ({
    ...profileHooks(),
    end(state: ProfileState | undefined, head, _stats, report) {
      if (!state) return
      for (const [i, col] of headedColumns(state, head.labels.length)) {
        if (!col.firstUri || col.uris / col.nonBlank < options.minShare) continue
        const identifies = col.things / col.uris >= options.minShare
        report({
          ...(identifies ? {} : {messageId: 'webPages'}),
          rowNumber: col.firstUri.rowNumber,
          fieldNumber: i + 1,
          line: col.firstUri.line,
          details: {uris: col.uris, values: col.nonBlank, domains: col.hosts, identifiers: col.things, identifierDomains: col.thingHosts, identifies, example: maskIfPersonal(col.firstUri.value)},
        })
      }
    },
  }),
})
