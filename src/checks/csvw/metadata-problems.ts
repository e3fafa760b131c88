/**
 * Problems in CSVW metadata documents, found while they were read (before any table):
 * JSON syntax, the JSON-LD rules of the spec, wrongly typed or conflicting properties,
 * tables that cannot be read, metadata found beside a table that does not describe it.
 * Rules pick problems by severity and kind, so each has its own id and docs.
 */
import {defineCheck, type DatasetContext} from '../../engine/check.js'
import type {CsvwProblem} from '../../metadata/csvw/types.js'

const CHECK = 'csvw-metadata-problems'

interface Options {
  severity?: 'error' | 'warning'
  /** Only problems of these kinds. */
  codes?: string[]
  /** All problems but these kinds. */
  excludeCodes?: string[]
}

function selects(options: Options, problem: CsvwProblem): boolean {
  if (options.severity && problem.severity !== options.severity) return false
  if (options.codes && !options.codes.includes(problem.code)) return false
  return !options.excludeCodes?.includes(problem.code)
}

/**
 * The CSVW problems of this run that a running rule reports, with that rule's id: catalogue-level
 * rules (metadata-unreadable, metadata-mismatch) leave these to the CSVW rules, so one problem
 * gives one finding, and report them themselves when no CSVW rule runs.
 */
export function reportedCsvwProblems(context: DatasetContext, keep: (problem: CsvwProblem) => boolean = () => true): Array<{problem: CsvwProblem; rule: string}> {
  const rules = (context.rules ?? []).filter((r) => r.check === CHECK)
  const found: Array<{problem: CsvwProblem; rule: string}> = []
  for (const problem of context.metadataLoad?.csvw?.problems ?? []) {
    if (!keep(problem)) continue
    const rule = rules.find((r) => selects(r.options as Options, problem))
    if (rule) found.push({problem, rule: rule.id})
  }
  return found
}

export const csvwMetadataProblems = defineCheck<Options, undefined>({
  name: CHECK,
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
        if (!selects(options, problem)) continue
        const details: Record<string, unknown> = {code: problem.code, problem: problem.message}
        if (problem.pointer !== undefined) details.pointer = problem.pointer
        if (problem.line !== undefined) details.line = problem.line
        if (problem.column !== undefined) details.column = problem.column
        if (problem.table !== undefined) details.table = problem.table
        if (problem.readOn) details.readOn = true
        report({resource: problem.file, ...(problem.line !== undefined ? {line: problem.line} : {}), details})
      }
    },
  }),
})
