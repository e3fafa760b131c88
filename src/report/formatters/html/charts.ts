/** Small inline SVG charts: no scripts, no images, each bar titled with its range and count for a hover tooltip. */
import type {HistogramBin} from '../../../checks/profile/index.js'
import {html, join, type Html} from './escape.js'
import {formatNumber} from '../../../shared/text.js'

const WIDTH = 160
const HEIGHT = 36

function binLabel(bin: HistogramBin, integer: boolean): string {
  if (typeof bin.from === 'string') return `${bin.from} to ${bin.to as string}`
  const to = bin.to as number
  if (integer && to - bin.from === 1) return formatNumber(bin.from)
  return integer ? `${formatNumber(bin.from)} to ${formatNumber(to - 1)}` : `${formatNumber(bin.from)} to under ${formatNumber(to)}`
}

/**
 * A histogram of bins; `integer` labels integer bins by their whole numbers.
 * @param label what the chart shows, for screen readers
 */
export function histogramSvg(bins: HistogramBin[], label: string, integer: boolean): Html {
  const most = Math.max(1, ...bins.map((b) => b.count))
  const width = WIDTH / Math.max(1, bins.length)
  const gap = width > 3 ? 1 : 0
  const bars = bins.map((bin, i) => {
    const h = bin.count === 0 ? 0 : Math.max(1.5, (bin.count / most) * (HEIGHT - 2))
    const x = (i * width).toFixed(2)
    return html`<g><title>${binLabel(bin, integer)}: ${formatNumber(bin.count)}</title><rect x="${x}" y="0" width="${width.toFixed(2)}" height="${HEIGHT}" fill="transparent"/><rect class="bar" x="${x}" y="${(HEIGHT - h).toFixed(2)}" width="${Math.max(0.5, width - gap).toFixed(2)}" height="${h.toFixed(2)}"/></g>`
  })
  return html`<svg class="hist" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">${join(bars)}<line x1="0" y1="${HEIGHT - 0.5}" x2="${WIDTH}" y2="${HEIGHT - 0.5}" stroke="#9aa4ae" stroke-width="1"/></svg>`
}

/** A thin bar for a share (0 to 1), e.g. missing values. */
export function shareBar(share: number): Html {
  const pct = Math.min(100, Math.max(share > 0 ? 2 : 0, share * 100))
  return html`<span class="missbar" aria-hidden="true"><i style="width:${pct.toFixed(1)}%"></i></span>`
}
