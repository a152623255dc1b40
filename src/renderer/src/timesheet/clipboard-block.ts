// Blocks of cells as spreadsheets put them on the clipboard: rows on lines, cells
// separated by tabs. A pasted block is read and checked as a whole before anything is
// sent, so the host only ever sees a block that can be applied all at once.
import { formatDuration, parseDuration } from '@shared/duration'
import { ENGLISH, type Translator } from '@shared/i18n/translator'

/** Rows of cell texts; the trailing newline spreadsheets add is not a row. */
export function splitBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')
  return lines.map((line) => line.split('\t'))
}

export type ParsedBlock = { ok: true; seconds: (number | null)[][]; width: number; height: number } | { ok: false; error: string }

/**
 * Parses every value of a pasted block; a blank cell is null (it clears the hand-entered
 * time, as pasting a blank does in a spreadsheet). The first bad value refuses the block.
 */
export function parseBlock(text: string, translator: Pick<Translator, 't'> = ENGLISH): ParsedBlock {
  const { t } = translator
  if (text.trim() === '') return { ok: false, error: t('grid.clipboardEmpty') }
  const cells = splitBlock(text)
  const width = Math.max(...cells.map((row) => row.length))
  const seconds: (number | null)[][] = []
  for (const [r, row] of cells.entries()) {
    const parsedRow: (number | null)[] = []
    for (const [c, value] of row.entries()) {
      if (value.trim() === '') {
        parsedRow.push(null)
        continue
      }
      const parsed = parseDuration(value, translator)
      if (!parsed.ok) return { ok: false, error: t('grid.pasteBadValue', { row: r + 1, column: c + 1, error: parsed.error }) }
      parsedRow.push(parsed.seconds)
    }
    while (parsedRow.length < width) parsedRow.push(null)
    seconds.push(parsedRow)
  }
  return { ok: true, seconds, width, height: seconds.length }
}

/** A block of totals as tab-separated h:mm text, the way a spreadsheet reads it. */
export function formatBlock(seconds: readonly (readonly number[])[]): string {
  return seconds.map((row) => row.map((s) => formatDuration(s)).join('\t')).join('\n')
}
