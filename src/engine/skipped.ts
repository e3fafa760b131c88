/**
 * Rules a run left out for a reason the user should hear about. Offline, the rules that ask the
 * web (tagged #online: the link rules) do not run, so the web links in the metadata go
 * unchecked; the report says so once, when the metadata has web links and those rules would
 * otherwise have run. It is a note, never a finding: it counts as no problem and fails no run.
 */
import {metadataLinks} from '../metadata/links.js'
import type {DatasetMetadata} from '../metadata/model.js'
import type {ActiveRule, RuleDefinition} from './types.js'

export interface SkippedRules {
  /** Why they did not run: `offline`, without --online (or `online: true` in the config). */
  reason: 'offline'
  /** Ids of the rules that would have run. */
  rules: string[]
  /** Web links in the metadata that were not checked. */
  links: number
}

/** `wouldRun`: the dataset's active rules as if the run were online. */
export function skippedOffline(wouldRun: ActiveRule[], catalog: RuleDefinition[], metadata: DatasetMetadata[], onlineTag: string): SkippedRules | undefined {
  const online = new Set(catalog.filter((r) => r.tags.includes(onlineTag)).map((r) => r.id))
  const rules = wouldRun.filter((r) => online.has(r.id)).map((r) => r.id)
  if (rules.length === 0) return undefined
  const links = metadataLinks(metadata).length
  return links > 0 ? {reason: 'offline', rules, links} : undefined
}
