/**
 * Walking GeoJSON (RFC 7946) for the rules about coordinates: the geometries findings are
 * grouped by (one per feature), every position of a geometry and every polygon's rings, each
 * with its JSON Pointer. Tolerant: parts that are malformed are skipped here (geojson-invalid
 * reports them), so every rule sees what can be read.
 */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Nesting of positions in `coordinates`, by geometry type. */
export const POSITION_DEPTH: Record<string, number> = {Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3}

/** What coordinate findings are grouped by: a feature (rowNumber = its index + 1) or the document's one geometry. */
export interface GeoUnit {
  geometry: unknown
  /** Pointer of the geometry. */
  pointer: string
  rowNumber?: number
}

export function geoUnits(document: unknown): GeoUnit[] {
  if (!isObject(document)) return []
  if (document.type === 'FeatureCollection') {
    if (!Array.isArray(document.features)) return []
    return document.features.flatMap((feature, i) => (isObject(feature) ? [{geometry: feature.geometry, pointer: `/features/${i}/geometry`, rowNumber: i + 1}] : []))
  }
  if (document.type === 'Feature') return [{geometry: document.geometry, pointer: '/geometry'}]
  return [{geometry: document, pointer: ''}]
}

/** At least two numbers: longitude (or easting) and latitude (or northing), then an optional altitude. */
export function isPosition(value: unknown): value is number[] {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1])
}

/** Geometry collections inside collections deeper than this are not followed (RFC 7946 advises against nesting them at all). */
const MAX_COLLECTION_DEPTH = 16

function walkPositions(value: unknown, level: number, pointer: string, visit: (position: number[], pointer: string) => void): void {
  if (level === 0) {
    if (isPosition(value)) visit(value, pointer)
    return
  }
  if (Array.isArray(value)) value.forEach((item, i) => walkPositions(item, level - 1, `${pointer}/${i}`, visit))
}

export function forEachPosition(geometry: unknown, pointer: string, visit: (position: number[], pointer: string) => void, depth = 0): void {
  if (!isObject(geometry) || typeof geometry.type !== 'string') return
  if (geometry.type === 'GeometryCollection') {
    if (Array.isArray(geometry.geometries) && depth < MAX_COLLECTION_DEPTH) geometry.geometries.forEach((g, i) => forEachPosition(g, `${pointer}/geometries/${i}`, visit, depth + 1))
    return
  }
  const level = POSITION_DEPTH[geometry.type]
  if (level !== undefined) walkPositions(geometry.coordinates, level, `${pointer}/coordinates`, visit)
}

/** Each polygon's rings (exterior first, then holes) and the pointer of its ring list. */
export function forEachPolygon(geometry: unknown, pointer: string, visit: (rings: unknown[], pointer: string) => void, depth = 0): void {
  if (!isObject(geometry)) return
  const coordinates = geometry.coordinates
  if (geometry.type === 'Polygon' && Array.isArray(coordinates)) visit(coordinates, `${pointer}/coordinates`)
  else if (geometry.type === 'MultiPolygon' && Array.isArray(coordinates)) coordinates.forEach((polygon, i) => Array.isArray(polygon) && visit(polygon, `${pointer}/coordinates/${i}`))
  else if (geometry.type === 'GeometryCollection' && Array.isArray(geometry.geometries) && depth < MAX_COLLECTION_DEPTH) {
    geometry.geometries.forEach((g, i) => forEachPolygon(g, `${pointer}/geometries/${i}`, visit, depth + 1))
  }
}

/** The CRS a legacy `crs` member names (`properties.name`, or `properties.href` for a linked CRS), or null. */
export function crsName(crs: unknown): string | null {
  const properties = isObject(crs) && isObject(crs.properties) ? crs.properties : undefined
  const name = properties?.name ?? properties?.href
  return typeof name === 'string' ? name : null
}

/** Rounded for messages: enough digits to find the place, no float noise. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6
}
