// Entry of out/native-host/host.js. The launcher that installNativeHost writes sets
// STINT_EXTENSION_SOCKET to the app's socket for its data folder and runs this with Node
// (or with Electron's own binary as Node). The browser passes the caller's origin as an
// argument; allowed_origins has already checked it.
import { runNativeHost } from './host'

const socketPath = process.env['STINT_EXTENSION_SOCKET']
if (!socketPath) {
  process.stderr.write('stint native host: STINT_EXTENSION_SOCKET is not set; run it through the launcher Stint installs.\n')
  process.exit(2)
}
void runNativeHost({ input: process.stdin, output: process.stdout, socketPath, log: (line) => process.stderr.write(`stint native host: ${line}\n`) }).then(() => process.exit(0))
