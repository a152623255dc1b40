import { describe, expect, it } from 'vitest'
import { hrefOf, parseHash } from './routes'

describe('Routes from the address', () => {
  it('reads a view and its parameter, and falls back to Timers for anything unknown', () => {
    expect(parseHash('#timesheet')).toEqual({ id: 'timesheet', param: null })
    expect(parseHash('#timesheet/2026-11-16')).toEqual({ id: 'timesheet', param: '2026-11-16' })
    expect(parseHash('#/approvals/01J%2Fx')).toEqual({ id: 'approvals', param: '01J/x' })
    expect(parseHash('#approvals/')).toEqual({ id: 'approvals', param: null })
    expect(parseHash('#attention')).toEqual({ id: 'attention', param: null })
    expect(parseHash('#approvals/%E0%A4%A')).toEqual({ id: 'approvals', param: null })
    expect(parseHash('#nowhere/1')).toEqual({ id: 'timers', param: null })
    expect(parseHash('')).toEqual({ id: 'timers', param: null })
  })

  it('writes the address back the way it is read', () => {
    expect(hrefOf('submissions')).toBe('#submissions')
    expect(hrefOf('approvals', '01J/x')).toBe('#approvals/01J%2Fx')
    expect(parseHash(hrefOf('timesheet', '2026-11-16'))).toEqual({ id: 'timesheet', param: '2026-11-16' })
  })
})
