// Build of the team server: out/server/server.js (the entry, which checks the Node version
// before loading anything else) and the chunks it imports, ESM, run by plain Node.
// The runtime `dependencies` (fastify, pg, kysely, better-sqlite3, a native module) load
// from node_modules; everything else (zod, uuid, date-fns, src/shared) is bundled.
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const packageJson = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
const runtime = Object.keys(packageJson.dependencies)
const external = [...runtime, ...runtime.map((name) => new RegExp(`^${name}/`)), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  build: {
    ssr: true,
    outDir: 'out/server',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: {
      input: { server: resolve(import.meta.dirname, 'src/server/main.ts') },
      external,
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: true, external: runtime },
})
