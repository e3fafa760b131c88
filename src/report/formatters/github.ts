/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file and line
 * in the pull request's diff and the run summary. Paths are relative to the working directory,
 * which in Actions is the checkout, as annotations require.
 */
import type {Severity} from '../../engine/types.js'
import type {Formatter} from './formatter.js'
import {splitArchive, splitInline, splitSheet} from './group.js'
import {relativeResourcePath} from './paths.js'
import {collapseRuns, describeRest, headerRowsOf} from './runs.js'
import {visible} from './visible.js'

const commands: Record<Exclude<Severity, 'off'>, string> = {error: 'error', warning: 'warning', info: 'notice'}

/** Escaping for a command's message, as in @actions/core's escapeData. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escaping for a command's property values, as in @actions/core's escapeProperty. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * One annotation per finding, but one problem repeated in a column or along a row (runs.ts)
 * is one annotation from its first line to its last, its message naming the other rows:
 * GitHub shows only the first ten errors and ten warnings of a step, which 976 blank rows
 * would otherwise use up.
 */
export const github: Formatter = (report, {cwd}) => {
  const lines = collapseRuns(report.findings, headerRowsOf(report)).map((run) => {
    const f = run.first
    const {file: workbook, sheet} = splitSheet(f.resource)
    const {file: inner, member} = splitArchive(workbook)
    const {file, name} = splitInline(inner)
    const properties: Array<[string, string | number]> = [['file', relativeResourcePath(file, cwd)]]
    // Inside a zip the lines are the member's: the annotation goes on the zip as a whole, the title names the member.
    if (f.line !== undefined && member === undefined) properties.push(['line', f.line])
    const endLine = run.rest.at(-1)?.line
    if (f.line !== undefined && member === undefined && endLine !== undefined && endLine > f.line) properties.push(['endLine', endLine])
    const within = [member !== undefined ? `in ${member}` : undefined, sheet !== undefined ? `sheet ${sheet}` : undefined].filter(Boolean).join(', ')
    properties.push(['title', within ? `${f.rule} (${within})` : name !== undefined ? `${f.rule} (resource ${name})` : f.rule])
    const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
    const rest = describeRest(run)
    // Control characters from the data as control pictures, as the terminal report shows them: an ESC would restyle the log, a line break split the message.
    return `::${commands[f.severity]} ${props}::${escapeData(visible(rest ? `${f.message} ${rest}` : f.message))}`
  })
  return lines.length ? lines.join('\n') + '\n' : ''
}
