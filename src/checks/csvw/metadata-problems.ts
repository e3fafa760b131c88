/**
 * Problems in CSVW metadata documents, found while they were read (before any table):
 * JSON syntax, the JSON-LD rules of the spec, wrongly typed or conflicting properties,
 * tables that cannot be read, metadata found beside a table that does not describe it.
 * Rules pick problems by severity and kind, so each has its own id and docs.
 */
import {defineCheck} from '../../engine/check.js'

interface Options {
  severity?: 'error' | 'warning'
  /** Only problems of these kinds. */
  codes?: string[]
  /** All problems but these kinds. */
  excludeCodes?: string[]
}

export const csvwMetadataProblems = defineCheck<Options, undefined>({
  name: 'csvw-metadata-problems',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      severity: {enum: ['error', 'warning']},
      codes: {type: 'array', items: {type: 'string'}},
      excludeCodes: {type: 'array', items: {type: 'string'}},
    },
  },
  messages: {
    default: '{{problem}}',
  },
  create: (options) => ({
    dataset(context, report) {
      for (const problem of context.metadataLoad?.csvw?.problems ?? []) {
        if (options.severity && problem.severity !== options.severity) continue
        if (options.codes && !options.codes.includes(problem.code)) continue
        if (options.excludeCodes?.includes(problem.code)) continue
        const details: Record<string, unknown> = {code: problem.code, problem: problem.message}
        if (problem.pointer !== undefined) details.pointer = problem.pointer
        if (problem.line !== undefined) details.line = problem.line
        if (problem.column !== undefined) details.column = problem.column
        if (problem.table !== undefined) details.table = problem.table
        report({resource: problem.file, ...(problem.line !== undefined ? {line: problem.line} : {}), details})
      }
    },
  }),
})
