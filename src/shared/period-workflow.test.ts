import { describe, expect, it } from 'vitest'
import { nextPeriodState, type Actor, type ApprovalPattern, type PeriodAction, type PeriodState } from './period-workflow'

const owner: Actor = { isOwner: true, approverLevels: [], isAdmin: false }
const first: Actor = { isOwner: false, approverLevels: [1], isAdmin: false }
const second: Actor = { isOwner: false, approverLevels: [2], isAdmin: false }
const admin: Actor = { isOwner: false, approverLevels: [], isAdmin: true }
const stranger: Actor = { isOwner: false, approverLevels: [], isAdmin: false }
const bothLevels: Actor = { isOwner: false, approverLevels: [1, 2], isAdmin: false }
const level1Approver: Actor = { ...bothLevels, approvedLevel1: true }
const selfApprover: Actor = { isOwner: true, approverLevels: [1, 2], isAdmin: true }

const open: PeriodState = { status: 'open', level: null }
const atLevel1: PeriodState = { status: 'submitted', level: 1 }
const atLevel2: PeriodState = { status: 'submitted', level: 2 }
const approved: PeriodState = { status: 'approved', level: null }
const rejected: PeriodState = { status: 'rejected', level: null }

const submit: PeriodAction = { kind: 'submit' }
const approve: PeriodAction = { kind: 'approve' }
const reject: PeriodAction = { kind: 'reject', reason: '  Tuesday is missing the site visit  ' }

type Row = [string, PeriodState, PeriodAction, ApprovalPattern, Actor, PeriodState | RegExp]
const table: Row[] = [
  ['submit, pattern none: approved at once', open, submit, 'none', owner, approved],
  ['submit, one level', open, submit, 'one', owner, atLevel1],
  ['submit, two levels', open, submit, 'two', owner, atLevel1],
  ['resubmit after a rejection', rejected, submit, 'two', owner, atLevel1],
  ['submit twice', atLevel1, submit, 'one', owner, /already submitted/],
  ['submit an approved period', approved, submit, 'one', owner, /already approved/],
  ['submit someone else’s period', open, submit, 'one', admin, /Only the person whose time it is/],
  ['withdraw before any decision', atLevel1, { kind: 'withdraw' }, 'two', owner, open],
  ['withdraw after level 1 approved', atLevel2, { kind: 'withdraw' }, 'two', owner, /can no longer be withdrawn/],
  ['withdraw an open period', open, { kind: 'withdraw' }, 'one', owner, /Only a submitted period can be withdrawn; this one is open/],
  ['withdraw someone else’s', atLevel1, { kind: 'withdraw' }, 'one', first, /Only the person who submitted/],
  ['approve, one level', atLevel1, approve, 'one', first, approved],
  ['approve level 1 of two', atLevel1, approve, 'two', first, atLevel2],
  ['approve level 2 of two', atLevel2, approve, 'two', second, approved],
  ['level 2 cannot act first', atLevel1, approve, 'two', second, /waits for a level 1 approver/],
  ['level 1 cannot act at level 2', atLevel2, approve, 'two', first, /waits for a level 2 approver/],
  ['a stranger cannot approve', atLevel1, approve, 'one', stranger, /you are not one/],
  ['an admin is not an approver by role alone', atLevel1, approve, 'one', admin, /you are not one/],
  ['one person approves a period at level 1 …', atLevel1, approve, 'two', bothLevels, atLevel2],
  ['… and may not approve it again at level 2', atLevel2, approve, 'two', level1Approver, /You approved this period at level 1; nobody approves the same period at two levels/],
  ['another level 2 approver may', atLevel2, approve, 'two', bothLevels, approved],
  ['the level 1 approver may still send it back at level 2', atLevel2, reject, 'two', level1Approver, rejected],
  ['nobody approves their own time', atLevel1, approve, 'one', selfApprover, /Nobody approves or rejects their own time/],
  ['approve an open period', open, approve, 'one', first, /Only a submitted period can be approved; this one is open/],
  ['reject at level 1', atLevel1, reject, 'two', first, rejected],
  ['reject at level 2', atLevel2, reject, 'two', second, rejected],
  ['reject without a reason', atLevel1, { kind: 'reject', reason: '   ' }, 'one', first, /A reason is required/],
  ['reject with an absurd reason', atLevel1, { kind: 'reject', reason: 'x'.repeat(1001) }, 'one', first, /at most 1000 characters \(this one has 1001\)/],
  ['reopen approved, admin', approved, { kind: 'reopen', reason: 'Wrong customer on Friday' }, 'one', admin, open],
  ['reopen submitted, admin', atLevel2, { kind: 'reopen', reason: 'Payroll closes early' }, 'two', admin, open],
  ['reopen without a reason', approved, { kind: 'reopen', reason: '' }, 'one', admin, /A reason is required/],
  ['reopen, not an admin', approved, { kind: 'reopen', reason: 'please' }, 'one', first, /Only an administrator/],
  ['reopen an open period', open, { kind: 'reopen', reason: 'why' }, 'one', admin, /this one is open/],
]

describe('nextPeriodState', () => {
  it.each(table)('%s', (_name, state, action, pattern, actor, expected) => {
    const result = nextPeriodState(state, action, pattern, actor)
    if (expected instanceof RegExp) {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toMatch(expected)
    } else {
      expect(result).toMatchObject({ ok: true, to: expected })
    }
  })

  it('keeps the reason of a rejection, trimmed, and none for an approval', () => {
    expect(nextPeriodState(atLevel1, reject, 'one', first)).toEqual({ ok: true, to: rejected, reason: 'Tuesday is missing the site visit' })
    expect(nextPeriodState(atLevel1, approve, 'one', first)).toEqual({ ok: true, to: approved, reason: null })
  })
})
