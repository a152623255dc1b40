import type { StintBridge } from '@shared/bridge'

declare global {
  interface Window {
    /** Present in the Electron app (from the preload); absent in the browser host. */
    stint?: StintBridge
  }
}
