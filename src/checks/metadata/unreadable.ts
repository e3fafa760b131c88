/**
 * metadata-unreadable: a metadata file odcheck found but cannot use (broken JSON, YAML, Turtle or
 * XML; wrong shape; not metadata). Broken CSVW metadata is csvw-metadata-error's to report when
 * that rule runs (it gives the W3C specification's view, and runs under `--only '#csvw'`), so one
 * problem gives one finding; this rule reports it when no CSVW rule does.
 */
import {defineCheck, type DatasetContext} from '../../engine/check.js'
import {reportedCsvwProblems} from '../csvw/metadata-problems.js'
import {fileUrl, normaliseUrl} from '../../metadata/csvw/urls.js'
import {resourceFor} from './names.js'

/**
 * Metadata files whose errors a running CSVW rule reports, as `file:` URLs, with that rule. A
 * table the file names that is not there (table-missing) is a problem with the table, not with
 * the file, so it never stands for why the file cannot be used.
 */
export function csvwReportedFiles(context: DatasetContext): Map<string, string> {
  const files = new Map<string, string>()
  for (const {problem, rule} of reportedCsvwProblems(context, (p) => p.severity === 'error' && p.url !== undefined && p.code !== 'table-missing')) {
    const url = normaliseUrl(problem.url!)
    if (!files.has(url)) files.set(url, rule)
  }
  return files
}

/** The rule that reports why a metadata file cannot be used: a CSVW rule, or metadata-unreadable. */
export function unreadableReportedBy(context: DatasetContext, path: string): string {
  return csvwReportedFiles(context).get(normaliseUrl(fileUrl(path))) ?? 'metadata-unreadable'
}

export const metadataUnreadable = defineCheck<Record<string, never>, undefined>({
  name: 'metadata-unreadable',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The metadata cannot be read. {{problem}} {{hint}}',
  },
  create: () => ({
    dataset(context, report) {
      const csvw = csvwReportedFiles(context)
      for (const problem of context.metadataLoad?.problems ?? []) {
        if (csvw.has(normaliseUrl(fileUrl(problem.path)))) continue
        const details: Record<string, unknown> = {reason: problem.reason, problem: problem.message, hint: problem.hint}
        if (problem.format) details.format = problem.format
        if (problem.line !== undefined) details.line = problem.line
        if (problem.column !== undefined) details.column = problem.column
        report({...resourceFor(context, problem.path), ...(problem.line !== undefined ? {line: problem.line} : {}), details})
      }
    },
  }),
})
