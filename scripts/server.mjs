// `npm run server [-- COMMAND OPTIONS]`: build if needed, then run the team server's CLI
// (serve by default; init, user, team, period-rule, token). See README, "Team server".
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'

buildIfNeeded()
await import(pathToFileURL(join(import.meta.dirname, '..', 'out', 'server', 'server.js')).href)
