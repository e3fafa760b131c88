/**
 * GeoJSON rules (RFC 7946) on small Trafford-like files: air quality management areas as
 * polygons, EV chargers as points. Findings carry the feature as rowNumber (index + 1), the JSON
 * Pointer of the value in details.pointer, and the line the value starts on (each fixture
 * feature is on a line of its own, the FeatureCollection's features starting on line 5).
 */
import {describe, expect, it} from 'vitest'
import {findingsOf, ruleTester} from '../helpers/rule-tester.js'

ruleTester('geojson-invalid', {
  valid: ['valid.geojson'],
  invalid: [
    {
      file: 'unclosed-ring.geojson',
      findings: [
        {rowNumber: 2, fieldName: 'geometry', line: 5, details: {reason: 'ring-unclosed', pointer: '/features/1/geometry/coordinates/0', first: [-2.36, 53.38], last: [-2.36, 53.381]}},
        {rowNumber: 3, fieldName: 'geometry', line: 6, details: {reason: 'ring-short', pointer: '/features/2/geometry/coordinates/0', positions: 3}},
      ],
    },
    {
      file: 'broken-shapes.geojson',
      findings: [
        {rowNumber: 1, line: 4, details: {reason: 'properties-missing', pointer: '/features/0'}},
        {rowNumber: 2, fieldName: 'geometry', line: 5, details: {reason: 'position-short', pointer: '/features/1/geometry/coordinates', length: 1}},
        {rowNumber: 3, fieldName: 'geometry', line: 6, details: {reason: 'position-text', pointer: '/features/2/geometry/coordinates/0', value: '-2.3541'}},
        {rowNumber: 4, fieldName: 'geometry', line: 7, details: {reason: 'line-short', pointer: '/features/3/geometry/coordinates', positions: 1}},
        {rowNumber: 5, fieldName: 'geometry', line: 8, details: {reason: 'type-unknown', pointer: '/features/4/geometry/type', type: 'Pointe'}},
        {rowNumber: 6, line: 9, details: {reason: 'bbox-order', pointer: '/features/5/bbox', axis: 'latitude', low: 53.38, high: 53.36}},
      ],
    },
    // ArcGIS's own JSON saved with a .geojson name: said once, not as a missing type.
    {file: 'arcgis-export.geojson', findings: [{details: {reason: 'esri-json', pointer: ''}}]},
  ],
})

ruleTester('geojson-coordinate-range', {
  valid: ['valid.geojson', 'bng-points.geojson'],
  invalid: [
    {
      file: 'out-of-range.geojson',
      findings: [
        {rowNumber: 2, line: 5, details: {pointer: '/features/1/geometry/coordinates', longitude: -234.6797, latitude: 53.385039, positions: 1}},
        // Web Mercator metres: two of the line's three positions, found at the first.
        {rowNumber: 3, line: 6, details: {pointer: '/features/2/geometry/coordinates/0', longitude: -258000.5, latitude: 7050000.25, positions: 2}},
        {rowNumber: 4, line: 7, details: {pointer: '/features/3/geometry/coordinates', longitude: -2.3, latitude: 95, positions: 1}},
      ],
    },
    // Grid references are the BNG rule's, unless asked for here too.
    {
      file: 'bng-points.geojson',
      options: {includeBritishNationalGrid: true},
      findings: [{rowNumber: 1, details: {longitude: 377100, latitude: 387900}}, {rowNumber: 2, details: {longitude: 379100, latitude: 395600}}],
    },
  ],
})

ruleTester('geojson-british-national-grid', {
  valid: ['valid.geojson'],
  invalid: [
    {
      file: 'ev-chargers-bng.geojson',
      findings: [
        {rowNumber: 1, fieldName: 'geometry', line: 5, details: {pointer: '/features/0/geometry/coordinates', easting: 377100, northing: 387900, positions: 1, crs: 'urn:ogc:def:crs:EPSG::27700'}},
        {rowNumber: 2, line: 6, details: {pointer: '/features/1/geometry/coordinates', easting: 379100, northing: 395600}},
        // Feature 3 is in WGS84 already; the polygon has all five of its positions on the grid.
        {rowNumber: 4, line: 8, details: {pointer: '/features/3/geometry/coordinates/0/0', easting: 378000, northing: 396000, positions: 5}},
      ],
    },
  ],
})

ruleTester('geojson-winding-order', {
  valid: ['valid.geojson'],
  invalid: [
    {
      file: 'clockwise-exterior.geojson',
      findings: [
        {rowNumber: 2, line: 5, details: {pointer: '/features/1/geometry/coordinates/0', ring: 'exterior', orientation: 'clockwise', rings: 1, of: 1}},
        // The second polygon of the MultiPolygon has a hole wound like its exterior.
        {rowNumber: 3, line: 6, details: {pointer: '/features/2/geometry/coordinates/1/1', ring: 'hole', orientation: 'counter-clockwise', rings: 1, of: 3}},
        {rowNumber: 4, line: 7, details: {pointer: '/features/3/geometry/coordinates/0', ring: 'exterior', rings: 2, of: 2}},
      ],
    },
  ],
})

ruleTester('geojson-crs-member', {
  valid: ['valid.geojson'],
  invalid: [
    {file: 'crs84.geojson', findings: [{line: 3, details: {pointer: '/crs', name: 'urn:ogc:def:crs:OGC:1.3:CRS84'}}]},
    {file: 'epsg27700.geojson', findings: [{line: 3, details: {pointer: '/crs', name: 'urn:ogc:def:crs:EPSG::27700'}}]},
  ],
})

describe('GeoJSON findings', () => {
  it('say a crs naming another system must be reprojected, not just deleted', async () => {
    const [wgs84] = (await findingsOf('geojson-crs-member', 'crs84.geojson')).findings
    const [grid] = (await findingsOf('geojson-crs-member', 'epsg27700.geojson')).findings
    expect(wgs84.message).not.toContain('reproject')
    expect(grid.message).toContain('reproject')
  })

  it('show where a grid reference is in WGS84, so the publisher recognises the place', async () => {
    const [first] = (await findingsOf('geojson-british-national-grid', 'ev-chargers-bng.geojson')).findings
    // Tesco Extra, Altrincham is at about -2.3468, 53.3850.
    const [longitude, latitude] = first.details!.wgs84 as number[]
    expect(longitude).toBeCloseTo(-2.346, 2)
    expect(latitude).toBeCloseTo(53.387, 2)
  })

  it('count the features as rows and list the property names as fields', async () => {
    const {table} = await findingsOf('geojson-invalid', 'valid.geojson')
    expect(table.head?.format).toBe('geojson')
    expect(table.stats?.rowCount).toBe(5)
    expect(table.head?.labels).toEqual(['area_code', 'area_name', 'aqma', 'name', 'connection_type', 'kW', 'postcode'])
  })
})
