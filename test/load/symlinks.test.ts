/** Discovery through symbolic links: each real file once, no loops, and links that lead nowhere reported rather than dropped. */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {discover} from '../../src/load/discover.js'
import {discoverMetadata} from '../../src/load/metadata.js'
import {brokenLink, expandGlob, walkFolder} from '../../src/load/walk.js'
import {canSymlink, link, makeLinkedDataset, noSymlinksReason} from '../helpers/linked-folder.js'

const linksWork = await canSymlink()
let base: string
let missingTarget: string

beforeAll(async () => {
  if (!linksWork) return
  base = await mkdtemp(join(tmpdir(), 'odcheck-links-'))
  ;({missingTarget} = await makeLinkedDataset(base))
})

afterAll(() => base && rm(base, {recursive: true, force: true}))

const names = (resources: Array<{name: string}>) => resources.map((r) => r.name)

describe.skipIf(!linksWork)(linksWork ? 'discovery through symbolic links' : `discovery through symbolic links (${noSymlinksReason})`, () => {
  it('walks a folder through links to files and folders, lists each real file once under its first path, and never loops', async () => {
    const walk = await walkFolder(join(base, 'ds'), {include: (path) => path.endsWith('.csv')})
    // codes.csv and linked/shared.csv are one file; loop, up and linked/back lead back into ds and are not walked.
    expect(walk.files.map((f) => f.path)).toEqual([join(base, 'ds', 'codes.csv'), join(base, 'ds', 'good.csv'), join(base, 'ds', 'linked', 'more.csv')])
    expect(walk.files[0].also).toEqual([join(base, 'ds', 'linked', 'shared.csv')])
    expect(walk.broken.map((b) => [b.path, b.target, b.code])).toEqual([[join(base, 'ds', 'broken.csv'), missingTarget, 'ENOENT']])
  })

  it('names a file reached through links by its own path, not by a link that sorts first', async () => {
    const folder = await mkdtemp(join(base, 'chain-'))
    await writeFile(join(folder, 't.csv'), 'a,b\n1,2\n')
    await link('t.csv', join(folder, 't2.csv'))
    await link('t2.csv', join(folder, 'chain.csv'))
    const walk = await walkFolder(folder, {include: (path) => path.endsWith('.csv')})
    expect(walk.files.map((f) => [f.path, f.also])).toEqual([[join(folder, 't.csv'), [join(folder, 'chain.csv'), join(folder, 't2.csv')]]])
  })

  it('lists the tables of a folder once each, with the broken link as a resource that cannot be read', async () => {
    const {resources, problems, aliases} = await discover([join(base, 'ds')], base)
    expect(problems).toEqual([])
    expect(names(resources)).toEqual(['ds/broken.csv', 'ds/codes.csv', 'ds/good.csv', 'ds/linked/more.csv'])
    expect(resources.filter((r) => r.unreadable).map((r) => r.name)).toEqual(['ds/broken.csv'])
    // The other path is kept for the config's ignore globs: a file they skip under one path is checked under the other.
    expect(Object.fromEntries(aliases)).toEqual({[join(base, 'ds', 'codes.csv')]: [join(base, 'ds', 'linked', 'shared.csv')]})
  })

  it('expands a glob the same way: no duplicates through the loop, the broken link kept', async () => {
    const walk = await expandGlob('ds/**/*.csv', base)
    expect(walk.files.map((f) => f.path)).toEqual([join(base, 'ds', 'codes.csv'), join(base, 'ds', 'good.csv'), join(base, 'ds', 'linked', 'more.csv')])
    const {resources} = await discover(['ds/**/*.csv'], base)
    expect(names(resources)).toEqual(['ds/broken.csv', 'ds/codes.csv', 'ds/good.csv', 'ds/linked/more.csv'])
  })

  it('takes a broken link named directly as a resource that cannot be read, not as a path that does not exist', async () => {
    const {resources, problems} = await discover(['ds/broken.csv'], base)
    expect(problems).toEqual([])
    expect(resources).toEqual([{path: join(base, 'ds', 'broken.csv'), name: 'ds/broken.csv', format: 'csv', unreadable: `ds/broken.csv is a symbolic link to ${missingTarget}, which does not exist: fix or remove the link.`}])
  })

  it('checks a file named twice (once through a link) once, under the path named first', async () => {
    const {resources} = await discover(['ds/linked/shared.csv', 'ds/codes.csv'], base)
    expect(names(resources)).toEqual(['ds/linked/shared.csv'])
  })

  it('names a file by the path given for it rather than one found by walking, keeping its place and the other path as an alias', async () => {
    const {resources, aliases} = await discover([join(base, 'ds'), join(base, 'ds', 'linked', 'shared.csv')], base)
    expect(names(resources)).toEqual(['ds/broken.csv', 'ds/linked/shared.csv', 'ds/good.csv', 'ds/linked/more.csv'])
    expect(aliases.get(join(base, 'ds', 'linked', 'shared.csv'))).toEqual([join(base, 'ds', 'codes.csv')])
  })

  it('describes links that loop and chains of links by where they lead', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-link-kinds-'))
    try {
      await link('self.csv', join(dir, 'self.csv'))
      await link('broken.csv', join(dir, 'chain.csv'))
      await link(join(dir, 'gone.csv'), join(dir, 'broken.csv'))
      await writeFile(join(dir, 'real.csv'), 'a,b\r\n1,2\r\n')
      await link('real.csv', join(dir, 'working.csv'))
      expect((await brokenLink(join(dir, 'self.csv')))?.code).toBe('ELOOP')
      expect(await brokenLink(join(dir, 'chain.csv'))).toMatchObject({code: 'ENOENT', target: join(dir, 'gone.csv')})
      expect(await brokenLink(join(dir, 'working.csv'))).toBeUndefined()
      expect(await brokenLink(join(dir, 'real.csv'))).toBeUndefined()
      expect(await brokenLink(join(dir, 'nothing.csv'))).toBeUndefined()
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })

  it('finds metadata beside the data through a link, and says where a broken one points instead of finding none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'odcheck-linked-metadata-'))
    try {
      await writeFile(join(dir, 'wards.csv'), 'ward,lights\r\nSale,412\r\n')
      await writeFile(join(dir, 'shared.yaml'), 'title: Wards\nlicence: OGL-UK-3.0\n')
      await link('shared.yaml', join(dir, 'odcheck.yaml'))
      await link(join(dir, 'gone.json'), join(dir, 'datapackage.json'))
      const {candidates} = await discoverMetadata([dir], dir)
      expect(candidates.map((c) => [c.path, c.format, c.readError])).toEqual([
        [join(dir, 'odcheck.yaml'), 'odcheck', undefined],
        [join(dir, 'datapackage.json'), undefined, `it is a symbolic link to ${join(dir, 'gone.json')}, which does not exist: fix or remove the link`],
      ])
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })
})
