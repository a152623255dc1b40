// Three test projects, by runtime: Node for shared, main and the team server (real SQLite
// files, throwaway PostgreSQL clusters, real child processes), happy-dom for the React
// renderer and for the browser extension.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/shared/**/*.test.ts', 'src/documents/**/*.test.ts', 'src/main/**/*.test.ts', 'src/server/**/*.test.ts', 'src/preload/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/lint/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src/renderer/**/*.test.ts', 'src/renderer/**/*.test.tsx'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'extension',
          environment: 'happy-dom',
          include: ['src/extension/**/*.test.ts'],
        },
      },
    ],
  },
})
