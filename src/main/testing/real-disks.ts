// Real full and read-only disks for tests: a tiny tmpfs, and a read-only bind mount.
// Mounting needs root (CI and this machine run tests as root, where chmod does not stop
// writes); without root, a read-only folder is made with chmod, which then does stop
// them. When neither works, `mountsAvailable` is false and those tests skip.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const isRoot = process.getuid?.() === 0

function mount(args: string[]): void {
  execFileSync('mount', args, { stdio: 'ignore' })
}

function unmount(dir: string): void {
  execFileSync('umount', ['-l', dir], { stdio: 'ignore' })
}

function probeMounts(): boolean {
  if (process.platform !== 'linux' || !isRoot) return false
  const dir = mkdtempSync(join(tmpdir(), 'stint-probe-'))
  try {
    mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir])
    unmount(dir)
    return true
  } catch {
    return false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const mountsAvailable = probeMounts()
/** A folder can be made read-only for real: by a mount as root, by chmod otherwise. */
export const readOnlyAvailable = mountsAvailable || (process.platform !== 'win32' && !isRoot)

/** Mounts a tmpfs of `sizeKb` on `dir` (which must exist); returns the unmount. */
export function mountTinyDisk(dir: string, sizeKb: number): () => void {
  mount(['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir])
  return () => unmount(dir)
}

/** Makes `dir` read-only as it stands (its files stay readable); returns the undo. */
export function makeReadOnly(dir: string): () => void {
  if (mountsAvailable) {
    mount(['--bind', dir, dir])
    mount(['-o', 'remount,ro,bind', dir])
    return () => unmount(dir)
  }
  chmodSync(dir, 0o500)
  return () => chmodSync(dir, 0o700)
}
