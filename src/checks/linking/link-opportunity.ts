import {defineCheck} from '../../engine/check.js'
import {maskIfPersonal} from '../privacy/mask.js'
import {headedColumns, profileHooks, type ProfileState} from './column-profile.js'
import {LINK_KINDS, uriFor} from './link-kinds.js'

interface Options {
  minShare: number
  minValues: number
  kinds: string[]
}

/**
 * A column of plain codes that well-known linked data already names with URIs (ONS GSS codes,
 * postcodes, months and years). What it finds is things denoted by codes rather than URIs, the
 * fourth star's gap; publishing the URIs (or a CSVW valueUrl template) earns that star.
 */
export const linkOpportunity = defineCheck({
  name: 'link-opportunity',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minShare: {type: 'number', exclusiveMinimum: 0, maximum: 1, default: 0.9, description: 'Share of the non-blank values that must be of one kind.'},
      minValues: {type: 'integer', minimum: 1, default: 1, description: 'Columns with fewer values of the kind are not reported.'},
      kinds: {type: 'array', items: {enum: LINK_KINDS.map((k) => k.id)}, default: LINK_KINDS.map((k) => k.id), description: 'Kinds of code to look for.'},
    },
  },
  messages: {
    default: 'Column "{{fieldName}}" holds {{kindName}} (e.g. "{{example}}"), which have well-known URIs: use URIs such as {{exampleUri}} to denote them (★★★★)',
  },
  create: (options: Options) => ({
    ...profileHooks(),
    end(state: ProfileState | undefined, head, _stats, report) {
      if (!state) return
      for (const [i, col] of headedColumns(state, head.labels.length)) {
        let best = -1
        LINK_KINDS.forEach((kind, k) => {
          if (!options.kinds.includes(kind.id) || (kind.labelHint && !kind.labelHint.test(head.labels[i]))) return
          if (best < 0 || col.kinds[k] > col.kinds[best]) best = k
        })
        if (best < 0) continue
        const kind = LINK_KINDS[best]
        const matched = col.kinds[best]
        const first = col.firstOfKind[best]
        if (!first || matched < options.minValues || matched / col.nonBlank < options.minShare) continue
        // Reports never show a personal value as it is: a full postcode is shown masked, with the URI template rather than a masked URI.
        const example = maskIfPersonal(first.value)
        const exampleUri = example === first.value ? uriFor(kind, first.key!) : kind.uriTemplate
        report({
          rowNumber: first.rowNumber,
          fieldNumber: i + 1,
          line: first.line,
          details: {
            kind: kind.id,
            kindName: kind.name,
            uriTemplate: kind.uriTemplate,
            example,
            exampleUri,
            matched,
            values: col.nonBlank,
            unlocksStar: 4,
          },
        })
      }
    },
  }),
})
