/**
 * personal-data-undeclared: the metadata says the data is not about people (the ODI
 * certificate's `dataPersonal: not_personal`) but the personal-data scan found personal data
 * in a table. Reads the scan's findings from the dataset context; the scan rule's id is an
 * option so a renamed or plugin scan can stand in.
 */
import {defineCheck} from '../../engine/check.js'
import type {PersonalDataDeclaration} from '../../metadata/model.js'

interface Options {
  scanRule: string
  declarations: PersonalDataDeclaration[]
}

interface FlaggedColumn {
  resource: string
  fieldNumber?: number
  fieldName?: string
  kind: string
}

const SUMMARY_COLUMNS = 8

/** `staff.csv: "full_name" (person-name), "email" (email); visits.csv: "ip" (ip-address) and 3 more`. */
function summarise(columns: FlaggedColumn[], total: number): string {
  const byResource = new Map<string, string[]>()
  for (const c of columns.slice(0, SUMMARY_COLUMNS)) {
    const list = byResource.get(c.resource) ?? []
    list.push(`"${c.fieldName ?? c.fieldNumber}" (${c.kind})`)
    byResource.set(c.resource, list)
  }
  const text = [...byResource].map(([resource, list]) => `${resource}: ${list.join(', ')}`).join('; ')
  const shown = Math.min(columns.length, SUMMARY_COLUMNS)
  return total > shown ? `${text} and ${total - shown} more` : text
}

export const personalDataUndeclared = defineCheck<Options, undefined>({
  name: 'personal-data-undeclared',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      scanRule: {type: 'string', minLength: 1, default: 'personal-data', description: 'Id of the rule whose findings are the scan results.'},
      declarations: {
        type: 'array',
        items: {enum: ['not_personal', 'summarised', 'individual']},
        uniqueItems: true,
        default: ['not_personal'],
        description: 'Declared values that the scan contradicts when it finds personal data.',
      },
    },
  },
  messages: {
    default:
      'The metadata declares the data "{{declared}}" but {{scanRule}} found personal data in {{columnCount|column}}: {{summary}}. Correct the declaration or remove the personal data.',
  },
  create: (options) => ({
    dataset(context, report) {
      const declaring = context.metadataSources.filter((m) => m.personalData && options.declarations.includes(m.personalData))
      if (declaring.length === 0) return
      const scanned = context.tables.filter((t) => options.scanRule in t.counts)
      const columns: FlaggedColumn[] = []
      let total = 0
      for (const table of scanned) {
        total += table.counts[options.scanRule]
        for (const f of table.findings) {
          if (f.rule !== options.scanRule) continue
          columns.push({resource: table.resource, fieldNumber: f.fieldNumber, fieldName: f.fieldName, kind: String(f.details?.kind ?? 'unknown')})
        }
      }
      if (total === 0) return
      const summary = summarise(columns, total)
      report({
        details: {
          declared: declaring[0].personalData,
          declaredBy: declaring.map((m) => m.source.format),
          evidence: declaring[0].evidence.personalData,
          scanRule: options.scanRule,
          columnCount: total,
          columns,
          kinds: [...new Set(columns.map((c) => c.kind))].sort(),
          summary,
        },
      })
    },
  }),
})
