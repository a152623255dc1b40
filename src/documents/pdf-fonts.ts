// The type of every PDF Stint makes (the printed timesheet, a billing run's summary), in
// the app and on the team server: DejaVu Sans Condensed, regular and bold, embedded, so a
// customer "Łódź Serwis", a technician "Dvořák" or a ticket in Greek or Cyrillic prints as
// written. The standard PDF fonts (Helvetica) have WinAnsi glyphs only. The condensed cut
// is within a few per cent of Helvetica's widths, for which the tables were sized (DejaVu
// Sans is 14–20 % wider). pdfkit embeds only the glyphs a document uses (~15 kB for both).
// The files come from the npm package dejavu-fonts-ttf (free to embed: the Bitstream Vera
// licence and public domain), a runtime dependency: resolved from node_modules as any
// other package is, in tests, in the desktop app's app.asar and in the server's install.
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'

/** The names a maker passes to `doc.font()`. */
export const PDF_FONT = { regular: 'Stint-Regular', bold: 'Stint-Bold' } as const
export type PdfFont = (typeof PDF_FONT)[keyof typeof PDF_FONT]

const packageFiles = createRequire(import.meta.url)

/** Each font's file, found when a PDF is made. The names are written out, so that a reader of the built bundle sees which package it needs. */
const FILES: Record<PdfFont, () => string> = {
  [PDF_FONT.regular]: () => packageFiles.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
  [PDF_FONT.bold]: () => packageFiles.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'),
}

/** A new document with the fonts registered and the regular one chosen. */
export function pdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument(options)
  for (const [name, file] of Object.entries(FILES)) doc.registerFont(name, file())
  return doc.font(PDF_FONT.regular)
}
