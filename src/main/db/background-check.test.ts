import { describe, expect, it } from 'vitest'
import { ManualScheduler } from '../timers/scheduler'
import { FILE_CHECK_DELAY_MS, scheduleLaterCheck } from './background-check'

describe('the later read of the database file', () => {
  it('waits until start-up is over, then says in words that the file is damaged and what to do', async () => {
    let now = 0
    const scheduler = new ManualScheduler(() => now)
    const said: string[] = []
    let checks = 0
    const later = scheduleLaterCheck({
      file: '/data/stint.sqlite',
      check: () => {
        checks++
        return Promise.resolve(['Tree 7 page 12 cell 3: invalid page number 9999'])
      },
      scheduler,
      report: (message) => said.push(message),
      onError: (error) => {
        throw error
      },
    })
    expect(checks).toBe(0) // nothing on the start path
    now = FILE_CHECK_DELAY_MS
    scheduler.runDue()
    await later.stop()
    expect(checks).toBe(1)
    expect(said).toEqual([
      'The Stint database /data/stint.sqlite is damaged (Tree 7 page 12 cell 3: invalid page number 9999). What you add now may not be kept: quit Stint, keep a copy of the file for recovery, and restore a backup.',
    ])
  })

  it('a close before then cancels it', async () => {
    const scheduler = new ManualScheduler(() => 0)
    const later = scheduleLaterCheck({ file: 'f', check: () => Promise.reject(new Error('must not run')), scheduler, report: () => undefined, onError: () => undefined })
    await later.stop()
    expect(scheduler.size).toBe(0)
  })
})
