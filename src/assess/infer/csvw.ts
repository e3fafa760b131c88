/**
 * An inferred schema as CSV on the Web metadata (a table description with its tableSchema):
 * XSD datatypes, UAX #35 date and number formats, `null` for the missing values, `required`.
 */
import type {InferResult, InferredField} from './infer.js'

/** strftime directives as UAX #35 date pattern letters (CSVW date formats). */
const UAX35: Record<string, string> = {'%d': 'dd', '%m': 'MM', '%Y': 'yyyy', '%y': 'yy', '%H': 'HH', '%M': 'mm', '%S': 'ss', '%b': 'MMM', '%B': 'MMMM'}

function datePattern(format: string | undefined): string | undefined {
  if (format === undefined || format === 'default') return undefined
  return format.replace(/%[a-zA-Z]/g, (d) => UAX35[d] ?? d)
}

function datatype(field: InferredField): unknown {
  switch (field.type) {
    case 'integer':
      return 'integer'
    case 'number':
      // Currency signs and percentages (bareNumber: false) have no CSVW numeric pattern that fits every value: keep them text.
      if (field.bareNumber === false) return 'string'
      if (!field.groupChar && (field.decimalChar ?? '.') === '.') return 'decimal'
      return {base: 'decimal', format: {...(field.groupChar ? {groupChar: field.groupChar} : {}), decimalChar: field.decimalChar ?? '.'}}
    case 'boolean':
      return {base: 'boolean', format: `${field.trueValues![0]}|${field.falseValues![0]}`}
    case 'date':
    case 'datetime':
    case 'time': {
      // Dates written several ways have no single CSVW format: keep them text.
      if (field.format === 'any') return 'string'
      const base = field.type === 'datetime' ? 'dateTime' : field.type
      const pattern = datePattern(field.format)
      return pattern ? {base, format: pattern} : base
    }
    case 'yearmonth':
      return 'gYearMonth'
    case 'any':
      return 'string'
    default:
      return field.format === 'uri' ? 'anyURI' : 'string'
  }
}

/** A column name CSVW accepts (no spaces or punctuation), from a label. */
function columnName(label: string, used: Set<string>): string {
  let name = label.trim().replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'column'
  if (/^\d/.test(name)) name = `_${name}`
  let unique = name
  for (let i = 2; used.has(unique); i++) unique = `${name}_${i}`
  used.add(unique)
  return unique
}

export function csvwMetadata(result: InferResult, url: string): Record<string, unknown> {
  const used = new Set<string>()
  const names = result.schema.fields.map((f) => columnName(f.name, used))
  const columns = result.schema.fields.map((field, i) => ({
    name: names[i],
    titles: field.name,
    datatype: datatype(field),
    ...(field.constraints?.required ? {required: true} : {}),
  }))
  const {dialect} = result.head
  const tableSchema: Record<string, unknown> = {columns}
  if (result.schema.primaryKey) tableSchema.primaryKey = result.schema.primaryKey.map((k) => names[result.schema.fields.findIndex((f) => f.name === k)])
  const out: Record<string, unknown> = {'@context': 'http://www.w3.org/ns/csvw', url}
  if (dialect.delimiter !== ',' || !dialect.header || dialect.skipRows > 0 || result.head.encoding.encoding !== 'utf-8') {
    out.dialect = {
      ...(dialect.delimiter !== ',' ? {delimiter: dialect.delimiter} : {}),
      ...(result.head.encoding.encoding !== 'utf-8' ? {encoding: result.head.encoding.encoding} : {}),
      ...(dialect.header ? {} : {header: false}),
      ...(dialect.skipRows > 0 ? {skipRows: dialect.skipRows} : {}),
    }
  }
  if (result.schema.missingValues.length > 1) out.null = result.schema.missingValues
  out.tableSchema = tableSchema
  return out
}
