/** Check implementations by name, gathered from check modules (built-in or plugins). */
import type {AnyCheck, CheckModule} from './check.js'
import {UsageError} from './errors.js'

export class CheckRegistry {
  private readonly checks = new Map<string, AnyCheck>()

  constructor(readonly moduleUrls: string[] = []) {}

  add(check: AnyCheck, origin: string): void {
    if (this.checks.has(check.name)) throw new UsageError(`Check "${check.name}" from ${origin} is already defined by another module.`)
    this.checks.set(check.name, check)
  }

  get(name: string): AnyCheck | undefined {
    return this.checks.get(name)
  }

  names(): string[] {
    return [...this.checks.keys()].sort()
  }

  /** Imports each module and registers its `checks`. Workers rebuild the same registry from the same URLs. */
  static async load(moduleUrls: string[]): Promise<CheckRegistry> {
    const registry = new CheckRegistry(moduleUrls)
    for (const url of moduleUrls) {
      let mod: Partial<CheckModule> & {default?: Partial<CheckModule>}
      try {
        mod = await import(url)
      } catch (error) {
        throw new UsageError(`Cannot load check module ${url}: ${(error as Error).message}`)
      }
      const checks = mod.checks ?? mod.default?.checks
      if (!Array.isArray(checks)) throw new UsageError(`Check module ${url} does not export a "checks" array.`)
      for (const check of checks) registry.add(check, url)
    }
    return registry
  }
}
