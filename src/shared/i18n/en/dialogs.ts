// English: the shared dialogs' own words (Cancel, Saving…, a decision's reason).
export const enDialogs = {
  'dialog.cancel': 'Cancel',
  'dialog.saving': 'Saving…',
  'dialog.reason': 'Reason',
  /** The Ctrl key as the keyboard labels it (Strg on German keyboards). */
  'dialog.ctrl': 'Ctrl',
  'dialog.reasonTooLong': 'A reason can be at most {max} characters (this one has {length}).',
} as const
