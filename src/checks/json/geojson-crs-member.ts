/**
 * geojson-crs-member: the `crs` member of the 2008 GeoJSON specification, which RFC 7946
 * removed: GeoJSON is always WGS84 longitude and latitude. Harmless when it names WGS84 (CRS84,
 * EPSG:4326), which GDAL still writes; misleading when it names anything else, since RFC 7946
 * readers ignore it.
 */
import {defineCheck} from '../../engine/check.js'
import {crsName, isObject} from './geojson/shapes.js'
import {describePointer} from './pointer.js'

const WGS84 = /CRS:?84$|EPSG:+4326$|EPSG\/0\/4326$/i

export const geojsonCrsMember = defineCheck<Record<string, never>, undefined>({
  name: 'geojson-crs-member',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The GeoJSON has a "crs" member ({{name}}), which RFC 7946 removed: GeoJSON is always WGS84 longitude and latitude, so delete it',
    other: 'The GeoJSON declares the coordinate reference system {{name}} in a "crs" member, but RFC 7946 removed "crs" and readers take every GeoJSON as WGS84 longitude and latitude: reproject the data to WGS84 (EPSG:4326) and delete the member',
  },
  create: () => ({
    document(doc, _head, report) {
      if (doc.format !== 'geojson' || !isObject(doc.value)) return
      const holders: Array<[unknown, string]> = [[doc.value, '']]
      if (Array.isArray(doc.value.features)) doc.value.features.forEach((f, i) => holders.push([f, `/features/${i}`]))
      for (const [holder, pointer] of holders) {
        if (!isObject(holder) || !('crs' in holder)) continue
        const name = crsName(holder.crs)
        const at = `${pointer}/crs`
        report({messageId: name === null || WGS84.test(name) ? 'default' : 'other', details: {pointer: at, at: describePointer(at), name}})
      }
    },
  }),
})
