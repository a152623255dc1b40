// For the tests only: a second, deliberately plain way to bill a month, to check the billing
// run against. It walks every minute of every timer run (the tests' runs start and end on
// whole minutes): who else of that person was billing in that minute decides the overlap
// rule's share, and the minute's local clock (read with Intl, not the run's own splitting)
// decides its rate class. No sweep, no spans, no shared helpers from src/shared/billing.
export interface PlainEntry {
  id: string
  person: string
  day: string
  zone: string
  customer: string | null
  contract: string | null
  activity: string | null
  billable: boolean
  status: string
  seconds: number
  /** `marked`: the run was the primary timer's; under `primary` a marked run bills a shared minute before the earliest start does. */
  runs: { startedAt: number; endedAt: number; marked?: boolean }[]
}

export interface PlainRules {
  overlap: 'full' | 'split' | 'primary'
  /** Up/nearest to a step of minutes, then at least the minimum (for anything worked). */
  rounding: { mode: 'up' | 'nearest' | 'none'; step: number; minimum: number }
  contracts: Record<string, { includedSeconds: number; overlap?: PlainRules['overlap']; rounding?: PlainRules['rounding'] }>
  workdays: number[]
  workStart: number
  workEnd: number
  holidays: string[]
  /** Hourly minor units: activity own rates, per customer and per contract (activity or '*'). */
  activity: Record<string, number>
  customer: Record<string, Record<string, number>>
  contract: Record<string, Record<string, number>>
  /** Basis points per class, or an own hourly rate. */
  classes: { afterHours?: { bp: number } | { own: number }; weekend?: { bp: number } | { own: number }; holiday?: { bp: number } | { own: number } }
}

const CLASSES = ['normal', 'afterHours', 'weekend', 'holiday'] as const
type Class = (typeof CLASSES)[number]
const MINUTE = 60_000

function localOf(instant: number, zone: string): { day: string; weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' }).formatToParts(new Date(instant))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'))
  return { day: `${get('year')}-${get('month')}-${get('day')}`, weekday, minute: Number(get('hour')) * 60 + Number(get('minute')) }
}

function classOf(instant: number, zone: string, rules: PlainRules): Class {
  const local = localOf(instant, zone)
  if (rules.holidays.includes(local.day)) return 'holiday'
  if (!rules.workdays.includes(local.weekday)) return 'weekend'
  return local.minute < rules.workStart || local.minute >= rules.workEnd ? 'afterHours' : 'normal'
}

function round(seconds: number, r: PlainRules['rounding']): number {
  const step = r.step * 60
  let out = seconds
  if (r.mode === 'up') out = Math.ceil(seconds / step) * step
  if (r.mode === 'nearest') out = Math.floor((seconds + step / 2) / step) * step
  return seconds > 0 ? Math.max(out, r.minimum * 60) : 0
}

/** Largest remainder, written out: floor each share, then one each to the largest remainders, ties in class order. */
function share(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => ({ floor: Math.floor((total * w) / sum), rest: (total * w) % sum }))
  let left = total - exact.reduce((a, e) => a + e.floor, 0)
  const order = exact.map((_, i) => i).sort((a, b) => (exact[b]?.rest ?? 0) - (exact[a]?.rest ?? 0) || a - b)
  for (const i of order) if (left-- > 0) (exact[i] as { floor: number }).floor += 1
  return exact.map((e) => e.floor)
}

export interface PlainBill {
  leftOut: Record<string, string>
  billed: Record<string, { billed: number; included: number }>
  totals: Record<string, number>
  /** Seconds charged per class over everything, to see the month covers each. */
  classSeconds: Record<Class, number>
  overlappedEntries: number
  minimumCharged: number
}

