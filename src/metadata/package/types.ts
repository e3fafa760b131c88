/** A Frictionless data package as odcheck checks it: each resource's files, schema, dialect and declared integrity. */
import type {DescriptorProblem, TableSchema} from '../table-schema/types.js'

export interface ResourceFile {
  /** As written in the descriptor. */
  declared: string
  /** Absolute path; absent when the declared path leads outside the package's folder. */
  path?: string
  exists: boolean
  outside: boolean
}

export interface DeclaredHash {
  /** Node's name: md5, sha1, sha256, sha512. */
  algorithm: string
  /** Lower-case hex digest. */
  value: string
}

export interface ResourceDialect {
  delimiter?: string
  header?: boolean
  caseSensitiveHeader?: boolean
  /** Spreadsheet sheet: its name, or its 1-based number (v1 `sheet`, v2 `sheetName` / `sheetNumber`). */
  sheet?: string | number
  /** The quote character, '' for none; absent for the default `"`. */
  quoteChar?: string
  /** How a quote inside quotes is escaped, when not by doubling `"`: the doubled quote character (quoteChar `'`), or escapeChar. */
  escapeChar?: string
  /** A value that stands for null: read as a missing value of the resource's schema. */
  nullSequence?: string
}

export interface PackageResource {
  index: number
  name: string
  /** JSONPath of the resource in the descriptor: `$.resources[2]`. */
  path: string
  /** Local files, in order: more than one for a multipart resource. */
  files: ResourceFile[]
  urls: string[]
  /** Inline `data` instead of files. */
  inline: boolean
  /** The inline `data` as written, when `inline`. */
  data?: unknown
  format?: string
  mediaType?: string
  schema?: TableSchema
  /** Where the schema was read: its file, or `datapackage.json#$.resources[2].schema`. */
  schemaSource?: string
  dialect?: ResourceDialect
  encoding?: string
  bytes?: number
  hash?: DeclaredHash
  /** Declared number of data rows (`stats.rows`, `count_of_rows`). */
  rows?: number
  /** Stored in a .zip or .gz (or with Frictionless' `compression`): `bytes` and `hash` are the archive's, not the table's. */
  compressed?: boolean
}

export interface PackageSpec {
  /** Absolute path of datapackage.json / .yaml. */
  file: string
  folder: string
  v2: boolean
  resources: PackageResource[]
  /** Every problem with the descriptor and the schemas and dialects it refers to. */
  problems: DescriptorProblem[]
  /** Schema and dialect files the descriptor refers to (absolute): descriptors, not data. */
  descriptorFiles: string[]
  /** Set when the descriptor itself cannot be read or parsed (metadata-unreadable reports that). */
  unreadable?: string
}

/** What a table's head carries about the data package resource it belongs to. */
export interface PackageResourceInfo {
  /** Absolute path of the package descriptor. */
  package: string
  name: string
  index: number
  /** Part number (0-based) and count, for a resource split over several files. */
  part: number
  parts: number
  /** Declared for the whole file; left out for parts of a multipart resource. */
  bytes?: number
  hash?: DeclaredHash
  rows?: number
  /** Field lists of this table that other resources' foreign keys refer to. */
  referencedKeys: string[][]
}
