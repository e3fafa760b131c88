/** What every benchmark script shares: its command-line options and how it prints numbers. */
import {execFileSync} from 'node:child_process'

const args = process.argv.slice(2)

/** `--name`: given or not. */
export const flag = (name) => args.includes(`--${name}`)

/** `--name VALUE`, or `fallback`. */
export function option(name, fallback) {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : fallback
}

/** The path of a command on PATH, or undefined. */
export function which(command) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], {encoding: 'utf8'}).trim() || undefined
  } catch {
    return undefined
  }
}

export const fmt = (n, digits = 2) => (n === undefined ? '-' : n.toFixed(digits))
export const pad = (s, n) => String(s).padEnd(n)
export const lpad = (s, n) => String(s).padStart(n)
