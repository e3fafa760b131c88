// Bundles tsc's output (dist/) into dist-bundle/ with rolldown, after `tsc` in `npm run build`.
// Start-up was mostly module loading: ~330 files under dist/ plus ~250 files of the dependencies
// (oclif's among them), each resolved, read and compiled, and again by every worker thread. The
// bundle has one file per entry point (each oclif command, the chunk worker, the built-in checks
// module, which the registry imports by URL, its row-reading part checks/table, which the workers
// import, and cli.js, oclif's `execute` for bin/run.js) and shared chunks for the code they share. The CLI and its workers run the bundle;
// tests run src/, and the workers they start run dist/ (see src/engine/parallel.ts).
import {existsSync, readdirSync, renameSync, rmSync} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'rolldown'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const out = join(root, 'dist-bundle')

/** The command files oclif finds with package.json's globPatterns: no base.js, nothing starting with _. */
function commandFiles(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    if (entry.name.startsWith('_') || entry.name === 'base.js') return []
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return commandFiles(path)
    return entry.name.endsWith('.js') ? [path] : []
  })
}

const entries = [...commandFiles(join(dist, 'commands')), join(dist, 'engine', 'chunk-worker.js'), join(dist, 'checks', 'index.js'), join(dist, 'checks', 'table.js')]

// Loaded only on demand, so no start pays for them: ajv (with createRequire, when a JSON Schema is
// validated), got (--online), exceljs (workbooks), the RDF parsers, yauzl and tar (archives). They stay in node_modules as
// they are, large packages with dynamic requires of their own. typescript is an optional require
// of oclif's, absent from installs.
const external = [/^node:/, /^ajv($|\/)/, /^ajv-formats($|\/)/, /^got($|\/)/, /^exceljs($|\/)/, /^jsonld($|\/)/, /^n3($|\/)/, /^rdfxml-streaming-parser($|\/)/, /^yauzl$/, /^tar$/, /^typescript$/]

// bin/run.js starts oclif from the bundle (dist-bundle/cli.js), so oclif and the commands share one copy.
const CLI = '\0odcheck-cli'
const cliEntry = {
  name: 'odcheck-cli-entry',
  resolveId: (id) => (id === CLI ? CLI : undefined),
  load: (id) => (id === CLI ? "export {execute} from '@oclif/core'" : undefined),
}

// iconv-lite requires its double-byte tables (~200 KB of JSON) only when such an encoding is used:
// bundled, they would be parsed at every start. They stay files, required from node_modules.
const iconvTables = {
  name: 'iconv-lite-tables-external',
  resolveId: (id, importer) =>
    id.startsWith('./tables/') && importer?.split(sep).join('/').includes('/node_modules/iconv-lite/encodings/') ? {id: `iconv-lite/encodings/tables/${id.slice('./tables/'.length)}`, external: true} : undefined,
}

const input = {...Object.fromEntries(entries.map((file) => [relative(dist, file).split(sep).join('/').replace(/\.js$/, ''), file])), cli: CLI}

// Built beside the old bundle and swapped in, so a CLI started meanwhile (tests, a second build) finds one.
const fresh = `${out}.${process.pid}.tmp`
const stale = `${out}.${process.pid}.old`
rmSync(fresh, {recursive: true, force: true})
await build({
  input,
  platform: 'node',
  external,
  plugins: [cliEntry, iconvTables],
  logLevel: 'warn',
  output: {
    dir: fresh,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Less to read and parse at every start (about 0.03 s of 0.45 measured on 2 cores); stack traces
    // map back to the dist/ files with `node --enable-source-maps bin/run.js ...`.
    minify: true,
    // Some code compares constructor names (iconv-lite's codecs): keep them through renaming.
    keepNames: true,
    sourcemap: true,
  },
})
if (existsSync(out)) renameSync(out, stale)
renameSync(fresh, out)
rmSync(stale, {recursive: true, force: true})
