// Whether this server process is on its way out. Readiness turns false as soon as a
// shutdown begins (SIGTERM, or the app closing), so a load balancer stops sending new
// requests here while the ones in flight finish.
export class ServerLifecycle {
  #stopping = false

  /** Called once a shutdown starts; readiness answers 503 from then on. */
  beginShutdown(): void {
    this.#stopping = true
  }

  get stopping(): boolean {
    return this.#stopping
  }
}
