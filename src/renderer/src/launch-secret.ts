// The browser host's per-launch secret, as the page keeps it. It arrives once in the
// address (?token=…), is moved into this tab's sessionStorage (scoped to this origin, so
// to this port: no other service on 127.0.0.1 can read it, unlike a cookie) and leaves
// the address bar at once. A reload finds it there again.
const KEY = 'stint.launchSecret'

type Place = Pick<Location, 'href'>
type PageHistory = Pick<History, 'replaceState' | 'state'>

export function takeLaunchSecret(location: Place, history: PageHistory, storage: Pick<Storage, 'getItem' | 'setItem'>): string | null {
  const url = new URL(location.href)
  const fromAddress = url.searchParams.get('token')
  if (fromAddress === null) return storage.getItem(KEY)
  storage.setItem(KEY, fromAddress)
  url.searchParams.delete('token')
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`)
  return fromAddress
}
