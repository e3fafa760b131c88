/** Columns of HTTP URIs in the checked tables, read from the `uri-column` rule's findings. */
import {isExternal, ownDomains} from './domains.js'
import type {AssessInput} from './input.js'

export const URI_COLUMN_RULE = 'uri-column'

export interface UriColumn {
  rule: string
  resource: string
  fieldName: string
  fieldNumber: number
  uris: number
  domains: string[]
  /** Domains among them that are other people's (see domains.ts). */
  external: string[]
  /** Whether the URIs identify things (linked-data URIs) rather than web pages: only those count for ★★★★ and ★★★★★. */
  identifies: boolean
  /** Hosts of the URIs that identify things. */
  identifierDomains: string[]
}

export function uriColumns(input: AssessInput): UriColumn[] {
  const own = ownDomains(input.metadata)
  return input.findings
    .filter((f) => f.rule === URI_COLUMN_RULE)
    .map((f) => {
      const domains = Array.isArray(f.details?.domains) ? (f.details.domains as string[]) : []
      return {
        rule: f.rule,
        resource: f.resource,
        fieldName: f.fieldName ?? `column ${f.fieldNumber}`,
        fieldNumber: f.fieldNumber ?? 0,
        uris: typeof f.details?.uris === 'number' ? f.details.uris : 0,
        domains,
        external: domains.filter((d) => isExternal(d, own)),
        // Findings without the detail (written before it existed) are taken at their word.
        identifies: f.details?.identifies !== false,
        identifierDomains: Array.isArray(f.details?.identifierDomains) ? (f.details.identifierDomains as string[]) : domains,
      }
    })
}
