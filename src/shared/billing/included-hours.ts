// A contract's included hours for a billing run's range, the one rule the desktop and the
// team server both bill by. Contracts include minutes per calendar month (as contract usage
// reads them): a whole month gets them all, a part of a month its share by days.
import { addDays } from '../periods'

const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()

/**
 * A contract's included hours for `from`..`to`: its included minutes are per calendar
 * month (as contract usage reads them), so a whole month gets them all and a part of a
 * month its share by days, in whole seconds rounded down.
 */
export function includedSecondsFor(includedMinutes: number | null, from: string, to: string): number {
  if (includedMinutes === null || includedMinutes <= 0) return 0
  let total = 0
  let day = from
  while (day <= to) {
    const month = day.slice(0, 7)
    const monthEnd = `${month}-${String(daysIn(month)).padStart(2, '0')}`
    const last = monthEnd < to ? monthEnd : to
    const days = Number(last.slice(8, 10)) - Number(day.slice(8, 10)) + 1
    total += Math.floor((includedMinutes * 60 * days) / daysIn(month))
    day = addDays(last, 1)
  }
  return total
}
