// Ids of synced rows: UUIDv7 made on the device (time-ordered, no coordination needed).
import { v7 } from 'uuid'

export function newId(): string {
  return v7()
}
