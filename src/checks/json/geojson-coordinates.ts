/**
 * Where positions are: geojson-coordinate-range (outside longitude −180..180 or latitude −90..90)
 * and geojson-british-national-grid (eastings and northings where longitude and latitude belong,
 * the classic council export error). One finding per feature (rowNumber = index + 1), at the
 * first such position, with how many positions of the feature are affected.
 */
import {defineCheck} from '../../engine/check.js'
import {gridToWgs84, isBritishNationalGrid} from './geojson/osgb.js'
import {crsName, forEachPosition, geoUnits, isObject, roundCoordinate, type GeoUnit} from './geojson/shapes.js'
import {describePointer} from './pointer.js'

interface Found {
  position: number[]
  pointer: string
  count: number
}

function firstWhere(unit: GeoUnit, wanted: (position: number[]) => boolean): Found | undefined {
  let found: Found | undefined
  forEachPosition(unit.geometry, unit.pointer, (position, pointer) => {
    if (!wanted(position)) return
    if (found) found.count++
    else found = {position, pointer, count: 1}
  })
  return found
}

function inRange([longitude, latitude]: number[]): boolean {
  return longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90
}

export const geojsonCoordinateRange = defineCheck<{includeBritishNationalGrid: boolean}, undefined>({
  name: 'geojson-coordinate-range',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {includeBritishNationalGrid: {type: 'boolean', default: false}},
  },
  messages: {
    default: '{{at}} is [{{longitude}}, {{latitude}}], outside longitude −180..180 and latitude −90..90 ({{positions|such position|such positions}} in this geometry)',
  },
  create: (options) => ({
    document(doc, _head, report) {
      if (doc.format !== 'geojson') return
      // Grid references are geojson-british-national-grid's to report, with a better explanation.
      const wanted = (p: number[]) => !inRange(p) && (options.includeBritishNationalGrid || !isBritishNationalGrid(p))
      for (const unit of geoUnits(doc.value)) {
        const found = firstWhere(unit, wanted)
        if (!found) continue
        const [longitude, latitude] = found.position.map(roundCoordinate)
        report({rowNumber: unit.rowNumber, details: {pointer: found.pointer, at: describePointer(found.pointer), longitude, latitude, positions: found.count}})
      }
    },
  }),
})

export const geojsonBritishNationalGrid = defineCheck<Record<string, never>, undefined>({
  name: 'geojson-british-national-grid',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default:
      '{{at}} is [{{easting}}, {{northing}}]: a British National Grid easting and northing (OSGB36, EPSG:27700), about [{{wgs84}}] in WGS84, where GeoJSON needs longitude and latitude ({{positions|such position|such positions}} in this geometry). Reproject the file to WGS84 (EPSG:4326)',
  },
  create: () => ({
    document(doc, _head, report) {
      if (doc.format !== 'geojson') return
      // A legacy crs member naming EPSG:27700 is worth repeating: readers ignore it.
      const crs = isObject(doc.value) ? crsName(doc.value.crs) : null
      for (const unit of geoUnits(doc.value)) {
        const found = firstWhere(unit, (p) => !inRange(p) && isBritishNationalGrid(p))
        if (!found) continue
        const [easting, northing] = found.position.map((v) => Math.round(v * 100) / 100)
        const details: Record<string, unknown> = {pointer: found.pointer, at: describePointer(found.pointer), easting, northing, wgs84: gridToWgs84(easting, northing), positions: found.count}
        if (crs) details.crs = crs
        report({rowNumber: unit.rowNumber, details})
      }
    },
  }),
})
