/** Resource paths as the machine formats need them: relative to the working directory, with forward slashes. */
import {isAbsolute, relative, sep} from 'node:path'

/**
 * Report resources are already named relative to the run's working directory (absolute when
 * outside it); an absolute name inside `cwd` is made relative here too.
 */
export function relativeResourcePath(resource: string, cwd: string): string {
  if (!isAbsolute(resource)) return resource
  const rel = relative(cwd, resource)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return resource
  return rel.split(sep).join('/')
}
