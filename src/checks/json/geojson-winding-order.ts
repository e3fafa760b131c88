/**
 * geojson-winding-order: polygon rings that do not follow RFC 7946's right-hand rule (exterior
 * rings counter-clockwise, holes clockwise). Many readers do not care, but d3 and some web maps
 * draw a clockwise exterior as "the whole world except this area". One finding per feature, at
 * its first ring wound the wrong way, with how many of its rings are.
 */
import {defineCheck} from '../../engine/check.js'
import {forEachPolygon, geoUnits, isPosition} from './geojson/shapes.js'
import {describePointer} from './pointer.js'

/** Twice the signed area in plane coordinates (shoelace), from the first position to keep precision: > 0 is counter-clockwise. */
export function signedArea(ring: number[][]): number {
  const [x0, y0] = ring[0]
  let sum = 0
  for (let i = 1; i < ring.length - 1; i++) {
    sum += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0)
  }
  return sum
}

interface Wrong {
  pointer: string
  ring: 'exterior' | 'hole'
  orientation: 'clockwise' | 'counter-clockwise'
}

export const geojsonWindingOrder = defineCheck<Record<string, never>, undefined>({
  name: 'geojson-winding-order',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: '{{at}} is a polygon {{ring}} wound {{orientation}}: RFC 7946 wants exteriors counter-clockwise and holes clockwise ({{rings|#}} of {{of|ring}} in this geometry wind the wrong way)',
  },
  create: () => ({
    document(doc, _head, report) {
      if (doc.format !== 'geojson') return
      for (const unit of geoUnits(doc.value)) {
        let first: Wrong | undefined
        let wrong = 0
        let total = 0
        forEachPolygon(unit.geometry, unit.pointer, (rings, pointer) => {
          rings.forEach((ring, index) => {
            // Malformed rings are geojson-invalid's; rings of no area have no orientation.
            if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return
            const area = signedArea(ring)
            if (area === 0) return
            total++
            const exterior = index === 0
            if (exterior === (area > 0)) return
            wrong++
            first ??= {pointer: `${pointer}/${index}`, ring: exterior ? 'exterior' : 'hole', orientation: area > 0 ? 'counter-clockwise' : 'clockwise'}
          })
        })
        if (first) report({rowNumber: unit.rowNumber, details: {...first, at: describePointer(first.pointer), rings: wrong, of: total}})
      }
    },
  }),
})
