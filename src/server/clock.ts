// The server's clock port: milliseconds since the epoch, UTC. Services and routes read
// time only through it, so tests run on a clock that moves when they say.
export type Clock = () => number
