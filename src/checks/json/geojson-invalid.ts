/** geojson-invalid: GeoJSON that breaks RFC 7946's rules for its shape (src/checks/json/geojson/structure.ts). */
import {defineCheck} from '../../engine/check.js'
import {checkGeoJson} from './geojson/structure.js'
import {describePointer} from './pointer.js'

export const geojsonInvalid = defineCheck<Record<string, never>, undefined>({
  name: 'geojson-invalid',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: '{{at}} is not valid GeoJSON ({{reason}})',
    'not-object': 'The document is {{actual}}, not a GeoJSON object',
    'esri-json': 'This is Esri JSON (as ArcGIS serves it), not GeoJSON: export it as GeoJSON (from an ArcGIS REST service, ask for f=geojson)',
    'type-missing': '{{at}} has no "type": it must say what it is ({{expected}})',
    'type-unknown': '{{at}} is "{{type}}", which is not one of {{expected}}',
    'features-missing': 'The FeatureCollection has no "features" list',
    'feature-type': '{{at}} is {{actual}}, not a Feature',
    'geometry-missing': '{{at}} has no "geometry" member (give null for a feature without a location)',
    'geometry-type': '{{at}} is {{actual}}, not a geometry object',
    'properties-missing': '{{at}} has no "properties" member (give {} or null when it has none)',
    'properties-type': '{{at}} is {{actual}}: a feature\'s properties must be an object or null',
    'id-type': '{{at}} is {{actual}}: a feature\'s id must be a string or a number',
    'coordinates-missing': '{{at}} is a {{type}} with no "coordinates"',
    'geometries-missing': '{{at}} is a GeometryCollection with no "geometries" list',
    'coordinates-shape': '{{at}} is {{actual}} where {{expected}} belongs',
    'position-short': '{{at}} is a position of {{length|number}}: a position needs a longitude and a latitude',
    'position-number': '{{at}} is {{actual}} where a position needs a number',
    'position-text': '{{at}} is the text "{{value}}" where a position needs a number: write it without quotes',
    'line-short': '{{at}} is a line of {{positions|position}}: a line needs at least 2',
    'ring-short': '{{at}} is a polygon ring of {{positions|position}}: a ring needs at least 4, the last repeating the first',
    'ring-unclosed': '{{at}} is a polygon ring that is not closed: it starts at [{{first}}] but ends at [{{last}}]; end it with its first position',
    'bbox-length': '{{at}} has {{length|number}}: a bbox has two per dimension ([west, south, east, north])',
    'bbox-number': '{{at}} holds something other than numbers',
    'bbox-order': '{{at}} has its {{axis}} range the wrong way round ({{low}} above {{high}})',
  },
  create: () => ({
    document(doc, _head, report) {
      if (doc.format !== 'geojson') return
      checkGeoJson(doc.value, ({reason, pointer, details}) => report({messageId: reason, details: {reason, pointer, at: describePointer(pointer), ...details}}))
    },
  }),
})
