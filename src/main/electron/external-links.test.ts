import { describe, expect, it } from 'vitest'
import { externalOpener } from './external-links'

function fakeShell() {
  const opened: string[] = []
  return { opened, shell: { openExternal: (url: string) => (opened.push(url), Promise.resolve()) } }
}

describe('opening a ticket page in the system browser', () => {
  it('hands an http(s) page to the shell, in its one spelling', async () => {
    const { opened, shell } = fakeShell()
    await externalOpener(shell)('HTTPS://Redmine.example.com/issues/42')
    expect(opened).toEqual(['https://redmine.example.com/issues/42'])
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:network', 'smb://server/share'])('never hands %s to the shell', async (url) => {
    const { opened, shell } = fakeShell()
    await expect(externalOpener(shell)(url)).rejects.toThrow(/Stint opens only http\(s\) pages/)
    expect(opened).toEqual([])
  })
})
