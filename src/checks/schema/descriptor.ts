/**
 * package-error, resource-error, schema-error and field-error: what is wrong with a data
 * package descriptor, the schemas and dialects it refers to, or a Table Schema given with
 * `--schema`, each at its JSONPath. Reported once per descriptor, at the end of the run.
 */
import {defineCheck} from '../../engine/check.js'
import {loadPackage} from '../../metadata/package/read.js'
import {displayName} from '../../metadata/report-view.js'
import type {DescriptorProblem, DescriptorRule} from '../../metadata/table-schema/types.js'

interface Options {
  kind: DescriptorRule
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
      for (const p of problems) {
        const id = `${p.file}\u0000${p.path}\u0000${p.reason}\u0000${p.note}`
        if (p.rule !== kind || seen.has(id)) continue
        seen.add(id)
        report({resource: displayName(p.file, cwd), details: {path: p.path, reason: p.reason, note: p.note}})
      }
    },
  }),
})
