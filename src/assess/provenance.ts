/**
 * Which metadata file a value came from. Several files may describe one dataset (a
 * datapackage.json beside an odcheck.yaml): the assessments read them merged, as the metadata
 * checks do (src/metadata/merge.ts keeps each property's first value in priority order), and
 * their evidence names the file that gave each value, not only the first file.
 */
import type {DatasetMetadata, Distribution} from '../metadata/model.js'
import type {AssessInput} from './input.js'

export type MetadataProperty = Exclude<keyof DatasetMetadata, 'source' | 'evidence'>

function gives(doc: DatasetMetadata, property: MetadataProperty): boolean {
  const value = doc[property]
  return Array.isArray(value) ? value.length > 0 : value !== undefined
}

/** The files the metadata was read from, primary first (just the metadata itself when none are listed). */
export function metadataFiles(input: Pick<AssessInput, 'metadata' | 'metadataFiles'>): DatasetMetadata[] {
  if (input.metadataFiles?.length) return input.metadataFiles
  return input.metadata ? [input.metadata] : []
}

/** The file that gave `property` its value, and the field it was read from there. */
export function sourceOf(input: Pick<AssessInput, 'metadata' | 'metadataFiles'>, property: MetadataProperty): {path: string; field?: string} {
  const doc = metadataFiles(input).find((d) => gives(d, property)) ?? input.metadata
  if (!doc) return {path: 'the metadata'}
  const field = doc.evidence[property]
  return field ? {path: doc.source.path, field} : {path: doc.source.path}
}

/** `wards/datapackage.json (licenses[0])` */
export function sourceText(input: Pick<AssessInput, 'metadata' | 'metadataFiles'>, property: MetadataProperty): string {
  const {path, field} = sourceOf(input, property)
  return field ? `${path} (${field})` : path
}

/** The files that list distributions, or that list this one. */
export function distributionSource(input: Pick<AssessInput, 'metadata' | 'metadataFiles'>, distribution?: Distribution): string {
  const files = metadataFiles(input)
  const listing = distribution ? files.find((d) => d.distributions.includes(distribution)) : undefined
  if (listing) return listing.source.path
  return filesText(files.filter((d) => d.distributions.length > 0))
}

/** `a.yaml`, `a.yaml and b.json` */
export function filesText(files: DatasetMetadata[]): string {
  const paths = [...new Set(files.map((f) => f.source.path))]
  return paths.length <= 1 ? (paths[0] ?? 'the metadata') : `${paths.slice(0, -1).join(', ')} and ${paths.at(-1)}`
}
