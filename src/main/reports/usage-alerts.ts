// Contract usage alerts: after one's time changes (an edit, a booked timer, a sync pull),
// this month's contract usage of one's own time is worked out again, and a contract that
// reached 80 % ('warning') or 100 % ('over') of its included hours is announced once —
// per month, contract and level, remembered in SQLite so a restart stays quiet. A level
// that is left again (time moved away) is forgotten, so reaching it again announces again.
import type { Kysely } from 'kysely'
import type { EventPayload } from '@shared/contract'
import { localDay } from '@shared/days'
import type { ContractUsage, ContractUsageLevel } from '@shared/reports'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { EventHub } from '../events'
import { silentLogger, type Logger } from '../logger'
import type { Scheduler } from '../timers/scheduler'

export type UsageAlert = EventPayload<'contracts.usageAlert'>
type AlertLevel = UsageAlert['level']

/** Quiet time after the last change before usage is worked out: a pasted block or a sync pull is one check. */
export const USAGE_CHECK_DELAY_MS = 1000

export interface UsageAlertsDeps {
  db: Kysely<Database>
  /** One's own contract usage of a month (LocalReports). */
  contractUsage: (month: string) => Promise<ContractUsage>
  events: EventHub
  clock: Clock
  scheduler: Scheduler
  logger?: Logger
  delayMs?: number
}

/** The levels a usage level has reached: 'over' has passed 'warning' too. */
function levelsReached(level: ContractUsageLevel): AlertLevel[] {
  if (level === 'over') return ['warning', 'over']
  if (level === 'warning') return ['warning']
  return []
}

export class UsageAlerts {
  #timer: unknown = null
  #unsubscribe: (() => void) | null = null
  #running: Promise<UsageAlert[]> | null = null
  /** A change came in while a check ran: check once more after it. */
  #again = false
  #stopped = true

  constructor(private readonly deps: UsageAlertsDeps) {}

  /** Listens for changes of time and reference data, and checks once now (time may have come in while the app was closed). */
  start(): void {
    if (!this.#stopped) return
    this.#stopped = false
    this.#unsubscribe = this.deps.events.subscribe((name) => {
      // A sync pull announces both; a contract's included hours are reference data.
      if (name === 'entries.changed' || name === 'work.changed') this.soon()
    })
    // At once rather than after the quiet time: an idle app keeps no wake-up pending.
    void this.#runLogged()
  }

  /** Stops listening and drops a pending check; a running one finishes (see settled). */
  stop(): void {
    this.#stopped = true
    this.#unsubscribe?.()
    this.#unsubscribe = null
    if (this.#timer !== null) this.deps.scheduler.clearTimeout(this.#timer)
    this.#timer = null
  }

  /** Resolves when no check is running. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined)
  }

  /** Checks after the quiet time, counted from the latest call. */
  soon(): void {
    if (this.#stopped) return
    if (this.#timer !== null) this.deps.scheduler.clearTimeout(this.#timer)
    this.#timer = this.deps.scheduler.setTimeout(() => {
      this.#timer = null
      void this.#runLogged()
    }, this.deps.delayMs ?? USAGE_CHECK_DELAY_MS)
  }

  async #runLogged(): Promise<void> {
    if (this.#running) {
      this.#again = true
      return
    }
    try {
      await this.check()
    } catch (error) {
      ;(this.deps.logger ?? silentLogger).warn('contract usage could not be checked; it will be checked again after the next change', error)
    }
    if (this.#again && !this.#stopped) {
      this.#again = false
      this.soon()
    }
  }

  /** Works out this month's usage now and announces what newly reached a level; returns what was announced. */
  check(): Promise<UsageAlert[]> {
    const running = this.#check().finally(() => {
      if (this.#running === running) this.#running = null
    })
    this.#running = running
    return running
  }

  async #check(): Promise<UsageAlert[]> {
    const { db, clock } = this.deps
    const now = clock.now()
    const month = localDay(now, clock.timeZone()).slice(0, 7)
    const usage = await this.deps.contractUsage(month)

    const alerts: UsageAlert[] = []
    await db.transaction().execute(async (trx) => {
      const announced = await trx.selectFrom('usage_alerts').select(['contract_id', 'level']).where('month', '=', month).execute()
      const known = new Set(announced.map((row) => `${row.contract_id}:${row.level}`))
      const reached = new Set<string>()
      for (const contract of usage.contracts) {
        if (contract.includedSeconds === null) continue
        const levels = levelsReached(contract.level)
        for (const level of levels) reached.add(`${contract.contractId}:${level}`)
        const fresh = levels.filter((level) => !known.has(`${contract.contractId}:${level}`))
        if (fresh.length === 0) continue
        await trx
          .insertInto('usage_alerts')
          .values(fresh.map((level) => ({ month, contract_id: contract.contractId, level, announced_at: now })))
          .execute()
        // Passing 80 % and 100 % in one go is one alert: the higher level says it all.
        const level = fresh.includes('over') ? 'over' : 'warning'
        alerts.push({
          month,
          contractId: contract.contractId,
          contractName: contract.contractName,
          customerName: contract.customerName,
          level,
          includedSeconds: contract.includedSeconds,
          billableSeconds: contract.billableSeconds,
        })
      }
      // Levels no longer reached are forgotten, so that reaching them again is news again.
      for (const row of announced) {
        if (!reached.has(`${row.contract_id}:${row.level}`)) {
          await trx.deleteFrom('usage_alerts').where('month', '=', month).where('contract_id', '=', row.contract_id).where('level', '=', row.level).execute()
        }
      }
      // Past months are settled: nothing will be announced for them again.
      await trx.deleteFrom('usage_alerts').where('month', '<', month).execute()
    })
    // Announced only once the record of it is committed.
    for (const alert of alerts) this.deps.events.emit('contracts.usageAlert', alert)
    return alerts
  }
}
