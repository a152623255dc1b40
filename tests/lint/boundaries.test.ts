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

  it('keeps src/documents below the app and the team server, and the team server off src/main', async () => {
    expect(await ruleIds('src/documents/billing-run-file.ts', "import { createCore } from '../main/core'\nexport const x = createCore\n")).toContain('no-restricted-imports')
    expect(await ruleIds('src/documents/billing-run-file.ts', "import { readRun } from '../server/billing/billing-service'\nexport const x = readRun\n")).toContain('no-restricted-imports')
    expect(await ruleIds('src/documents/billing-run-file.ts', "import { app } from 'electron'\nexport const x = app\n")).toContain('no-restricted-imports')
    expect(await ruleIds('src/server/http/routes/billing.ts', "import { exportXlsx } from '../../../main/reports/xlsx-export'\nexport const x = exportXlsx\n")).toContain('no-restricted-imports')
    expect(await ruleIds('src/server/http/routes/billing.ts', "import { xlsxStream } from '../../../documents/xlsx-writer'\nexport const x = xlsxStream\n")).not.toContain('no-restricted-imports')
    expect(await ruleIds('src/main/billing/billing-export.ts', "import { billingRunFile } from '../../documents/billing-run-file'\nexport const x = billingRunFile\n")).not.toContain('no-restricted-imports')
  })
}, 60_000)
