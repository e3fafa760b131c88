/**
 * What RFC 7946 requires of the shape of GeoJSON: a `type` on every object, features with
 * `geometry` and `properties` members, coordinates nested as each geometry type needs, positions
 * of at least two numbers, lines of two positions or more, polygon rings closed and of four
 * positions or more, and bounding boxes of 2×n numbers with south ≤ north. Each problem is
 * reported with the JSON Pointer of the value at fault and a `reason`.
 */
import {GEOJSON_GEOMETRY_TYPES, GEOJSON_TYPES} from '../../../load/json-kind.js'
import {isObject, roundCoordinate} from './shapes.js'

export interface StructureProblem {
  reason: string
  pointer: string
  details?: Record<string, unknown>
}

type Report = (problem: StructureProblem) => void

const MAX_DEPTH = 16

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function checkType(value: Record<string, unknown>, pointer: string, expected: string[], report: Report): boolean {
  if (value.type === undefined) {
    report({reason: 'type-missing', pointer, details: {expected}})
    return false
  }
  if (typeof value.type !== 'string' || !expected.includes(value.type)) {
    report({reason: 'type-unknown', pointer: `${pointer}/type`, details: {type: value.type, expected}})
    return false
  }
  return true
}

function checkBbox(value: Record<string, unknown>, pointer: string, report: Report): void {
  if (value.bbox === undefined) return
  const at = `${pointer}/bbox`
  const bbox = value.bbox
  if (!Array.isArray(bbox) || bbox.length < 4 || bbox.length % 2 !== 0) {
    report({reason: 'bbox-length', pointer: at, details: {length: Array.isArray(bbox) ? bbox.length : null}})
    return
  }
  if (!bbox.every((n) => Number.isFinite(n))) {
    report({reason: 'bbox-number', pointer: at})
    return
  }
  // [west, south, (low,) east, north (, high)]: only west > east is allowed, for boxes across the antimeridian.
  const half = bbox.length / 2
  for (let axis = 1; axis < half; axis++) {
    if (bbox[axis] > bbox[axis + half]) report({reason: 'bbox-order', pointer: at, details: {axis: axis === 1 ? 'latitude' : 'altitude', low: bbox[axis], high: bbox[axis + half]}})
  }
}

function checkPosition(value: unknown, pointer: string, report: Report): boolean {
  if (!Array.isArray(value)) {
    report({reason: 'coordinates-shape', pointer, details: {actual: kindOf(value), expected: 'a position'}})
    return false
  }
  if (value.length < 2) {
    report({reason: 'position-short', pointer, details: {length: value.length}})
    return false
  }
  const bad = value.findIndex((n) => typeof n !== 'number' || !Number.isFinite(n))
  if (bad >= 0) {
    const item: unknown = value[bad]
    // Numbers written as text ("-2.35") are what a spreadsheet export without types gives.
    if (typeof item === 'string') report({reason: 'position-text', pointer: `${pointer}/${bad}`, details: {value: item.slice(0, 40)}})
    else report({reason: 'position-number', pointer: `${pointer}/${bad}`, details: {actual: kindOf(item)}})
    return false
  }
  return true
}

function samePosition(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i])
}

/** A list of positions (a line or a ring): each checked; `min` positions at least; rings closed. */
function checkPositions(value: unknown, pointer: string, kind: 'points' | 'line' | 'ring', report: Report): void {
  if (!Array.isArray(value)) {
    report({reason: 'coordinates-shape', pointer, details: {actual: kindOf(value), expected: 'a list of positions'}})
    return
  }
  const valid = value.map((p, i) => checkPosition(p, `${pointer}/${i}`, report)).every(Boolean)
  if (kind === 'line' && value.length < 2) report({reason: 'line-short', pointer, details: {positions: value.length}})
  if (kind !== 'ring') return
  if (value.length < 4) report({reason: 'ring-short', pointer, details: {positions: value.length}})
  else if (valid && !samePosition(value[0], value[value.length - 1])) {
    report({reason: 'ring-unclosed', pointer, details: {first: value[0].map(roundCoordinate), last: value[value.length - 1].map(roundCoordinate)}})
  }
}

