/**
 * package-error, resource-error, schema-error and field-error: what is wrong with a data
 * package descriptor, the schemas and dialects it refers to, or a Table Schema given with
 * `--schema`, each at its JSONPath and the line it points at. Reported once per descriptor, at
 * the end of the run.
 */
import {readFileSync} from 'node:fs'
import {defineCheck} from '../../engine/check.js'
import {loadPackage} from '../../metadata/package/read.js'
import {displayName} from '../../metadata/report-view.js'
import type {DescriptorProblem, DescriptorRule} from '../../metadata/table-schema/types.js'
import {jsonPathParts, valueLines} from '../../metadata/value-lines.js'

interface Options {
  kind: DescriptorRule
}

/** The line of each problem's JSONPath in its file (local files only: a fetched descriptor's text is not kept). */
function problemLines(): (problem: DescriptorProblem) => number | undefined {
  const finders = new Map<string, ReturnType<typeof valueLines> | undefined>()
  return (problem) => {
    if (!finders.has(problem.file)) {
      let finder: ReturnType<typeof valueLines> | undefined
      try {
        finder = valueLines(readFileSync(problem.file, 'utf8'))
      } catch {
        // A URL (a fetched descriptor), or a file unreadable now: the problem is still reported, without a line.
      }
      finders.set(problem.file, finder)
    }
    const parts = jsonPathParts(problem.path)
    return parts ? finders.get(problem.file)?.(parts) : undefined
  }
}

export const descriptorError = defineCheck<Options, undefined>({
  name: 'frictionless-descriptor',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind'],
    properties: {kind: {enum: ['package-error', 'resource-error', 'dialect-not-applied', 'schema-error', 'field-error']}},
  },
  messages: {default: '{{path}}: {{note}}'},
  create: ({kind}) => ({
    dataset(context, report) {
      const cwd = context.metadataLoad?.cwd ?? process.cwd()
      const problems: DescriptorProblem[] = []
      for (const doc of context.metadataSources) {
        if (doc.source.format === 'datapackage') problems.push(...loadPackage(doc.source.path).problems)
      }
      // A --schema file's problems (package schemas' are the same objects, already listed).
      for (const table of context.tables) problems.push(...(table.head?.schema?.problems ?? []))
      const seen = new Set<string>()
      const lineOf = problemLines()
      for (const p of problems) {
        const id = `${p.file}\u0000${p.path}\u0000${p.reason}\u0000${p.note}`
        if (p.rule !== kind || seen.has(id)) continue
        seen.add(id)
        const line = lineOf(p)
        report({resource: displayName(p.file, cwd), ...(line !== undefined ? {line} : {}), details: {path: p.path, reason: p.reason, note: p.note}})
      }
    },
  }),
})
