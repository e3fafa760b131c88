/** How metadata rules name files in findings: as the report names them, relative to the working directory. */
import {basename} from 'node:path'
import type {DatasetContext} from '../../engine/check.js'
import {displayName} from '../../metadata/report-view.js'

export function fileName(context: DatasetContext, path: string): string {
  return context.metadataLoad ? displayName(path, context.metadataLoad.cwd) : basename(path)
}

/** The `resource` of a finding about a metadata file: left out for the primary file, which dataset findings default to. */
export function resourceFor(context: DatasetContext, path: string): {resource?: string} {
  return path === context.metadata?.source.path ? {} : {resource: fileName(context, path)}
}
