// `npm run web`: runs Stint's real services and UI in a browser. The first line
// printed is the URL to open (it carries this launch's secret token).
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../../package.json'
import { offsetClock, systemClock } from '../clock'
import { createCore } from '../core'
import { FileLog } from '../log/file-log'
import { consoleLogger } from '../logger'
import { JsonFileSettingsStore } from '../settings/settings-store'
import { startFailureMessage } from '../start-failure'
import { browsersToInstall, installNativeHosts, openExtensionChannel } from '../extension/channel'
import { installNativeHost } from '../extension/install-native-host'
import { defaultWebDataDir } from './data-dir'
import { WebDownloads } from './downloads'
import { listenForWebHost, startWebHost } from './server'

const USAGE = `Usage: npm run web -- [--port N] [--data-dir PATH] [--install-native-host BROWSERS]
  --port      port on 127.0.0.1 (default: any free port)
  --data-dir  folder of the SQLite database (default: ${defaultWebDataDir()})
  --install-native-host  chromium, chrome and/or firefox (comma-separated): lets the
              browser extension reach this data folder's Stint
  --native-host-manifest-dir  where the host manifest goes instead of the browser's folder`

/** What was wrong with the port, in words. */
function portProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE') return 'another program is using that port; choose another with --port, or leave --port out for any free one.'
  if (code === 'EACCES') return 'this user may not use that port; choose one above 1023.'
  return `${(error as Error).message}.`
}

async function main(): Promise<void> {
  let values: { port?: string | undefined; 'data-dir'?: string | undefined; 'install-native-host'?: string | undefined; 'native-host-manifest-dir'?: string | undefined; help?: boolean | undefined }
  try {
    values = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'install-native-host': { type: 'string' },
        'native-host-manifest-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    process.exit(2)
  }
  if (values.help) {
    console.log(USAGE)
    return
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${values.port}".\n${USAGE}`)
    process.exit(2)
  }
  const dataDir = resolve(values['data-dir'] ?? defaultWebDataDir())
  const browsers = values['install-native-host'] === undefined ? { ok: true as const, browsers: [] } : browsersToInstall(values['install-native-host'])
  if (!browsers.ok) {
    console.error(`${browsers.problem}\n${USAGE}`)
    process.exit(2)
  }
  // The port first: a port that is taken fails here, before the data folder is made or opened.
  let listening
  try {
    listening = await listenForWebHost(port)
  } catch (error) {
    console.error(`Stint could not listen on 127.0.0.1:${port}: ${portProblem(error)} Nothing was started and the data folder was not touched.`)
    process.exit(1)
  }
  // For crash tests only: pretend the restart happened this much later.
  const offset = Number(process.env['STINT_TEST_CLOCK_OFFSET_MS'] ?? 0)
  const clock = Number.isFinite(offset) && offset !== 0 ? offsetClock(offset) : systemClock

  const downloads = new WebDownloads({ now: () => clock.now() })
  const token = randomBytes(32).toString('base64url')
  // Every line goes to stderr and to stint.log in the data folder, with this launch's secret hidden.
  const logger = new FileLog({ dataDir, also: consoleLogger, secrets: [token] })
  logger.info(`Stint ${version} (browser host) is starting with data in ${dataDir}`)
  let core
  try {
    // The store says itself when it set a damaged settings file aside.
    const settings = new JsonFileSettingsStore(dataDir, logger)
    const nativeHostCommand = [process.execPath, resolve(import.meta.dirname, '../native-host/host.js')]
    core = await createCore({ dataDir, clock, logger, settings, host: 'web', version, exportDestination: downloads, setUpBrowser: (browser) => installNativeHost({ browser, dataDir, command: nativeHostCommand }) })
  } catch (error) {
    logger.error('Stint could not start', error)
    console.error(startFailureMessage(error))
    process.exit(1)
  }
  const rendererDir = resolve(import.meta.dirname, '../renderer')
  const host = await startWebHost({ core, rendererDir, token, logger, listening, downloads })
  // The browser host has no dialogs: a short run stopped from a ticket page is kept, and what was booked goes to the log.
  const channel = await openExtensionChannel({ core, dataDir, logger, feedback: { confirmKeepShort: () => Promise.resolve(true), notify: (title, body) => logger.info(`${title}: ${body}`) } })
  if (browsers.browsers.length > 0) {
    const manifestDir = values['native-host-manifest-dir']
    await installNativeHosts(browsers.browsers, {
      dataDir,
      command: [process.execPath, resolve(import.meta.dirname, '../native-host/host.js')],
      logger,
      ...(manifestDir === undefined ? {} : { manifestDir: resolve(manifestDir) }),
    })
  }
  // stdout carries the URL alone, first, so scripts can read it; a terminal shows it set apart under the start-up lines.
  console.log(`${host.url}?token=${token}`)
  console.error(`\n  Stint is ready. Open the address above in your browser (it holds this launch's key).\n  Data in ${dataDir}. Ctrl+C stops it.\n`)

  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await host.close()
    await channel?.close()
    await core.close()
    logger.info('Stint (browser host) stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

void main()
