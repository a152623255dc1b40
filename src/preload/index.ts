// Preload of the sandboxed renderer: bundled into one CommonJS file (see electron.vite.config.ts).
import { contextBridge, ipcRenderer } from 'electron'
import { exposeStint } from './expose'

exposeStint(contextBridge, ipcRenderer)
