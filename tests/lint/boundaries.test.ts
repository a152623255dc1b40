// The process boundaries are enforced by lint, not by good intentions: this runs the
// project's real ESLint config on code that crosses them and expects it refused.
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const eslint = new ESLint({ cwd: root })

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('process boundaries', () => {
  it("refuses 'electron' outside src/main/electron", async () => {
    expect(await ruleIds('src/main/timers/timer-engine.ts', "import { app } from 'electron'\nexport const name = app.name\n")).toContain('no-restricted-imports')
    expect(await ruleIds('src/renderer/src/App.tsx', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n")).toContain('no-restricted-imports')
  })

  it("allows 'electron' in src/main/electron", async () => {
    expect(await ruleIds('src/main/electron/tray.ts', "import { app } from 'electron'\nexport const name = app.name\n")).not.toContain('no-restricted-imports')
  })

  it('refuses Node built-ins and DOM globals in src/shared', async () => {
    expect(await ruleIds('src/shared/timers.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n")).toContain('no-restricted-imports')
    expect(await ruleIds('src/shared/timers.ts', "import { join } from 'path'\nexport const x = join\n")).toContain('no-restricted-imports')
    expect(await ruleIds('src/shared/timers.ts', 'export const title = (): string => document.title\n')).toContain('no-restricted-globals')
    expect(await ruleIds('src/shared/timers.ts', 'export const home = (): string | undefined => process.env["HOME"]\n')).toContain('no-restricted-globals')
  })
}, 60_000)
