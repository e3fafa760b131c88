/** How link findings name the metadata property a link is in, and what they share. */
import type {DatasetContext} from '../../engine/check.js'
import type {CheckedLink, LinkProperty} from '../../metadata/links.js'
import {resourceFor} from '../metadata/names.js'

export const LINK_PROPERTIES: LinkProperty[] = ['licence', 'contentLicence', 'distribution', 'documentation', 'landingPage']

export const LABELS: Record<LinkProperty, string> = {
  licence: 'licence',
  contentLicence: 'content licence',
  distribution: 'download',
  documentation: 'documentation',
  landingPage: 'landing page',
}

/** Details every link finding has: which property, where it is written, the URL, and the distribution it belongs to. */
export function linkDetails(link: CheckedLink): Record<string, unknown> {
  const details: Record<string, unknown> = {property: link.property, label: LABELS[link.property], url: link.url}
  if (link.field) details.field = link.field
  if (link.distribution !== undefined) details.distribution = link.distribution
  if (link.title) details.title = link.title
  return details
}

/** Findings about a secondary metadata document name it; those about the primary one default to it. */
export function linkResource(context: DatasetContext, link: CheckedLink): {resource?: string} {
  const doc = context.metadataSources[link.document]
  return doc ? resourceFor(context, doc.source.path) : {}
}

/** Whether another active rule of this dataset pass uses the check, so a general rule can leave its problems to it. */
export function ruleRunning(context: DatasetContext, check: string): boolean {
  return (context.rules ?? []).some((r) => r.check === check)
}