export function plainBill(entries: PlainEntry[], rules: PlainRules): PlainBill {
  const leftOut: Record<string, string> = {}
  const kept = entries.filter((e) => {
    const reason = e.status === 'voided' ? 'voided' : e.status !== 'approved' ? 'notApproved' : !e.billable ? 'notBillable' : e.customer === null ? 'noCustomer' : null
    if (reason) leftOut[e.id] = reason
    return reason === null
  })
  const overlapOf = (e: PlainEntry) => (e.contract ? rules.contracts[e.contract]?.overlap : undefined) ?? rules.overlap
  const roundingOf = (e: PlainEntry) => (e.contract ? rules.contracts[e.contract]?.rounding : undefined) ?? rules.rounding

  // Billable milliseconds, minute by minute.
  const billableMs = new Map<string, number>()
  let overlappedEntries = 0
  for (const e of kept) {
    if (e.runs.length === 0) {
      billableMs.set(e.id, e.seconds * 1000)
      continue
    }
    let ms = 0
    let overlapped = false
    for (const run of e.runs) {
      for (let t = run.startedAt; t < run.endedAt; t += MINUTE) {
        const active = kept.flatMap((o) => (o.person === e.person ? o.runs.filter((r) => r.startedAt <= t && t < r.endedAt) : []))
        if (active.length > 1) overlapped = true
        const rule = overlapOf(e)
        if (rule === 'full') ms += MINUTE
        else if (rule === 'split') ms += MINUTE / active.length
        else {
          const marked = active.filter((r) => r.marked === true)
          const candidates = marked.length > 0 ? marked : active
          if (candidates.includes(run) && Math.min(...candidates.map((r) => r.startedAt)) === run.startedAt) ms += MINUTE
        }
      }
    }
    if (overlapped) overlappedEntries++
    billableMs.set(e.id, ms)
  }

  let minimumCharged = 0
  const billedSeconds = new Map(
    kept.map((e) => {
      const seconds = (billableMs.get(e.id) ?? 0) / 1000
      const rounded = round(seconds, roundingOf(e))
      if (seconds > 0 && rounded === roundingOf(e).minimum * 60 && rounded > seconds) minimumCharged++
      return [e.id, rounded]
    }),
  )

  const firstStart = (e: PlainEntry) => (e.runs.length === 0 ? Infinity : Math.min(...e.runs.map((r) => r.startedAt)))
  const inOrder = [...kept].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) || firstStart(a) - firstStart(b) || (a.id < b.id ? -1 : 1))
  const allowance = Object.fromEntries(Object.entries(rules.contracts).map(([id, c]) => [id, c.includedSeconds]))
  const billed: PlainBill['billed'] = {}
  const totals: Record<string, number> = {}
  const lines = new Map<string, { customer: string; seconds: number; hourly: number; bp: number }>()
  const classSeconds: Record<Class, number> = { normal: 0, afterHours: 0, weekend: 0, holiday: 0 }
  for (const e of inOrder) {
    const b = billedSeconds.get(e.id) ?? 0
    const included = e.contract ? Math.min(allowance[e.contract] ?? 0, b) : 0
    if (e.contract) allowance[e.contract] = (allowance[e.contract] ?? 0) - included
    const charged = b - included
    const act = e.activity ?? ''
    const fromContract = e.contract ? (rules.contract[e.contract]?.[act] ?? rules.contract[e.contract]?.['*']) : undefined
    const fromCustomer = e.customer ? (rules.customer[e.customer]?.[act] ?? rules.customer[e.customer]?.['*']) : undefined
    const base = fromContract ?? fromCustomer ?? rules.activity[act]
    const source = fromContract !== undefined ? 'contract' : fromCustomer !== undefined ? 'customer' : 'activity'
    if (charged > 0 && base === undefined) {
      leftOut[e.id] = 'noRate'
      continue
    }
    billed[e.id] = { billed: b, included }
    if (charged <= 0 || base === undefined) continue
    const perClass: Record<Class, number> = { normal: 0, afterHours: 0, weekend: 0, holiday: 0 }
    for (const run of e.runs) for (let t = run.startedAt; t < run.endedAt; t += MINUTE) perClass[classOf(t, e.zone, rules)] += 1
    const weights = e.runs.length === 0 ? [1, 0, 0, 0] : CLASSES.map((c) => perClass[c])
    share(charged, weights).forEach((seconds, i) => {
      const c = CLASSES[i] as Class
      if (seconds === 0) return
      classSeconds[c] += seconds
      const special = c === 'normal' ? undefined : rules.classes[c]
      const [hourly, bp] = special && 'own' in special ? [special.own, 10_000] : [base, special ? special.bp : 10_000]
      const key = [e.customer, e.contract, c, hourly, bp, source].join('|')
      const line = lines.get(key) ?? { customer: e.customer ?? '', seconds: 0, hourly, bp }
      line.seconds += seconds
      lines.set(key, line)
    })
  }
  for (const line of lines.values()) {
    // Half away from zero on the exact amount (all positive), in integers.
    const numerator = line.seconds * line.hourly * line.bp
    const denominator = 3600 * 10_000
    const amount = Math.floor((2 * numerator + denominator) / (2 * denominator))
    totals[line.customer] = (totals[line.customer] ?? 0) + amount
  }
  return { leftOut, billed, totals, classSeconds, overlappedEntries, minimumCharged }
}
