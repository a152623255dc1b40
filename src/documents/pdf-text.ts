// Text as the standard PDF fonts (WinAnsi) can print it: for every PDF Stint makes (the
// printed timesheet, a billing run's summary), in the app and on the team server.

/** WinAnsi has no arrows and no narrow spaces; everything else a message writes (umlauts, „“, –, ’, ·) it has. */
export function pdfText(text: string): string {
  return text.replace(/[\u2009\u202f\u00a0]/g, ' ').replace(/→/g, '>')
}
