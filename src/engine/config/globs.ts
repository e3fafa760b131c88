/** Glob matching for config `overrides` and `ignore`, relative to the config's folder. */
import {relative, sep} from 'node:path'
import picomatch from 'picomatch'

/**
 * A glob without a slash matches the file name at any depth (`*.csv`, like .gitignore);
 * one with a slash matches the path from the config's folder (`legacy/**`).
 */
export function globMatcher(patterns: string[]): (relativePath: string) => boolean {
  const matchers = patterns.map((pattern) => picomatch(pattern.replace(/^\.\//, ''), {dot: true, basename: !pattern.includes('/')}))
  return (path) => matchers.some((match) => match(path))
}

/** Path of `file` relative to `baseDir`, with forward slashes. */
export function relativeTo(baseDir: string, file: string): string {
  return relative(baseDir, file).split(sep).join('/')
}
