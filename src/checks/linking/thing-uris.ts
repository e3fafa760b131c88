/**
 * Tells a URI that identifies a thing (the fourth star's "use URIs to denote things") from the
 * address of a web page or document (a council's home page, a PDF). Linked data names things
 * with URIs such as http://statistics.data.gov.uk/id/statistical-geography/E05000819, or a
 * publisher's own https://data.example.gov.uk/id/ward/1, .../resource/..., .../def/...; a column
 * of home pages (www.pod-point.com) names no thing, however useful the links are.
 */

/** Path segments that linked-data publishers use for the URIs of things and of their definitions. */
const THING_PATH = /\/(id|resource|def|entity)\//i
/** Hosts whose every URI names a thing (an authority file, a gazetteer). */
const THING_HOSTS = /^(sws\.geonames\.org|viaf\.org|id\.[a-z0-9.-]+)$/i

/** Whether an HTTP URI (with its lower-cased host) names a thing rather than a web page. */
export function isThingUri(uri: string, host: string): boolean {
  if (THING_HOSTS.test(host)) return true
  const start = uri.indexOf('/', uri.indexOf('//') + 2)
  return start >= 0 && THING_PATH.test(uri.slice(start))
}
