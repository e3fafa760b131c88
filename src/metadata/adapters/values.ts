/** Small helpers every adapter uses to read loosely typed catalogue values into the model. */
import type {Agent, DatasetMetadata, LicenceRef, MetadataFormat} from '../model.js'

export type Json = unknown
export type JsonObject = Record<string, unknown>

export function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A trimmed, non-empty string from a string, number or JSON-LD value object; the first of an array. */
export function text(value: Json): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = text(item)
      if (found !== undefined) return found
    }
    return undefined
  }
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (isObject(value)) {
    if ('@value' in value) return text(value['@value'])
    if ('@id' in value) return text(value['@id'])
  }
  return undefined
}

/** Every non-empty string in a value or array of values. */
export function texts(value: Json): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return list.map((v) => text(v)).filter((v): v is string => v !== undefined)
}

export function numberOf(value: Json): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value)
  return undefined
}

export function withoutMailto(value: string | undefined): string | undefined {
  return value?.replace(/^mailto:/i, '') || undefined
}

export function isUrl(value: string | undefined): boolean {
  return value !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)
}

export function agent(parts: Agent): Agent | undefined {
  const clean: Agent = {}
  if (parts.name) clean.name = parts.name
  if (parts.url) clean.url = parts.url
  if (parts.email) clean.email = parts.email
  return Object.keys(clean).length > 0 ? clean : undefined
}

export function licenceRef(raw: string | undefined, url?: string, title?: string): LicenceRef | undefined {
  const first = raw ?? url ?? title
  if (!first) return undefined
  const ref: LicenceRef = {raw: first}
  if (url ?? (isUrl(first) ? first : undefined)) ref.url = url ?? first
  if (title) ref.title = title
  return ref
}

/** `2016-04/2016-06` (ISO 8601 interval) into start and end; anything else kept as text. */
export function temporalOf(start?: string, end?: string, textValue?: string): DatasetMetadata['temporal'] {
  if (!start && !end && textValue) {
    const parts = textValue.split('/')
    if (parts.length === 2 && parts.every((p) => /^\d{4}/.test(p.trim()))) return {start: parts[0].trim(), end: parts[1].trim(), text: textValue}
    return {text: textValue}
  }
  if (!start && !end) return undefined
  const temporal: NonNullable<DatasetMetadata['temporal']> = {}
  if (start) temporal.start = start
  if (end) temporal.end = end
  return temporal
}

/** Builds one DatasetMetadata, recording where each value came from; the first value set for a property wins. */
export class MetadataBuilder {
  readonly meta: DatasetMetadata

  constructor(format: MetadataFormat, path: string) {
    this.meta = {source: {format, path}, keywords: [], themes: [], language: [], distributions: [], evidence: {}}
  }

  set<K extends Exclude<keyof DatasetMetadata, 'source' | 'evidence' | 'keywords' | 'themes' | 'language' | 'distributions'>>(
    key: K,
    value: DatasetMetadata[K] | undefined,
    from: string,
  ): void {
    if (value === undefined || this.meta[key] !== undefined) return
    if (Array.isArray(value) && value.length === 0) return
    this.meta[key] = value
    this.meta.evidence[key] = from
  }

  add(key: 'keywords' | 'themes' | 'language', values: string[], from: string): void {
    const fresh = values.filter((v) => !this.meta[key].includes(v))
    if (fresh.length === 0) return
    this.meta[key].push(...fresh)
    this.meta.evidence[key] ??= from
  }

  distributions(list: DatasetMetadata['distributions'], from: string): void {
    if (list.length === 0) return
    this.meta.distributions.push(...list)
    this.meta.evidence.distributions ??= from
  }

  done(): DatasetMetadata {
    return this.meta
  }
}

/** A distribution without the keys that have no value. */
export function distribution(parts: DatasetMetadata['distributions'][number]): DatasetMetadata['distributions'][number] {
  return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as DatasetMetadata['distributions'][number]
}
