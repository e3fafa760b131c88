// Writes oclif.manifest.json after a build, as `oclif manifest` does for published CLIs: with it,
// oclif loads only the command being run instead of importing every command to list their flags.
import {rename, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Plugin} from '@oclif/core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const plugin = new Plugin({root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true})
await plugin.load()
const target = join(root, 'oclif.manifest.json')
const temporary = `${target}.${process.pid}.tmp`
await writeFile(temporary, `${JSON.stringify(plugin.manifest, null, 2)}\n`)
await rename(temporary, target)
