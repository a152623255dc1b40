// Renderer entry: talks to window.stint in Electron, or to the browser host over HTTP.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from '@shared/bridge'
// The base styles load before any component's, so a feature's stylesheet wins its ties with them.
import './theme.css'
import './layout.css'
import './styles.css'
import { App } from './App'
import { createHttpBridge } from './http-bridge'
import { takeLaunchSecret } from './launch-secret'

const bridge = window.stint ?? createHttpBridge(window.location.origin, takeLaunchSecret(window.location, window.history, window.sessionStorage))
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App client={createClient(bridge)} />
  </StrictMode>,
)
