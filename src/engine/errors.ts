/** A problem with how odcheck was asked to run (config, rule set, plugin, options): exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly suggestions: string[] = [],
    readonly ref?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}
