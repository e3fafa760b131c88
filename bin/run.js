#!/usr/bin/env node
// `--version` is answered before oclif loads: CI scripts call it often and it should cost no more than starting node.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-v')) {
  const {readFileSync} = await import('node:fs')
  const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`odcheck/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  // oclif as bundled with the commands (scripts/bundle.mjs): one copy, loaded from a few files.
  const {execute} = await import('../dist-bundle/cli.js')
  await execute({dir: import.meta.url})
}
