// Renderer entry: talks to window.stint in Electron, or to the browser host over HTTP.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from '@shared/bridge'
import { App } from './App'
import { createHttpBridge } from './http-bridge'
import './styles.css'

const bridge = window.stint ?? createHttpBridge(window.location.origin)
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App client={createClient(bridge)} />
  </StrictMode>,
)
