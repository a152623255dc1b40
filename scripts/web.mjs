// `npm run web [-- --port N --data-dir PATH]`: build if needed, then run the browser host.
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'

buildIfNeeded()
await import(pathToFileURL(join(import.meta.dirname, '..', 'out', 'web', 'host.js')).href)
