import { describe, expect, it } from 'vitest'
import { workItemUnderLabel } from './work-under-label'

const PRINTER = { reference: 'TICKET-1234', title: 'Printer on 2nd floor jams' }

describe('the work item under a timer label', () => {
  it('leaves out the reference the label already says', () => {
    expect(workItemUnderLabel('TICKET-1234', PRINTER)).toBe('Printer on 2nd floor jams')
    expect(workItemUnderLabel(' ticket-1234 ', PRINTER)).toBe('Printer on 2nd floor jams')
  })

  it('leaves out the title the label already says', () => {
    expect(workItemUnderLabel('Printer on 2nd floor jams', PRINTER)).toBe('TICKET-1234')
    expect(workItemUnderLabel('Team meeting', { reference: null, title: 'Team meeting' })).toBe('')
  })

  it('shows the whole work item under a label of its own', () => {
    expect(workItemUnderLabel('Timer 4', PRINTER)).toBe('TICKET-1234 · Printer on 2nd floor jams')
  })
})
