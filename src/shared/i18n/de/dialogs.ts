// Deutsch: die Worte der gemeinsamen Dialoge (Abbrechen, Wird gespeichert…, Begründung).
import type { enDialogs } from '../en/dialogs'

export const deDialogs: Record<keyof typeof enDialogs, string> = {
  'dialog.cancel': 'Abbrechen',
  'dialog.saving': 'Wird gespeichert…',
  'dialog.reason': 'Begründung',
  'dialog.ctrl': 'Strg',
  'dialog.reasonTooLong': 'Eine Begründung darf höchstens {max} Zeichen lang sein (diese hat {length}).',
}
