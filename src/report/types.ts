/** The JSON report: the contract every formatter reads and later features extend. See schemas/report.schema.json. */
import type {Finding, RuleEvidence, Severity} from '../engine/types.js'
import type {CertificateSection, StarsSection} from '../assess/index.js'
import type {ReportMetadata} from '../metadata/report-view.js'
import type {TableProfile} from '../checks/profile/index.js'
import type {RdfUriFacts} from '../checks/rdf/uri-profile.js'
import type {Compression} from '../load/archive-kind.js'

export const REPORT_VERSION = 1

export interface ReportRule {
  id: string
  set: string
  severity: Severity
  description: string
  docs: string
  tags: string[]
  evidence?: RuleEvidence
}

export interface RuleResult {
  rule: string
  severity: Exclude<Severity, 'off'>
  status: 'pass' | 'fail'
  count: number
  /** Findings beyond the per-rule cap are counted but not listed. */
  truncated: boolean
  suppressed?: number
}

export interface ReportResource {
  path: string
  format: string
  encoding: string | null
  bom: boolean
  dialect: {
    delimiter: string
    quoteChar: string
    header: boolean
    /** Record number of the header (after any title rows), null without a header. */
    headerRow: number | null
    lineTerminator: string
  } | null
  bytes: number | null
  /** Data rows; for RDF data, its distinct triples (as `triples`). */
  rowCount: number
  /** RDF data only (format `turtle`, `ntriples`, `rdfxml`, ...): distinct triples (quads in TriG and N-Quads), a statement written twice counted once. */
  triples?: number
  fieldCount: number
  fieldNames: string[]
  valid: boolean
  errors: number
  warnings: number
  infos: number
  results: RuleResult[]
  /** The metadata file that describes this table (lists it, or is its CSVW `<file>-metadata.json`), null when none does. */
  metadataSource?: string | null
  /**
   * What the values were checked against: the Table Schema file (`--schema`, or the one a data
   * package resource names), `datapackage.json#$.resources[0].schema` for a schema written in
   * the package, the CSVW metadata file describing the table, or a JSON data file's JSON Schema;
   * a path as resources are named, or a URL. Null when none was: only structure and content rules ran.
   */
  schemaSource?: string | null
  /** What each column holds (type, missing values, distinct values, range, histogram), when the column-profile rule ran. */
  profile?: TableProfile
  /** What an RDF file's URIs name and link to, when the rdf-uri-profile rule ran (the 5-star assessment turns it on). */
  rdfUris?: RdfUriFacts
  /** Read from inside an archive (Frictionless' term): `zip` (path is `archive.zip/member`), `tar` (likewise), or `gz`. */
  compression?: Compression
  /** The member's path inside its .zip or tar archive. */
  innerpath?: string
}

/** Outcome of the dataset-level rules (metadata, licence, whole-dataset checks), which run once per dataset. */
export interface ReportDataset {
  /** What dataset-level findings name when they name no table: the metadata file, or the folder or input checked. */
  resource: string
  /** Every dataset-level rule that ran, passes as well as failures. */
  results: RuleResult[]
}

export interface ReportSummary {
  files: number
  /** Data rows of the tables (not RDF triples). */
  rows: number
  /** Distinct triples of the RDF data files read; present when any was. */
  triples?: number
  errors: number
  warnings: number
  infos: number
  suppressed: number
  failOn: Exclude<Severity, 'off'>
  maxWarnings: number | null
}

export interface StaleSuppression {
  resource: string
  rule: string
  /** Suppressed count recorded in the file. */
  recorded: number
  /** Findings found now (fewer than recorded). */
  found: number
}

/**
 * Rules that did not run, and why, for the reader to know what was not checked. A note, not a
 * finding: it counts in no summary and never makes a run fail.
 */
export interface ReportSkipped {
  /** `offline`: the rules ask the web, and the run was not --online. */
  reason: 'offline'
  rules: string[]
  /** Web links in the metadata that were not checked. */
  links: number
  /** What was not checked and how to check it, in words. */
  message: string
}

export interface JsonReport {
  odcheck: string
  reportVersion: typeof REPORT_VERSION
  valid: boolean
  /** True when a limit odcheck keeps to bound its time or memory left some counts approximate; `limits` says which. */
  partial: boolean
  /** When `partial`: each limit met, a sentence naming the file and the counts it leaves approximate. */
  limits?: string[]
  summary: ReportSummary
  rules: ReportRule[]
  resources: ReportResource[]
  findings: Finding[]
  /** Present when dataset-level rules ran. */
  dataset?: ReportDataset
  /** The dataset's metadata, normalised from whichever catalogue format it came in, and the files read; null when none was found. */
  metadata?: ReportMetadata | null
  suppressions?: {file: string; stale: StaleSuppression[]}
  /** Rules that did not run, and why: present only when some did not (offline, the link rules when the metadata has web links). */
  skipped?: ReportSkipped[]
  /** ODI Open Data Certificate readiness, when assessed (`odcheck certificate`, or `check --answers/--min-level`). */
  certificate?: CertificateSection
  /** 5-star open data level, when assessed (`odcheck stars`, or `check --min-stars`). */
  stars?: StarsSection
}
