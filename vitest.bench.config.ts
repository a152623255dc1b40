// `npm run bench`: benchmarks as plain vitest files that print their measurements.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: { include: ['bench/**/*.bench.ts'], environment: 'node', fileParallelism: false, silent: false },
})
