// A small logging port so services never write to the console directly; tests pass a silent one.
export interface Logger {
  info(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
}

// Everything goes to stderr: stdout of the browser host is reserved for its URL line.
export const consoleLogger: Logger = {
  info: (message, ...details) => console.error(`[stint] ${message}`, ...details),
  warn: (message, ...details) => console.error(`[stint] warning: ${message}`, ...details),
  error: (message, ...details) => console.error(`[stint] error: ${message}`, ...details),
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
