/** Tim Berners-Lee's 5 stars: the rating, and for each star whether it is met and the evidence. */
import type {StarsSection} from '../../../assess/index.js'
import {html, type Html} from './escape.js'

const STAR_NAMES = ['', 'On the web under an open licence', 'Structured, machine-readable data', 'A non-proprietary (open) format', 'URIs identify the things in the data', "Links to other people's data"]

/** Evidence lines shown per star before the rest fold away. */
const SHOWN = 4

export function starsSection(s: StarsSection | undefined): Html {
  if (!s) return html`<p class="hint">Not assessed in this report. <code>odcheck check --format html</code> and <code>odcheck stars</code> assess it.</p>`
  const firstUnmet = s.levels.find((l) => !l.met)
  const minimum = s.minStars !== undefined ? html` <span class="badge ${s.belowMinimum ? 'error' : 'ok'}">${s.belowMinimum ? 'below' : 'meets'} the minimum of ${s.minStars}</span>` : ''
  const levels = s.levels.map((level) => {
    const evidence = level.evidence.slice(0, SHOWN).map((e) => html`<li>${e}</li>`)
    const more = level.evidence.length > SHOWN ? html`<li>… and ${level.evidence.length - SHOWN} more</li>` : ''
    const todo = level === firstUnmet && level.todo ? html`<p><strong>To earn it:</strong> ${level.todo}</p>` : ''
    return html`<li class="${level.met ? 'met' : 'unmet'}"><span class="state" aria-label="${level.met ? 'met' : 'not met'}">${level.met ? '✔' : '✘'}</span><strong>${'★'.repeat(level.star)}</strong> ${STAR_NAMES[level.star]}<ul>${evidence}${more}</ul>${todo}</li>`
  })
  return html`<p class="stars-rating" aria-label="${s.level} of 5 stars">${s.rating}<small>${s.level} of 5 stars</small>${minimum}</p>
<p class="hint">Each star needs the ones before it; without an open licence there are none.</p>
<ul class="levels">${levels}</ul>
${s.problems.length ? html`<p class="hint">Some linked-data files could not be read: ${s.problems.join('; ')}</p>` : ''}`
}
