/** metadata-unreadable: a metadata file odcheck found but cannot use (broken JSON, YAML, Turtle or XML; wrong shape; not metadata). */
import {defineCheck} from '../../engine/check.js'
import {resourceFor} from './names.js'

export const metadataUnreadable = defineCheck<Record<string, never>, undefined>({
  name: 'metadata-unreadable',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The metadata cannot be read. {{problem}} {{hint}}',
  },
  create: () => ({
    dataset(context, report) {
      for (const problem of context.metadataLoad?.problems ?? []) {
        const details: Record<string, unknown> = {reason: problem.reason, problem: problem.message, hint: problem.hint}
        if (problem.format) details.format = problem.format
        if (problem.line !== undefined) details.line = problem.line
        if (problem.column !== undefined) details.column = problem.column
        report({...resourceFor(context, problem.path), ...(problem.line !== undefined ? {line: problem.line} : {}), details})
      }
    },
  }),
})
