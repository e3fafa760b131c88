/** Foreign keys between the resources of a package: the resource and fields each reference names must exist. */
import {childPath} from '../table-schema/profile.js'
import type {DescriptorProblem} from '../table-schema/types.js'
import type {PackageResource} from './types.js'

/** The resource a reference points at: '' (and, in v1, the resource's own name) means the same resource. */
export function referencedResource(resources: PackageResource[], from: PackageResource, name: string): PackageResource | undefined {
  return name === '' ? from : resources.find((r) => r.name === name)
}

export function checkForeignKeys(resources: PackageResource[], file: string): DescriptorProblem[] {
  const problems: DescriptorProblem[] = []
  for (const resource of resources) {
    for (const fk of resource.schema?.foreignKeys ?? []) {
      const target = referencedResource(resources, resource, fk.reference.resource)
      const at = childPath(fk.path, 'reference')
      // A schema read from its own file names paths in that file; the package names where it is used.
      const where = fk.path.startsWith('$.resources') ? fk.path : `${resource.path}.schema`
      if (!target) {
        const known = resources.map((r) => `"${r.name}"`).join(', ')
        problems.push({rule: 'schema-error', path: fk.path.startsWith('$.resources') ? childPath(at, 'resource') : where, reason: 'unknown-resource', note: `a foreign key refers to the resource "${fk.reference.resource}", which the package does not have (its resources: ${known}), so it is not checked`, file})
        continue
      }
      const fields = target.schema?.fields.map((f) => f.name)
      const unknown = fields ? fk.reference.fields.filter((f) => !fields.includes(f)) : []
      if (unknown.length > 0) {
        problems.push({rule: 'schema-error', path: fk.path.startsWith('$.resources') ? childPath(at, 'fields') : where, reason: 'unknown-field', note: `a foreign key refers to ${unknown.map((f) => `"${f}"`).join(', ')} in "${target.name}", whose schema has no such field`, file})
      }
    }
  }
  return problems
}

/** For each resource (by index), the lists of its fields other resources' foreign keys point at. */
export function referencedKeys(resources: PackageResource[]): Map<number, string[][]> {
  const keys = new Map<number, string[][]>()
  for (const resource of resources) {
    for (const fk of resource.schema?.foreignKeys ?? []) {
      const target = referencedResource(resources, resource, fk.reference.resource)
      // Parts of a multipart resource refer to each other's keys as to another resource's.
      if (!target || (target === resource && resource.files.length <= 1)) continue
      const list = keys.get(target.index) ?? []
      if (!list.some((k) => k.join('\u0000') === fk.reference.fields.join('\u0000'))) list.push(fk.reference.fields)
      keys.set(target.index, list)
    }
  }
  return keys
}
