/** Values written as JSON: object, array, geojson (and topojson), and geopoint in its three formats. */
import {INVALID, type Caster} from './types.js'

function parseJson(cell: string): unknown {
  try {
    return JSON.parse(cell)
  } catch {
    return INVALID
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export const castObject: Caster = (cell) => {
  const v = parseJson(cell)
  return isObject(v) ? v : INVALID
}

export const castArray: Caster = (cell) => {
  const v = parseJson(cell)
  return Array.isArray(v) ? v : INVALID
}

const GEOMETRIES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'])

function isPosition(v: unknown): boolean {
  return Array.isArray(v) && v.length >= 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n))
}

/** Nesting depth of `coordinates` each geometry type has: a Point holds a position, a Polygon rings of them. */
const DEPTH: Record<string, number> = {Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3}

function hasDepth(v: unknown, depth: number): boolean {
  if (depth === 0) return isPosition(v)
  return Array.isArray(v) && v.every((item) => hasDepth(item, depth - 1))
}

function isGeometry(v: unknown): boolean {
  if (!isObject(v) || typeof v.type !== 'string') return false
  if (v.type === 'GeometryCollection') return Array.isArray(v.geometries) && v.geometries.every(isGeometry)
  return GEOMETRIES.has(v.type) && hasDepth(v.coordinates, DEPTH[v.type])
}

function isFeature(v: unknown): boolean {
  return isObject(v) && v.type === 'Feature' && (v.geometry === null || isGeometry(v.geometry)) && (v.properties === null || v.properties === undefined || isObject(v.properties))
}

export function isGeoJson(v: unknown): boolean {
  if (!isObject(v)) return false
  if (v.type === 'FeatureCollection') return Array.isArray(v.features) && v.features.every(isFeature)
  return v.type === 'Feature' ? isFeature(v) : isGeometry(v)
}

export function geojsonCaster(format: string): Caster | undefined {
  if (format === 'default') return (cell) => {
    const v = parseJson(cell)
    return isGeoJson(v) ? v : INVALID
  }
  if (format === 'topojson') return (cell) => {
    const v = parseJson(cell)
    return isObject(v) && v.type === 'Topology' && isObject(v.objects) ? v : INVALID
  }
  return undefined
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/

function point(lon: unknown, lat: unknown): [number, number] | typeof INVALID {
  const toNumber = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && DECIMAL.test(v.trim()) ? Number(v.trim()) : Number.NaN)
  const x = toNumber(lon)
  const y = toNumber(lat)
  if (!Number.isFinite(x) || !Number.isFinite(y) || x < -180 || x > 180 || y < -90 || y > 90) return INVALID
  return [x, y]
}

/** `"lon, lat"` (default), `[lon, lat]` (array) or `{"lon": .., "lat": ..}` (object); longitude within ±180, latitude ±90. */
export function geopointCaster(format: string): Caster | undefined {
  if (format === 'default') return (cell) => {
    const parts = cell.split(',')
    return parts.length === 2 ? point(parts[0], parts[1]) : INVALID
  }
  if (format === 'array') return (cell) => {
    const v = parseJson(cell)
    return Array.isArray(v) && v.length === 2 ? point(v[0], v[1]) : INVALID
  }
  if (format === 'object') return (cell) => {
    const v = parseJson(cell)
    return isObject(v) && Object.keys(v).length === 2 && 'lon' in v && 'lat' in v ? point(v.lon, v.lat) : INVALID
  }
  return undefined
}
