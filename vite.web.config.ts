// Build of the browser host: a plain Node program that serves out/renderer and the
// same handler map as the Electron main process. better-sqlite3 (a native module),
// exceljs (CommonJS with its own zip and XML dependencies) and pdfkit (it loads its standard
// fonts' metrics and its colour profile from its own package folder at run time) stay
// external; everything else is bundled so `npm run web` needs no TypeScript tooling.
import { resolve } from 'node:path'
import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  build: {
    ssr: true,
    outDir: 'out/web',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: {
      input: { host: resolve(import.meta.dirname, 'src/main/web/cli.ts') },
      external: ['better-sqlite3', 'exceljs', 'pdfkit', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'esm', entryFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: true, external: ['better-sqlite3', 'exceljs', 'pdfkit'] },
})
