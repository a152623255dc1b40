// The server's logging port, so services and routes never write to the console
// directly; tests pass a silent one or a recording one.
export interface Logger {
  info(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
}

// Everything goes to stderr: stdout carries what a command prints for its user (a token, a list).
export const consoleLogger: Logger = {
  info: (message, ...details) => console.error(`[stint-server] ${message}`, ...details),
  warn: (message, ...details) => console.error(`[stint-server] warning: ${message}`, ...details),
  error: (message, ...details) => console.error(`[stint-server] error: ${message}`, ...details),
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
