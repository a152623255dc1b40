// Renderer entry: talks to window.stint in Electron, or to the browser host over HTTP.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from '@shared/bridge'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
// The base styles load before any component's, so a feature's stylesheet wins its ties with them.
import './theme.css'
import './layout.css'
import './styles.css'
import { App } from './App'
import { createHttpBridge } from './http-bridge'
import { takeLaunchSecret } from './launch-secret'

const bridge = window.stint ?? createHttpBridge(window.location.origin, takeLaunchSecret(window.location, window.history, window.sessionStorage))
// The window's language as the I18nProvider resolved it: refusals from the host are shown in it.
let reader: Translator = ENGLISH
const setReader = (translator: Translator) => {
  reader = translator
}
const client = createClient(bridge, () => reader)
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App client={client} onTranslator={setReader} />
  </StrictMode>,
)
