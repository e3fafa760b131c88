/**
 * A dataset folder laid out with symbolic links, as a data repository may be: a file linked in
 * from a sibling folder, a linked folder, links back to the folder itself and above it, and a
 * link to a file that is gone. Creating links needs rights on Windows: `canSymlink` says
 * whether this system gives them, so those tests are skipped, with the reason, where not.
 */
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export const noSymlinksReason = 'skipped: this system does not let the tests create symbolic links (on Windows, turn on Developer Mode or run as administrator)'

export async function canSymlink(): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), 'odcheck-can-link-'))
  try {
    await writeFile(join(dir, 'file'), '')
    await symlink('file', join(dir, 'link'))
    await symlink('.', join(dir, 'folder-link'), 'dir')
    return true
  } catch {
    return false
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
}

export async function link(target: string, path: string): Promise<void> {
  await symlink(target, path, target.endsWith('.csv') ? 'file' : 'dir')
}

/**
 * Under `base`:
 *   other/shared.csv, other/more.csv, other/back -> ../ds   (a sibling outside ds, linking back into it)
 *   ds/good.csv
 *   ds/codes.csv  -> ../other/shared.csv                    (a shared file linked in)
 *   ds/linked     -> ../other                               (a linked folder: shared.csv again, and more.csv)
 *   ds/loop       -> .           ds/up -> ..                (loops)
 *   ds/broken.csv -> <base>/gone/x.csv                      (a link to a file that does not exist)
 */
export async function makeLinkedDataset(base: string): Promise<{missingTarget: string}> {
  await mkdir(join(base, 'other'), {recursive: true})
  await mkdir(join(base, 'ds'), {recursive: true})
  await writeFile(join(base, 'other', 'shared.csv'), 'code,label\r\nA,Alpha\r\n')
  await writeFile(join(base, 'other', 'more.csv'), 'code,count\r\nA,1\r\n')
  await writeFile(join(base, 'ds', 'good.csv'), 'ward,lights\r\nSale,412\r\n')
  await link(join('..', 'ds'), join(base, 'other', 'back'))
  await link(join('..', 'other', 'shared.csv'), join(base, 'ds', 'codes.csv'))
  await link(join('..', 'other'), join(base, 'ds', 'linked'))
  await link('.', join(base, 'ds', 'loop'))
  await link('..', join(base, 'ds', 'up'))
  const missingTarget = join(base, 'gone', 'x.csv')
  await link(missingTarget, join(base, 'ds', 'broken.csv'))
  return {missingTarget}
}
