// The desktop app packs only the fonts its PDFs embed: electron-builder.yml leaves out the
// other twenty of dejavu-fonts-ttf and its build notes (11 MB), and this proves that what
// it leaves in is exactly the files src/documents/pdf-fonts.ts resolves. A font changed
// there but still excluded here would be missing from the packaged app only, where no
// other test looks. The config is read by electron-builder's loader and node_modules are
// filtered by its own matcher for them.
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs'
import { join } from 'node:path'
import { getConfig } from 'app-builder-lib/out/util/config/config.js'
import * as fileMatcher from 'app-builder-lib/out/fileMatcher.js'
import type { Packager } from 'app-builder-lib'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'

type NodeModuleMatcher = (appDir: string, destination: string, expand: (text: string) => string, platformOptions: object, packager: Packager) => { createFilter(): (file: string, stat: Stats) => boolean }
/** The matcher electron-builder filters node_modules with: internal, so its .d.ts leaves it out. */
const { getNodeModuleFileMatcher } = fileMatcher as unknown as { getNodeModuleFileMatcher: NodeModuleMatcher }

const root = join(import.meta.dirname, '..', '..')
const fonts = join(root, 'node_modules', 'dejavu-fonts-ttf')

describe('the packaged app’s PDF fonts', () => {
  it('keep the two font files the PDFs embed and their licence, and leave out the rest of the package', async () => {
    const config = await getConfig(root, null, null)
    const packager = { config, debugLogger: new DebugLogger(false) } as unknown as Packager
    const packs = getNodeModuleFileMatcher(root, '/app', (text) => text, {}, packager).createFilter()
    const packed = (path: string) => packs(path, statSync(path))
    const embedded = [...readFileSync(join(root, 'src', 'documents', 'pdf-fonts.ts'), 'utf8').matchAll(/'dejavu-fonts-ttf\/ttf\/([^']+)'/g)].map((match) => match[1])
    expect(embedded).toHaveLength(2)
    expect(readdirSync(join(fonts, 'ttf')).filter((name) => packed(join(fonts, 'ttf', name))).sort()).toEqual(embedded.sort())
    expect([packed(join(fonts, 'LICENSE')), packed(join(fonts, 'status.txt')), packed(join(fonts, 'fontconfig'))]).toEqual([true, false, false])
  }, 60_000)
})
