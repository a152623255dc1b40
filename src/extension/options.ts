// The options page: whether Stint can be reached, the cloud systems (their content scripts
// come with the manifest), and the self-hosted systems the user adds by address. Adding
// one asks the browser for that origin only (an optional host permission) and registers
// the content script there; removing it gives both back. Starting on open and stopping on
// close are off until the user turns them on, per system; each system says whether "closed"
// is also asked of the ticket system or seen on its page only.
import { canAskSystem } from './adapters/status'
import { SYSTEM_KINDS, type SystemKind } from './adapters/types'
import { translatorFor, type ExtensionMessageId } from './i18n'
import { CLOUD_KINDS, originOf, readSettings, scriptIdOf, SYSTEM_NAMES, type ExtensionSettings, type SystemChoice } from './settings'

const t = translatorFor(navigator.language)
const main = document.getElementById('options') as HTMLElement
document.documentElement.lang = navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en'

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = Object.assign(document.createElement(tag), props)
  element.append(...children)
  return element
}

async function load(): Promise<ExtensionSettings> {
  return readSettings(await chrome.storage.local.get(['selfHosted', 'cloud']))
}

/** Saves one choice on what is stored now (not on what this page read earlier), so quick changes in a row all count. */
let saving = Promise.resolve()
function saveChoice(change: (settings: ExtensionSettings) => ExtensionSettings): void {
  saving = saving.then(async () => {
    const next = change(await load())
    await chrome.storage.local.set({ selfHosted: next.selfHosted, cloud: next.cloud })
  })
}

let hints = 0
function choices(kind: SystemKind, legend: string, choice: SystemChoice, save: (key: keyof SystemChoice, on: boolean) => void, extra?: Node): HTMLFieldSetElement {
  const box = (key: keyof SystemChoice, id: ExtensionMessageId, hint?: HTMLElement) => {
    const input = el('input', { type: 'checkbox', checked: choice[key] })
    if (hint) input.setAttribute('aria-describedby', hint.id)
    input.addEventListener('change', () => save(key, input.checked))
    return el('label', {}, input, ' ', t(id))
  }
  // Whether "closed" is also asked of the ticket system (closed-watch.ts), or seen on the page only.
  const hint = el('p', { className: 'hint', id: `stop-hint-${++hints}`, textContent: t(canAskSystem(kind) ? 'extension.options.autoStopAsks' : 'extension.options.autoStopPageOnly', { system: SYSTEM_NAMES[kind] }) })
  return el('fieldset', {}, el('legend', {}, legend), box('autoStart', 'extension.options.autoStart'), box('autoStop', 'extension.options.autoStop', hint), hint, ...(extra ? [extra] : []))
}

/** Cloud systems the service worker may ask about a ticket (the manifest's content-script hosts; asked for when "stop when closed" is turned on). */
const CLOUD_ORIGINS: Partial<Record<SystemKind, string>> = { jira: 'https://*.atlassian.net/*', zammad: 'https://*.zammad.com/*' }

async function render(note?: { text: string; problem: boolean }): Promise<void> {
  const settings = await load()
  const status = el('p', { className: 'status' }, '…')
  const cloud = CLOUD_KINDS.map((kind) =>
    choices(kind, SYSTEM_NAMES[kind], settings.cloud[kind] ?? { autoStart: false, autoStop: false }, (key, on) => {
      const origin = CLOUD_ORIGINS[kind]
      // Asked during the click: the browser shows its own question for these hosts.
      if (key === 'autoStop' && on && origin !== undefined)
        void chrome.permissions.request({ origins: [origin] }).then(
          (allowed) => (allowed ? undefined : render({ text: t('extension.options.askNotAllowed', { system: SYSTEM_NAMES[kind] }), problem: true })),
          () => undefined,
        )
      saveChoice((now) => ({ ...now, cloud: { ...now.cloud, [kind]: { ...(now.cloud[kind] ?? { autoStart: false, autoStop: false }), [key]: on } } }))
    }),
  )
  const own = settings.selfHosted.map((system) => {
    const remove = el('button', { type: 'button', textContent: t('extension.options.remove') })
    remove.setAttribute('aria-label', t('extension.options.removeLabel', { address: system.origin }))
    remove.addEventListener('click', () => void removeSystem(system.origin))
    const save = (key: keyof SystemChoice, on: boolean) => saveChoice((now) => ({ ...now, selfHosted: now.selfHosted.map((s) => (s.origin === system.origin ? { ...s, [key]: on } : s)) }))
    return choices(system.kind, `${SYSTEM_NAMES[system.kind]}: ${system.origin}`, system, save, remove)
  })
  const kind = el('select', { id: 'new-kind' }, ...SYSTEM_KINDS.map((k) => el('option', { value: k, textContent: SYSTEM_NAMES[k] })))
  const address = el('input', { id: 'new-address', type: 'url', placeholder: 'https://redmine.example.com', required: true })
  const message = el('p', { className: note?.problem ? 'message problem' : 'message', textContent: note?.text ?? '' })
  message.setAttribute('role', 'status')
  const form = el(
    'form',
    { className: 'add' },
    el('label', { htmlFor: 'new-kind' }, t('extension.options.system'), el('br'), kind),
    el('label', { htmlFor: 'new-address' }, t('extension.options.address'), el('br'), address),
    el('button', { type: 'submit', textContent: t('extension.options.add') }),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void addSystem(kind.value as SystemKind, address.value)
  })
  main.replaceChildren(
    el('h1', {}, t('extension.options.title')),
    el('p', {}, t('extension.options.intro')),
    status,
    el('h2', {}, t('extension.options.cloud')),
    ...cloud,
    el('h2', {}, t('extension.options.selfHosted')),
    ...(own.length > 0 ? own : [el('p', {}, t('extension.options.none'))]),
    form,
    message,
  )
  const answer = (await chrome.runtime.sendMessage({ type: 'channel' }).catch(() => null)) as { connected?: boolean } | null
  status.textContent = t(answer?.connected ? 'extension.options.channelOk' : 'extension.options.channelMissing')
}

async function addSystem(kind: SystemKind, typed: string): Promise<void> {
  const origin = originOf(typed)
  if (origin === null) return render({ text: t('extension.options.badAddress'), problem: true })
  // Asked during the click: the browser shows its own question for this one origin.
  const allowed = await chrome.permissions.request({ origins: [`${origin}/*`] }).catch(() => false)
  if (!allowed) return render({ text: t('extension.options.notAllowed', { address: origin }), problem: true })
  const id = scriptIdOf(origin)
  await chrome.scripting.unregisterContentScripts({ ids: [id] }).catch(() => undefined)
  await chrome.scripting.registerContentScripts([{ id, matches: [`${origin}/*`], js: ['content.js'], runAt: 'document_idle', persistAcrossSessions: true }])
  await saving
  const settings = await load()
  const selfHosted = [...settings.selfHosted.filter((s) => s.origin !== origin), { origin, kind, autoStart: false, autoStop: false }]
  await chrome.storage.local.set({ selfHosted, cloud: settings.cloud })
  return render({ text: t('extension.options.added', { address: origin }), problem: false })
}

async function removeSystem(origin: string): Promise<void> {
  await saving
  const settings = await load()
  await chrome.scripting.unregisterContentScripts({ ids: [scriptIdOf(origin)] }).catch(() => undefined)
  await chrome.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false)
  await chrome.storage.local.set({ selfHosted: settings.selfHosted.filter((s) => s.origin !== origin), cloud: settings.cloud })
  return render()
}

void render()
