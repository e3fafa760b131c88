/**
 * The W3C CSVW validation manifest (manifest-validation.jsonld), read as plain JSON: each
 * test's input, options and expected verdict, and whether it has to be served over HTTP.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

export type Verdict = 'valid' | 'warnings' | 'invalid'

export interface ConformanceTest {
  /** `test001` */
  id: string
  name: string
  expected: Verdict
  /** The input as the manifest writes it (may carry a `?query`). */
  action: string
  /** User metadata (`option.metadata`), relative to the suite folder. */
  metadata?: string
  /** The Link header the input is served with. */
  httpLink?: string
  /** Needs the local HTTP server: a Link header, a query, or site-wide (`/.well-known/csvm`) discovery. */
  http: boolean
  /** `noProv` and `minimal` shape RDF/JSON output only; validation does not depend on them. */
  conversionOptions: string[]
}

const VERDICTS: Record<string, Verdict> = {
  'csvt:PositiveValidationTest': 'valid',
  'csvt:WarningValidationTest': 'warnings',
  'csvt:NegativeValidationTest': 'invalid',
}

/** Tests the manifest says find their metadata through the site-wide configuration. */
const SITE_WIDE = new Set(['test259', 'test260'])

export function readManifest(suiteDir: string): ConformanceTest[] {
  const manifest = JSON.parse(readFileSync(join(suiteDir, 'manifest-validation.jsonld'), 'utf8')) as {entries: Array<Record<string, unknown>>}
  return manifest.entries.map((entry) => {
    const id = String(entry.id).replace(/^.*#/, '')
    const option = (entry.option ?? {}) as Record<string, unknown>
    const action = String(entry.action)
    const test: ConformanceTest = {
      id,
      name: String(entry.name),
      expected: VERDICTS[String(entry.type)],
      action,
      http: Boolean(entry.httpLink) || action.includes('?') || SITE_WIDE.has(id),
      conversionOptions: Object.keys(option).filter((k) => k === 'noProv' || k === 'minimal'),
    }
    if (typeof option.metadata === 'string') test.metadata = option.metadata
    if (typeof entry.httpLink === 'string') test.httpLink = entry.httpLink
    return test
  })
}
