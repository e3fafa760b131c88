/** ODI Open Data Certificate readiness: the level as a ladder, and what stands between the dataset and the next level. */
import type {CertificateSection} from '../../../assess/index.js'
import type {MissingAnswer, OutstandingRequirement} from '../../../assess/certificate/index.js'
import {html, type Html} from './escape.js'
import {plural} from '../../../shared/text.js'

/** The ladder's steps, lowest first, with their public names (the old ones below). */
const STEPS: Array<{id: string; name: string; formerName?: string}> = [
  {id: 'none', name: 'No level'},
  {id: 'basic', name: 'Bronze', formerName: 'Raw'},
  {id: 'pilot', name: 'Silver', formerName: 'Pilot'},
  {id: 'standard', name: 'Gold', formerName: 'Standard'},
  {id: 'exemplar', name: 'Platinum', formerName: 'Expert'},
]

/** Shown before the rest fold away under "more". */
const SHOWN = 10

function ladder(c: CertificateSection): Html {
  const rank = STEPS.findIndex((s) => s.id === c.level)
  return html`<ol class="ladder" aria-label="Certificate levels">${STEPS.map((step, i) => {
    const state = i <= rank ? 'reached' : i === rank + 1 ? 'next' : ''
    const tag = i === rank ? html`<span class="tag">Today</span>` : i === rank + 1 ? html`<span class="tag">Next</span>` : ''
    return html`<li class="l-${step.id} ${state}"${i === rank ? html` aria-current="step"` : ''}>${tag}${step.name}${step.formerName ? html`<span class="was">(${step.formerName})</span>` : ''}</li>`
  })}</ol>`
}

function canCheck(item: {odcheckCanVerify: boolean; metadata?: string}): Html | string {
  return item.odcheckCanVerify && item.metadata ? html` <span class="hint">odcheck can check this once the metadata gives ${item.metadata}.</span>` : ''
}

function missingItem(m: MissingAnswer): Html {
  const how = m.odcheckCanVerify && m.metadata
    ? html`Give ${m.metadata} in the dataset's metadata, where odcheck reads it, or answer <code>${m.question}</code> in certificate.yaml.`
    : html`Answer <code>${m.question}</code> in certificate.yaml${m.choices ? html` with one of: ${m.choices.join(', ')}` : ''}.`
  return html`<li><span class="badge error">Required</span> ${m.label}<br><span class="hint">${how}</span></li>`
}

function requirementItem(r: OutstandingRequirement): Html {
  return html`<li>${r.text}<br><span class="hint">${r.action}.</span>${canCheck(r)}</li>`
}

function foldList(items: Html[]): Html {
  if (items.length <= SHOWN) return html`<ol class="todo">${items}</ol>`
  return html`<ol class="todo">${items.slice(0, SHOWN)}</ol><details><summary>${plural(items.length - SHOWN, 'more thing')} to do</summary><ol class="todo" start="${SHOWN + 1}">${items.slice(SHOWN)}</ol></details>`
}

function answersLine(c: CertificateSection): Html {
  const answers = Object.values(c.answers)
  const fromUser = answers.filter((a) => a.source === 'user').length
  const file = c.answersFile ? html`${plural(fromUser, 'answer')} from <code>${c.answersFile}</code>` : html`no answers file yet (<code>odcheck init --certificate</code> writes <code>certificate.yaml</code> to fill in)`
  return html`<p>${plural(answers.length - fromUser, 'question')} answered from the data and metadata, ${file}; ${plural(c.unknown.length, 'question')} still unanswered.</p>`
}

export function certificateSection(c: CertificateSection | undefined): Html {
  if (!c) return html`<p class="hint">Not assessed in this report. <code>odcheck check --format html</code> and <code>odcheck certificate</code> assess it.</p>`
  const today = c.level === 'none' ? html`This dataset does not reach a certificate level yet.` : html`This dataset reaches <strong>${c.name}</strong> today.`
  const minimum = c.minLevel ? html` <span class="badge ${c.belowMinimum ? 'error' : 'ok'}">${c.belowMinimum ? 'below' : 'meets'} the minimum required (${c.minLevel})</span>` : ''
  const next = c.next
  const todo = next ? [...next.missingMandatory.map(missingItem), ...next.requirements.map(requirementItem)] : []
  const conflicts = c.conflicts.map((id) => {
    const a = c.answers[id]
    return html`<li><code>${id}</code>: your answer “${[a.value].flat().join(', ')}” counts; ${a.conflict!.source} says “${[a.conflict!.value].flat().join(', ')}” (${a.conflict!.evidence})</li>`
  })
  return html`<p>${today}${minimum}</p>
${ladder(c)}
${answersLine(c)}
${next ? html`<h3>To reach ${next.name}: ${plural(todo.length, 'thing')} to do</h3>${foldList(todo)}` : html`<p>Nothing is outstanding: this is the highest level.</p>`}
${conflicts.length ? html`<h3>Answers that disagree with the data</h3><ul>${conflicts}</ul>` : ''}${c.withheldLinks?.length ? html`<h3>Links that did not work, so answer nothing</h3><ul>${c.withheldLinks.map((w) => html`<li><code>${w.question}</code>: ${w.url} does not work (${w.problem})</li>`)}</ul>` : ''}
<p class="hint">${c.credit}</p>`
}
