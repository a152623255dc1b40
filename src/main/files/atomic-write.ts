// Small files (settings, the team token) replaced whole or not at all: the bytes go to a
// private temporary file beside the target, are flushed to disk, and only then renamed
// over it. A failure (a full disk, a read-only folder) removes the temporary file, so the
// old file stays as it was and nothing half-written or empty is left behind.
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

function syncFolder(folder: string): void {
  // Makes the rename itself durable. Best effort: Windows cannot open a folder.
  if (process.platform === 'win32') return
  try {
    const fd = openSync(folder, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // the file is complete either way
  }
}

export function writeFileAtomically(path: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temp, 'wx', mode)
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temp, path)
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temp, { force: true })
    throw error
  }
  syncFolder(dirname(path))
}
