import { expect, it } from 'vitest'
import { decisionNotice } from './decision-notice'

it('tells the person what was decided, by whom, and for a rejection why', () => {
  const base = { start: '2026-11-16', end: '2026-11-22', by: 'Abe Approver' }
  expect(decisionNotice({ ...base, status: 'rejected', reason: 'Friday is missing the site visit' })).toEqual({
    title: 'Timesheet 16–22 Nov 2026 was sent back',
    body: 'Rejected by Abe Approver: Friday is missing the site visit. Fix it and submit again.',
  })
  expect(decisionNotice({ ...base, status: 'approved', reason: null }).title).toBe('Timesheet 16–22 Nov 2026 is approved')
  expect(decisionNotice({ ...base, status: 'open', reason: 'Voided: wrong customer', by: null }).body).toBe('Reopened: Voided: wrong customer. You can change it again.')
})
