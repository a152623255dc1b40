import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { Tabs } from './Tabs'

afterEach(cleanup)

const OPTIONS = ['a', 'b', 'c'] as const
type Option = (typeof OPTIONS)[number]

function Harness() {
  const [value, setValue] = useState<Option>('a')
  return (
    <>
      <Tabs id="t" label="Letters" options={OPTIONS} names={{ a: 'Alpha', b: 'Bravo', c: 'Charlie' }} value={value} onChange={setValue} className="tabs" tabClassName="tab" />
      <div id="t-panel" role="tabpanel" aria-labelledby={`t-tab-${value}`}>
        {value}
      </div>
    </>
  )
}

const selected = () => screen.getAllByRole('tab').filter((tab) => tab.getAttribute('aria-selected') === 'true').map((tab) => tab.textContent)

describe('Tabs', () => {
  it('is one Tab stop; arrows wrap, Home and End jump, and focus follows the open tab', () => {
    render(<Harness />)
    expect(screen.getByRole('tablist', { name: 'Letters' })).toBeTruthy()
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1])
    const alpha = screen.getByRole('tab', { name: 'Alpha' })
    fireEvent.keyDown(alpha, { key: 'ArrowLeft' })
    expect(selected()).toEqual(['Charlie'])
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Charlie' }))
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' })
    expect(selected()).toEqual(['Alpha'])
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' })
    expect(selected()).toEqual(['Charlie'])
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' })
    expect(selected()).toEqual(['Alpha'])
    fireEvent.keyDown(document.activeElement as Element, { key: 'x' })
    expect(selected()).toEqual(['Alpha'])
    fireEvent.click(screen.getByRole('tab', { name: 'Bravo' }))
    expect(screen.getByRole('tabpanel', { name: 'Bravo' }).textContent).toBe('b')
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([-1, 0, -1])
  })
})
