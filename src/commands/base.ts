/** Shared behaviour of odcheck's commands: every failure that is not about the data exits with 2. */
import {Command, Errors} from '@oclif/core'
import {UsageError} from '../engine/errors.js'

export const DOCS_URL = 'https://github.com/odcheck/odcheck#readme'

export abstract class BaseCommand extends Command {
  protected async catch(error: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error
    if (error instanceof UsageError) {
      return super.catch(new Errors.CLIError(error.message, {exit: 2, suggestions: error.suggestions, ref: error.ref}) as never)
    }
    // oclif's own parse errors (unknown flag, bad value) are usage errors too.
    if (error.oclif?.exit === undefined || error.oclif.exit === 1) {
      const message = error instanceof Errors.CLIError ? error.message : `odcheck failed unexpectedly: ${error.message}. Please report this with the command you ran.`
      return super.catch(new Errors.CLIError(message, {exit: 2}) as never)
    }
    return super.catch(error as never)
  }
}
