/** Shared behaviour of odcheck's commands: every failure that is not about the data exits with 2, with --json too. */
import {Command, Errors} from '@oclif/core'
import {UsageError} from '../engine/errors.js'

export const DOCS_URL = 'https://github.com/odcheck/odcheck#readme'

type ThrownError = Error & {oclif?: {exit?: number}; suggestions?: string[]; ref?: string}

/**
 * The one error shape odcheck reports, on stderr or (with --json) as `{"error": {...}}` on stdout:
 * message, name, suggestions (possibly empty), ref when there is a page to read, and `oclif.exit`, the exit code.
 * oclif's parse errors carry their whole parser state (over 100 KB with --json), so only these fields are kept.
 */
export function toCliError(error: ThrownError): Errors.CLIError {
  // An exit code of 1 would read as "the data is not fit"; anything thrown is a usage or tool error.
  const exit = typeof error?.oclif?.exit === 'number' && error.oclif.exit > 1 ? error.oclif.exit : 2
  const known = error instanceof UsageError || error instanceof Errors.CLIError
  const message = known ? error.message : `odcheck failed unexpectedly: ${error?.message ?? String(error)}. Please report this with the command you ran.`
  const cliError = new Errors.CLIError(message, {exit, suggestions: error?.suggestions ?? []})
  // CLIError's constructor drops `ref`; the stderr printer and the JSON object both read it from the error.
  if (error?.ref) Object.assign(cliError, {ref: error.ref})
  return cliError
}

/**
 * Whether the terminal report is coloured: --color / --no-color, else FORCE_COLOR (CI logs that
 * render colour, as chalk reads it), else NO_COLOR, else whether the stream (stdout) is a terminal.
 */
export function useColor(flag: boolean | undefined, stream: {isTTY?: boolean} = process.stdout): boolean {
  if (flag !== undefined) return flag
  const forced = process.env.FORCE_COLOR
  if (forced !== undefined && forced !== '') return forced !== '0' && forced !== 'false'
  return Boolean(stream.isTTY) && !process.env.NO_COLOR
}

export abstract class BaseCommand extends Command {
  protected async catch(error: ThrownError): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error
    const cliError = toCliError(error)
    // With --json oclif prints the error instead of throwing it and sets `process.exitCode ?? err.exitCode ?? 1`:
    // a CLIError keeps its code in `oclif.exit`, so without this every --json usage error exited 1.
    if (this.jsonEnabled()) process.exitCode = cliError.oclif.exit
    // A failed parse leaves `parsed` false, and oclif then warns on stderr (under NODE_ENV development or test) that
    // the command forgot to call this.parse; the parse error already says what went wrong.
    this.parsed = true
    return super.catch(cliError as never)
  }
}
