// Entry of the Electron main process. Everything Electron-specific lives in ./electron.
import { startStint } from './electron/main-process'

void startStint()
