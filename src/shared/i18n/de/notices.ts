// Deutsch: was der Hauptprozess außerhalb des Fensters zu Timern sagt: Benachrichtigungen
// (Erinnerungen, Stopps, Ticket-Links), seine Meldungsfenster und warum ein globales Tastenkürzel nicht greift.
import type { enNotices } from '../en/notices'

export const deNotices: Record<keyof typeof enNotices, string> = {
  'notices.reminder.title': 'Kein Timer läuft',
  'notices.reminder.body': 'Es ist Arbeitszeit, und Stint erfasst nichts. Starten Sie einen Timer über das Infobereich-Symbol oder mit Strg+Alt+1.',
  'notices.stopped.title': '{name} gestoppt',
  'notices.stopped.booked': '{booked} als Entwurfseintrag gebucht.',
  'notices.stopped.held':
    '{held} fielen in einen eingereichten oder genehmigten Zeitraum und wurden dort nicht gebucht: Öffnen Sie Stint, um sie heute zu buchen, zurückzulegen oder zu verwerfen.',
  'notices.stopped.bookedAndHeld':
    '{booked} als Entwurfseintrag gebucht. {held} fielen in einen eingereichten oder genehmigten Zeitraum und wurden dort nicht gebucht: Öffnen Sie Stint, um sie heute zu buchen, zurückzulegen oder zu verwerfen.',
  'notices.link.running': '{ref} läuft',
  'notices.link.runningBody': 'Auf {label} (Platz {slot}).',
  'notices.link.startFailed': 'Stint konnte {ref} nicht starten',
  'notices.link.stopFailed': 'Stint konnte {ref} nicht stoppen',
  'notices.refusedRequest': 'Stint hat eine Anfrage abgelehnt',
  'notices.refusedLink': 'Stint hat einen Link abgelehnt',
  'notices.failed': 'Stint konnte das nicht ausführen',

  'notices.shortRun.message': '{label} lief nur {seconds, plural, one {# Sekunde} other {# Sekunden}}.',
  'notices.shortRun.detail': 'Kurze Läufe sind oft versehentlich. Als Entwurfseintrag behalten oder verwerfen?',
  'notices.shortRun.keep': 'Behalten',
  'notices.shortRun.discard': 'Verwerfen',
  'notices.quit.title': 'Timer laufen noch',
  'notices.quit.message': '{count, plural, one {Ein Timer läuft noch.} other {# Timer laufen noch.}}',
  'notices.quit.detail': 'Stoppen Sie sie und buchen Sie ihre Zeit jetzt, oder lassen Sie sie laufen: Ihre Zeit zählt weiter, während Stint geschlossen ist.',
  'notices.quit.stop': 'Stoppen und beenden',
  'notices.quit.keep': 'Weiterlaufen lassen und beenden',
  'notices.quit.cancel': 'Abbrechen',
  'notices.damaged': 'Die Datenbank von Stint ist beschädigt',
  'notices.cannotOpen': 'Stint kann seine Datenbank nicht öffnen',
  'notices.startFailed': 'Stint konnte nicht starten: {reason}',
  'notices.couldNotStart': 'Stint konnte nicht starten',
  'notices.settingsReset': 'Die Einstellungen von Stint wurden zurückgesetzt',
  'notices.ok': 'OK',

  'notices.shortcut.allOff': 'Globale Tastenkürzel sind in den Einstellungen ausgeschaltet.',
  'notices.shortcut.off': 'Dieses Tastenkürzel ist ausgeschaltet.',
  'notices.shortcut.noTimer': 'Stint hat {count} Timer; einen Timer {slot} zum Umschalten gibt es nicht.',
  'notices.shortcut.duplicate':
    '{accelerator} ist bereits für „{owner, select, pause {Alle pausieren} other {Timer {slot} umschalten}}“ vergeben; geben Sie jedem Tastenkürzel eigene Tasten.',
  'notices.shortcut.ownedByStint': '{accelerator} wird bereits von einem anderen Teil von Stint verwendet. Wählen Sie andere Tasten.',
  'notices.shortcut.notAccepted': '{accelerator} ist kein Tastenkürzel, das dieses System annimmt. Wählen Sie andere Tasten.',
  'notices.shortcut.held':
    '{accelerator} ist von einer anderen Anwendung belegt (oder diese Arbeitsumgebung erlaubt keine globalen Tastenkürzel). Schließen Sie diese Anwendung oder wählen Sie andere Tasten.',
  'notices.shortcut.unusable': '„{text}“ ist kein brauchbares Tastenkürzel: {problem}',
  'notices.shortcut.tooLong': 'Es ist zu lang.',
  'notices.shortcut.spaces': 'Schreiben Sie es ohne Leerzeichen, z. B. CommandOrControl+Alt+1.',
  'notices.shortcut.emptyPart': 'Ein Teil ist leer; schreiben Sie die Taste + als Plus.',
  'notices.shortcut.notModifier': '„{token}“ ist keine Zusatztaste (CommandOrControl, Alt, Shift, Super… verwenden).',
  'notices.shortcut.moreKeys': 'Es enthält mehr als eine Taste; verwenden Sie Zusatztasten und genau eine Taste.',
  'notices.shortcut.twice': 'Es nennt {token} zweimal.',
  'notices.shortcut.noKey': 'Nach den Zusatztasten fehlt die Taste, z. B. CommandOrControl+Alt+1.',
  'notices.shortcut.notKey': '„{key}“ ist keine Taste, die Electron kennt.',
  'notices.shortcut.typingOnly': 'Es braucht CommandOrControl, Alt oder Super; ohne sie würde die Taste in jedem anderen Programm nicht mehr funktionieren.',
}