function checkList(value: unknown, pointer: string, each: (item: unknown, pointer: string) => void, report: Report, expected: string): void {
  if (!Array.isArray(value)) {
    report({reason: 'coordinates-shape', pointer, details: {actual: kindOf(value), expected}})
    return
  }
  value.forEach((item, i) => each(item, `${pointer}/${i}`))
}

function checkCoordinates(type: string, coordinates: unknown, pointer: string, report: Report): void {
  // Empty coordinates are allowed: RFC 7946 lets readers take them as an empty geometry.
  if (Array.isArray(coordinates) && coordinates.length === 0) return
  const polygon = (rings: unknown, at: string) => checkList(rings, at, (ring, p) => checkPositions(ring, p, 'ring', report), report, 'a list of rings')
  switch (type) {
    case 'Point':
      checkPosition(coordinates, pointer, report)
      return
    case 'MultiPoint':
      return checkPositions(coordinates, pointer, 'points', report)
    case 'LineString':
      return checkPositions(coordinates, pointer, 'line', report)
    case 'MultiLineString':
      return checkList(coordinates, pointer, (line, p) => checkPositions(line, p, 'line', report), report, 'a list of lines')
    case 'Polygon':
      return polygon(coordinates, pointer)
    case 'MultiPolygon':
      return checkList(coordinates, pointer, polygon, report, 'a list of polygons')
  }
}

export function checkGeometry(value: unknown, pointer: string, report: Report, depth = 0): void {
  if (!isObject(value)) {
    report({reason: 'geometry-type', pointer, details: {actual: kindOf(value)}})
    return
  }
  if (!checkType(value, pointer, GEOJSON_GEOMETRY_TYPES, report)) return
  checkBbox(value, pointer, report)
  const type = value.type as string
  if (type === 'GeometryCollection') {
    if (!Array.isArray(value.geometries)) report({reason: 'geometries-missing', pointer})
    else if (depth < MAX_DEPTH) value.geometries.forEach((g, i) => checkGeometry(g, `${pointer}/geometries/${i}`, report, depth + 1))
    return
  }
  if (value.coordinates === undefined) report({reason: 'coordinates-missing', pointer, details: {type}})
  else checkCoordinates(type, value.coordinates, `${pointer}/coordinates`, report)
}

export function checkFeature(value: unknown, pointer: string, report: Report): void {
  if (!isObject(value)) {
    report({reason: 'feature-type', pointer, details: {actual: kindOf(value)}})
    return
  }
  if (!checkType(value, pointer, ['Feature'], report)) return
  checkBbox(value, pointer, report)
  if (!('geometry' in value)) report({reason: 'geometry-missing', pointer})
  else if (value.geometry !== null) checkGeometry(value.geometry, `${pointer}/geometry`, report)
  if (!('properties' in value)) report({reason: 'properties-missing', pointer})
  else if (value.properties !== null && !isObject(value.properties)) report({reason: 'properties-type', pointer: `${pointer}/properties`, details: {actual: kindOf(value.properties)}})
  if (value.id !== undefined && typeof value.id !== 'string' && typeof value.id !== 'number') report({reason: 'id-type', pointer: `${pointer}/id`, details: {actual: kindOf(value.id)}})
}

/** Esri JSON (what ArcGIS serves without f=geojson) is often saved as .json or .geojson. */
function isEsriJson(value: Record<string, unknown>): boolean {
  return 'spatialReference' in value || (Array.isArray(value.features) && value.features.some((f) => isObject(f) && 'attributes' in f))
}

export function checkGeoJson(value: unknown, report: Report): void {
  if (!isObject(value)) {
    report({reason: 'not-object', pointer: '', details: {actual: kindOf(value)}})
    return
  }
  if (value.type === undefined && isEsriJson(value)) {
    report({reason: 'esri-json', pointer: ''})
    return
  }
  if (!checkType(value, '', GEOJSON_TYPES, report)) return
  if (value.type === 'FeatureCollection') {
    checkBbox(value, '', report)
    if (!Array.isArray(value.features)) report({reason: 'features-missing', pointer: ''})
    else value.features.forEach((f, i) => checkFeature(f, `/features/${i}`, report))
  } else if (value.type === 'Feature') checkFeature(value, '', report)
  else checkGeometry(value, '', report)
}
