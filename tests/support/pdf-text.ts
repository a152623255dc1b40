// A PDF's text as an independent reader sees it (pdf.js, Mozilla's PDF engine, not the
// library that wrote it): each page's size and its lines, top to bottom, the pieces of a
// line (items whose baselines lie within 2.5 pt) joined left to right by ' | '.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface ReadPage {
  readonly width: number
  readonly height: number
  readonly lines: string[]
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise
  const pages: ReadPage[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    const [, , width = 0, height = 0] = page.view
    const content = await page.getTextContent()
    // Items whose baselines are within 2.5 pt of each other are one line.
    const items = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{ x: item.transform[4] as number, y: item.transform[5] as number, text: item.str }] : []))
    items.sort((a, b) => b.y - a.y)
    const grouped: { y: number; items: typeof items }[] = []
    for (const item of items) {
      const last = grouped.at(-1)
      if (last && last.y - item.y <= 2.5) last.items.push(item)
      else grouped.push({ y: item.y, items: [item] })
    }
    const lines = grouped.map((line) => line.items.sort((a, b) => a.x - b.x).map((item) => item.text).join(' | '))
    pages.push({ width, height, lines })
  }
  await pdf.destroy()
  return pages
}
