// Deutsch: die Ablehnungen des Hauptprozesses und des Team-Servers, wie das Fenster sie zeigt.
import type { enRefusals } from '../en/refusals'

export const deRefusals: Record<keyof typeof enRefusals, string> = {
  'refusal.lock.submitted': 'Dieser Zeitraum wurde zur Genehmigung eingereicht und ist daher schreibgeschützt. Ziehen Sie die Einreichung zurück, um ihn zu ändern.',
  'refusal.lock.approvedStandalone':
    'Dieser Zeitraum ist genehmigt und gesperrt. Ohne Team-Server genehmigen Sie Ihre Zeit selbst: Öffnen Sie ihn im Stundenzettel mit einer Begründung wieder, um ihn zu ändern.',
  'refusal.lock.approvedServer': 'Dieser Zeitraum ist genehmigt und gesperrt. Nur ein Administrator kann ihn wieder öffnen, auf dem Team-Server.',
  'refusal.periodLocked': '{lock} Es wurde nichts geändert.',
  'refusal.todayLocked': 'Auch heute ({day}) liegt in einem gesperrten Zeitraum. {lock} Behalten Sie die Zeit stattdessen zurück; es wurde nichts geändert.',
  'refusal.dayStillLocked': '{isoDay} liegt noch in einem gesperrten Zeitraum. {lock} Oder buchen Sie die Zeit auf heute; es wurde nichts geändert.',
  'refusal.heldTimeSettled': 'Diese Zeit wurde bereits gebucht oder verworfen; es wurde nichts geändert.',
  'refusal.notALockAnswer': '„{action}“ ist keine Antwort zu Zeit in einem gesperrten Zeitraum; es wurde nichts geändert.',
  'refusal.dayOver24h': 'Ein Tag hat höchstens 24 Stunden: {day} hätte {totalSeconds}. Es wurde nichts geändert.',
  'refusal.belowTimerTime':
    '{seconds} am {day} ist weniger als die {timerSeconds}, die Timer in dieser Zelle erfasst haben. Timer-Zeit lässt sich nicht durch Eintippen ändern: Öffnen Sie die Details der Zelle, um diese Einträge zu bearbeiten. Es wurde nichts geändert.',
  'refusal.rowHasTime': 'In dieser Zeile ist Zeit erfasst. Leeren Sie zuerst ihre Zellen; nur eine leere Zeile kann entfernt werden.',
  'refusal.entryGone': 'Diesen Eintrag gibt es nicht (mehr); es wurde nichts geändert.',
  'refusal.entryVoided': 'Dieser Eintrag wurde von einem Administrator storniert: Er bleibt zur Nachvollziehbarkeit erhalten und kann nicht geändert werden. Es wurde nichts geändert.',
  'refusal.durationNotPositive': 'Eine Dauer muss größer als null sein; um den Eintrag zu entfernen, löschen Sie ihn. Es wurde nichts geändert.',
  'refusal.pastMidnight': '{seconds} ab {start} würde nach Mitternacht enden; ändern Sie stattdessen Beginn und Ende. Es wurde nichts geändert.',
  'refusal.typedHasNoRuns': 'Dieser Eintrag wurde als Dauer eingetippt und hat daher keinen Beginn und kein Ende; ändern Sie stattdessen seine Dauer. Es wurde nichts geändert.',
  'refusal.entryNeedsRun': 'Ein Eintrag braucht mindestens einen Lauf; um ihn zu entfernen, löschen Sie ihn. Es wurde nichts geändert.',
  'refusal.clockSkips': '{time} gibt es am {day} in {zone} nicht auf der Uhr (die Uhr springt darüber). Es wurde nichts geändert.',
  'refusal.runEndsBeforeStart': 'Lauf {run} endet ({end}), bevor er beginnt ({start}). Es wurde nichts geändert.',
  'refusal.runsOverlap': 'Zwei Läufe überschneiden sich ({first} und {second}); Zeit wird nur einmal gezählt. Es wurde nichts geändert.',
  'refusal.timerAlreadyRunning': '{label} läuft bereits.',
  'refusal.timerNotPaused': '{label} ist nicht pausiert.',
  'refusal.timerNotRunning': '{label} läuft nicht.',
  'refusal.noTimeToDiscard': '{label} hat keine Zeit, die verworfen werden könnte.',
  'refusal.allTimersInUse': 'Alle {count} Timer sind belegt. Stoppen Sie zuerst einen.',
  'refusal.allTimersInUseToStart': 'Alle {count} Timer sind belegt. Stoppen Sie einen, um {ref} zu starten.',
  'refusal.allTimersInUseToContinue': 'Alle {count} Timer sind belegt. Stoppen Sie einen, um {name} fortzusetzen. Es wurde nichts geändert.',
  'refusal.allTimersInUseToContinueEntry': 'Alle {count} Timer sind belegt. Stoppen Sie einen, um diesen Eintrag fortzusetzen. Es wurde nichts geändert.',
  'refusal.noTimerFor': 'Für {ref} läuft kein Timer.',
  'refusal.ticketRefTaken': 'Zwei andere Arbeitselemente verwenden die Referenz {ref} bereits für andere Ticketseiten. Benennen Sie eines unter Arbeitselemente um und starten Sie den Timer dann erneut. Es wurde nichts geändert.',
  'refusal.noTimer': 'Es gibt keinen Timer {slot}.',
  'refusal.questionGone': 'Diese Frage wurde bereits beantwortet oder existiert nicht.',
  'refusal.questionAnswered': 'Diese Frage wurde bereits beantwortet.',
  'refusal.notAnAnswer': '„{action}“ ist keine Antwort auf diese Frage; es wurde nichts geändert.',
  'refusal.moveToOtherTimer': 'Wählen Sie einen anderen Timer, auf den die Zeit verschoben wird; es wurde nichts geändert.',
  'refusal.idleHasNoStart': '{label} läuft nicht und hat daher keinen Beginn, der geändert werden könnte. Es wurde nichts geändert.',
  'refusal.noCurrentRun': '{label} hat im aktuellen Lauf keine Zeit. Es wurde nichts geändert.',
  'refusal.startInFuture': 'Ein Timer kann nicht in der Zukunft beginnen ({when, select, today {{time}} other {{day} {time}}} liegt nach jetzt). Es wurde nichts geändert.',
  'refusal.startAfterPause': '{label} wurde zuerst um {when, select, today {{time}} other {{day} {time}}} pausiert: Sein Beginn muss davor liegen. Es wurde nichts geändert.',
  'refusal.startBeforeLastStop':
    '{label} wurde zuletzt um {when, select, today {{time}} other {{day} {time}}} gestoppt: Sein neuer Lauf kann nicht davor beginnen. Es wurde nichts geändert.',
  'refusal.entryGoneTimer': 'Diesen Eintrag gibt es nicht (mehr). Es wurde nichts geändert.',
  'refusal.entryWorkItemGone': 'Das Arbeitselement dieses Eintrags gibt es nicht mehr. Es wurde nichts geändert.',
  'refusal.workItemGoneTimer': 'Dieses Arbeitselement gibt es nicht (mehr). Der Timer wurde nicht geändert.',
  'refusal.activityTypeGoneTimer': 'Diese Tätigkeitsart gibt es nicht (mehr). Der Timer wurde nicht geändert.',
  'refusal.workItemGone': 'Dieses Arbeitselement gibt es nicht (mehr); es wurde nichts geändert.',
  'refusal.noTicketPage': '{name} hat keine Ticketseite. Tragen Sie ihre Adresse unter Arbeitselemente ein.',
  'refusal.badTicketPage': 'Die Ticketseite von {name} ist keine http(s)-Adresse, daher öffnet Stint sie nicht. Korrigieren Sie sie unter Arbeitselemente.',
  'refusal.activityTypeGone': 'Diese Tätigkeitsart gibt es nicht (mehr); es wurde nichts geändert.',
  'refusal.customerGone': 'Diesen Kunden gibt es nicht (mehr); es wurde nichts geändert.',
  'refusal.contractGone': 'Diesen Vertrag gibt es nicht (mehr); es wurde nichts geändert.',
  'refusal.contractOfOtherCustomer': 'Dieser Vertrag gehört zu einem anderen Kunden; es wurde nichts geändert.',
  'refusal.inactiveDefault': 'Eine inaktive Tätigkeitsart kann nicht die Vorgabe sein; es wurde nichts geändert.',
  'refusal.range.notDates': '„from“ und „to“ müssen gültige Datumsangaben sein (JJJJ-MM-TT).',
  'refusal.range.backwards': 'Der Zeitraum endet ({isoToDay}), bevor er beginnt ({isoFromDay}).',
  'refusal.range.backwardsLastDay': 'Der Zeitraum endet ({isoToDay}), bevor er beginnt ({isoFromDay}): Der letzte Tag muss am oder nach dem ersten liegen.',
  'refusal.range.tooLong': 'Ein Zeitraum kann höchstens {max} Tage umfassen.',
  'refusal.calendar.tooLong': 'Der Kalender zeigt höchstens {max} Tage auf einmal.',
  'refusal.team.none': '{what, select, approvals {Genehmigungen erfolgen auf einem Team-Server} tickets {Zeit wird von einem Team-Server in die Tickets zurückgeschrieben} other {Die Berichte des Teams werden auf einem Team-Server erstellt}}; verbinden Sie einen unter Einstellungen → Team-Server.',
  'refusal.team.notSignedIn': 'Nicht beim Team-Server angemeldet: Fügen Sie das Gerätetoken unter Einstellungen → Team-Server ein.',
  'refusal.transport.offline': 'Der Team-Server unter {server} ist nicht erreichbar ({reason}).',
  'refusal.transport.tokenRefused': 'Der Team-Server hat das Token abgelehnt: {refusal}',
  'refusal.transport.askedToWait': 'Der Team-Server hat dieses Gerät gebeten zu warten: {refusal}',
  'refusal.transport.serverProblem': 'Der Team-Server hat ein Problem (HTTP {status}: {detail}).',
  'refusal.transport.notUnderstood': 'Die Antwort des Team-Servers auf {path} war nicht verständlich; ist {server} ein Stint-Team-Server in einer passenden Version?',
  'refusal.transport.noCsv': 'Der Team-Server hat keine CSV-Datei gesendet; ist {server} ein Stint-Team-Server in einer passenden Version?',
  'refusal.serverUrl.notAnAddress': '„{text}“ ist keine Webadresse; eine solche sieht aus wie https://timesheets.example.com.',
  'refusal.serverUrl.scheme': 'Die Adresse eines Team-Servers beginnt mit https:// (diese beginnt mit {scheme}//).',
  'refusal.serverUrl.credentials': 'Geben Sie das Token in das Feld für das Token ein, nicht in die Adresse.',
  'refusal.serverUrl.plainHttp': 'Verwenden Sie https:// für einen Server auf einem anderen Computer: Das Token darf nicht unverschlüsselt über das Netz gehen.',
  'refusal.sync.otherAccount':
    'Die Zeit auf diesem Gerät gehört {name} ({email}) auf {url}; das Token ist für {tokenEmail}. Trennen Sie zuerst die Verbindung, aber nur, wenn diese Zeit ihren Server erreicht hat. Es wurde nichts geändert.',
  'refusal.sync.issueSettled': 'Dieses Problem ist bereits geklärt.',
  'refusal.sync.noServerCopy': 'Der Server hat keine Fassung davon, über die Ihre gelegt werden könnte; korrigieren Sie die Zeile oder verwerfen Sie Ihre Änderung.',
  'refusal.workItemReadBack': 'Das Arbeitselement konnte nach dem Speichern nicht gelesen werden.',
  'refusal.activityTypeReadBack': 'Die Tätigkeitsart konnte nach dem Speichern nicht gelesen werden.',
  'refusal.report.notRun': 'Der Bericht wurde nicht erstellt. {summary}',
  'refusal.report.localGrouping':
    'Der Bericht kann hier nicht nach {by, select, user {Person} other {Team}} gruppiert werden: Dieses Gerät enthält nur Ihre eigene Zeit, Berichte nach Person oder Team kommen daher vom Team-Server. Gruppieren Sie ihn nach etwas anderem.',
  'refusal.report.localFilter':
    'Der Bericht kann hier nicht nach {by, select, user {Person} other {Team}} gefiltert werden: Dieses Gerät enthält nur Ihre eigene Zeit, Berichte nach Person oder Team kommen daher vom Team-Server. Lassen Sie diesen Filter weg.',
  'refusal.report.peopleOutside':
    '{count, plural, one {Eine der gewählten Personen gehört} other {# der gewählten Personen gehören}} nicht zu denen, deren Zeit Sie sehen dürfen; es wurde nichts {what, select, exported {exportiert} other {berichtet}}. Wählen Sie aus Ihrer eigenen Zeit und den Teams, die Sie genehmigen.',
  'refusal.report.tooManyRows':
    'Dieser Bericht hätte mehr als {max, number} Zeilen, zu viele für die Anzeige. Gruppieren Sie ihn nach weniger Merkmalen, filtern Sie ihn oder wählen Sie einen kürzeren Zeitraum; der Export der einzelnen Einträge hat keine solche Grenze.',
  'refusal.monthView.notAnObject': 'Die Monatsansicht wurde nicht erstellt. Eine Anfrage für eine Monatsansicht ist ein Objekt mit month und view, etwa {example}.',
  'refusal.monthView.notMade': 'Die Monatsansicht wurde nicht erstellt. {summary}',
  'refusal.contractUsage.notWorkedOut': 'Die Vertragsnutzung wurde nicht berechnet. {summary}',
  'refusal.export.cannotSave': 'Hier kann Stint keine Dateien speichern, daher wurde nichts exportiert.',
  'refusal.export.teamNone':
    'Die Zeit des Teams kommt vom Team-Server, und es ist keiner verbunden: Verbinden Sie einen unter Einstellungen → Team-Server, oder exportieren Sie Ihre eigene Zeit. Es wurde nichts exportiert.',
  'refusal.export.teamSignedOut':
    'Die Zeit des Teams kommt vom Team-Server, und dieses Gerät ist dort nicht angemeldet: Fügen Sie das Gerätetoken unter Einstellungen → Team-Server ein. Es wurde nichts exportiert.',
  'refusal.export.entriesLocalFilter':
    'Die Einträge können hier nicht nach {by, select, user {Person} other {Team}} gefiltert werden: Dieses Gerät enthält nur Ihre eigene Zeit; exportieren Sie die Einträge des Teams vom Team-Server. Es wurde nichts exportiert.',
  'refusal.notExported': '{refusal} Es wurde nichts exportiert.',
  'refusal.export.stopped':
    'Der CSV-Export wurde nach {rows, plural, one {# Zeile} other {# Zeilen}} angehalten, weil {why, select, cancelled {der Export abgebrochen wurde} diskFull {der Datenträger mit {folder} voll ist} readOnly {{folder} auf einem schreibgeschützten Datenträger liegt} noPermission {Stint nicht in {folder} schreiben darf} noFolder {es den Ordner {folder} nicht gibt} isFolder {{path} ein Ordner ist} other {{detail}}}. In {path} wurde nichts geschrieben.{fileKept, select, yes { Die bereits vorhandene Datei {path} blieb unverändert.} other {}}{why, select, diskFull { Geben Sie auf diesem Datenträger Speicherplatz frei oder wählen Sie einen anderen Ordner.} readOnly { Wählen Sie einen anderen Ordner.} noPermission { Wählen Sie einen anderen Ordner.} noFolder { Wählen Sie einen Ordner, den es gibt.} isFolder { Wählen Sie einen Dateinamen.} other {}}',
  'refusal.storage.diskFull': 'Der Datenträger mit {place} ist voll, daher konnte Stint {doing}. {kept} Geben Sie auf diesem Datenträger Speicherplatz frei und versuchen Sie es erneut.',
  'refusal.storage.readOnly': 'Der Datenträger mit {place} ist schreibgeschützt, daher konnte Stint {doing}. {kept} Machen Sie ihn beschreibbar (oder wählen Sie einen anderen Ordner) und versuchen Sie es erneut.',
  'refusal.storage.noPermission': 'Ihr Benutzer darf nicht in {place} schreiben, daher konnte Stint {doing}. {kept} Geben Sie Ihrem Benutzer dort Schreibrechte und versuchen Sie es erneut.',
  'refusal.storage.place.dataFolder': 'dem Datenordner von Stint',
  'refusal.storage.doing.start': 'nicht starten',
  'refusal.storage.doing.saveChange': 'diese Änderung nicht speichern',
  'refusal.storage.doing.saveSettings': 'Ihre Einstellungen nicht speichern',
  'refusal.storage.doing.saveToken': 'das Token des Team-Servers nicht speichern',
  'refusal.storage.doing.openDatabase': 'seine Datenbank nicht öffnen',
  'refusal.storage.doing.createDatabase': 'seine Datenbank nicht anlegen',
  'refusal.storage.doing.upgradeDatabase': 'seine Datenbank nicht auf diese Version bringen',
  'refusal.storage.kept.nothingLost': 'Es ist nichts verloren gegangen.',
  'refusal.storage.kept.savedBefore': 'Es ist nichts verloren gegangen: Alles bisher Gespeicherte ist noch da.',
  'refusal.storage.kept.settings': 'Ihre Einstellungen sind unverändert.',
  'refusal.storage.kept.token': 'Das zuvor gespeicherte Token ist unverändert.',
  'refusal.storage.kept.file': 'Die Datei blieb genau so, wie sie war.',
  'refusal.file.notSqlite': '{file} ist keine SQLite-Datenbank, daher kann Stint sie nicht öffnen. Die Datei blieb genau so, wie sie war. Verschieben Sie sie oder wählen Sie einen anderen Datenordner.',
  'refusal.file.notStint':
    '{file} ist eine SQLite-Datenbank eines anderen Programms, nicht die von Stint{listed, select, yes { (ihre Tabellen: {tables}{more, plural, =0 {} other { und # weitere}})} other {}}. Die Datei blieb genau so, wie sie war. Verschieben Sie sie oder wählen Sie einen anderen Datenordner.',
  'refusal.file.newer':
    'Die Stint-Datenbank {file} wurde von einem neueren Stint geschrieben (Schema {version}; diese Version kennt bis {latest}). Die Datei blieb genau so, wie sie war. Installieren Sie das neuere Stint, um sie zu verwenden.',
  'refusal.file.corrupt': 'Die Stint-Datenbank {file} ist beschädigt ({detail}). Die Datei blieb genau so, wie sie war. Stellen Sie eine Sicherung wieder her oder bewahren Sie die Datei zur Wiederherstellung auf.',
  'refusal.file.noPrivateCopy': 'Stint konnte nicht in {file} schauen, ohne die Datei zu ändern: Eine private Kopie in {folder} ist fehlgeschlagen ({detail}). Die Datei blieb genau so, wie sie war.',
  'refusal.file.unreadable': 'Stint konnte {file} nicht lesen: {detail}. {kept}',
  'refusal.file.damagedWhileOpen':
    'Die Stint-Datenbank {file} ist beschädigt ({detail}). Was Sie jetzt hinzufügen, bleibt möglicherweise nicht erhalten: Beenden Sie Stint, bewahren Sie eine Kopie der Datei zur Wiederherstellung auf und stellen Sie eine Sicherung wieder her.',
  'refusal.unknownCall': 'Es gibt keinen Aufruf namens „{call}“.',
  'refusal.internal': 'Stint konnte {call} nicht ausführen. Es ist nichts verloren gegangen; die Einzelheiten stehen im Protokoll.',
  'refusal.referenceExists':
    '{reference} gibt es bereits („{name}“); Referenzen, die sich nur in Groß- und Kleinschreibung oder unsichtbaren Zeichen unterscheiden, sind dieselbe. Buchen Sie auf diese',
  'refusal.nameExists':
    '{kind, select, customer {Ein Kunde} contract {Ein Vertrag} activityType {Eine Tätigkeitsart} other {Ein Arbeitselement}} namens „{name}“ existiert bereits; Namen, die sich nur in Groß- und Kleinschreibung, Leerzeichen, Akzenten oder unsichtbaren Zeichen unterscheiden, sind derselbe Name. Verwenden Sie diesen',
  'refusal.contractsAdminOnly': 'Verträge und ihre enthaltenen Stunden legt der Administrator Ihrer Organisation auf dem Team-Server fest',
  'refusal.activityTypesAdminOnly': 'Tätigkeitsarten und welche davon die Vorgabe ist, legt der Administrator Ihrer Organisation auf dem Team-Server fest',
  'refusal.organisationAdminOnly': 'Nur ein Administrator ordnet einen Kunden einer Organisation zu (nach ihr fassen die Gruppenberichte Kunden zusammen)',
  'refusal.notKept': '{refusal}. Es wurde nichts geändert.',
  'refusal.nothingToChange': 'Es gibt nichts zu ändern.',
  'refusal.rowInPeriod': 'Diese Zeile ist bereits in diesem Zeitraum.',
  'refusal.nothingToWithdraw': 'Ohne Team-Server ist ein eingereichter Zeitraum sofort genehmigt, es gibt also nichts zurückzuziehen. Öffnen Sie ihn wieder, um ihn zu ändern.',
  'refusal.reopenOnServer': 'Mit einem Team-Server kann nur ein Administrator einen Zeitraum wieder öffnen, auf dem Server.',
  'refusal.flow.submitOwnerOnly': 'Nur die Person, deren Zeit es ist, kann einen Zeitraum einreichen.',
  'refusal.flow.alreadySubmitted': 'Dieser Zeitraum ist bereits eingereicht und wartet auf Genehmigung.',
  'refusal.flow.alreadyApproved': 'Dieser Zeitraum ist bereits genehmigt.',
  'refusal.flow.withdrawOwnerOnly': 'Nur die Person, die einen Zeitraum eingereicht hat, kann ihn zurückziehen.',
  'refusal.flow.withdrawSubmittedOnly': 'Nur ein eingereichter Zeitraum kann zurückgezogen werden; dieser ist {status, select, open {offen} submitted {eingereicht} approved {genehmigt} rejected {abgelehnt} other {{status}}}.',
  'refusal.flow.withdrawAfterLevel1': 'Der erste Genehmiger hat diesen Zeitraum bereits genehmigt, daher kann er nicht mehr zurückgezogen werden. Bitten Sie einen Genehmiger, ihn abzulehnen.',
  'refusal.flow.decideSubmittedOnly':
    'Nur ein eingereichter Zeitraum kann {action, select, approve {genehmigt} other {abgelehnt}} werden; dieser ist {status, select, open {offen} submitted {eingereicht} approved {genehmigt} rejected {abgelehnt} other {{status}}}.',
  'refusal.flow.notOwnTime': 'Niemand genehmigt oder lehnt die eigene Zeit ab; ein anderer Genehmiger des Teams muss das tun.',
  'refusal.flow.notApproverAtLevel': 'Dieser Zeitraum wartet auf einen Genehmiger der Stufe {level} seines Teams, und Sie sind keiner.',
  'refusal.flow.twoLevelsTwoPeople': 'Sie haben diesen Zeitraum auf Stufe 1 genehmigt; niemand genehmigt denselben Zeitraum auf zwei Stufen, daher muss ein anderer Genehmiger der Stufe 2 das tun.',
  'refusal.flow.reasonRequired': 'Eine Begründung ist erforderlich, damit die Person weiß, was zu korrigieren ist.',
  'refusal.flow.reasonTooLong': 'Eine Begründung darf höchstens {max} Zeichen lang sein (diese hat {length}).',
  'refusal.flow.reopenAdminOnly': 'Nur ein Administrator kann einen Zeitraum wieder öffnen.',
  'refusal.flow.reopenLockedOnly': 'Nur ein eingereichter oder genehmigter Zeitraum kann wieder geöffnet werden; dieser ist {status, select, open {offen} submitted {eingereicht} approved {genehmigt} rejected {abgelehnt} other {{status}}}.',
  'refusal.flowNotKept': '{refusal} Es wurde nichts geändert.',
  'refusal.server.refused': 'Der Team-Server hat abgelehnt: {refusal}',
  'refusal.server.refusedRequest': 'Der Team-Server hat die Anfrage abgelehnt: {refusal}',
  'refusal.server.needsRole':
    'Dafür ist {needed, select, admin {die Rolle Administrator} approver {die Rolle Genehmiger} member {die Rolle Mitglied} other {eine der Rollen {needed}}} nötig; Sie sind {role, select, admin {Administrator} approver {Genehmiger} member {Mitglied} other {{role}}}. Es wurde nichts geändert.',
  'refusal.server.periodNotVisible':
    'Es gibt keinen Zeitraum mit dieser ID, den Sie sehen können: Er existiert nicht, oder er ist weder Ihrer noch wartet er auf Ihre Genehmigung.',
  'refusal.requestRefused': '{call} wurde abgelehnt, es wurde nichts geändert. {summary}',
  // Die Antworten des Team-Servers auf jede synchronisierte Änderung und jede Entscheidung über einen Zeitraum.
  'refusal.sync.notApplied': '{refusal}. Diese Änderung wurde nicht übernommen.',
  'refusal.sync.otherPersonsEntry': 'Dieser Eintrag gehört jemand anderem; es wurde nichts geändert.',
  'refusal.sync.entryChangedElsewhere':
    'Dieser Eintrag wurde anderswo geändert (auf einem anderen Gerät oder durch eine Genehmigung), nachdem diese Änderung gemacht wurde. Wählen Sie die Fassung, die bleiben soll.',
  'refusal.sync.entryNoCopy': 'Der Server hat keine Fassung dieses Eintrags mehr.',
  'refusal.sync.changedOnServer': 'Dies wurde auf dem Server geändert, nachdem Ihre Änderung gemacht wurde. Wählen Sie die Fassung, die bleiben soll.',
  'refusal.sync.noCopy': 'Der Server hat davon keine Fassung mehr.',
  'refusal.sync.entryWorkItemMissing':
    'Dieser Eintrag ist auf ein Arbeitselement gebucht, das der Server (noch) nicht hat. Synchronisieren Sie erneut; bleibt es dabei, buchen Sie die Zeit auf ein anderes Element. Diese Änderung wurde nicht übernommen.',
  'refusal.sync.entryActivityTypeMissing':
    'Die Tätigkeitsart dieses Eintrags hat der Server (noch) nicht. Synchronisieren Sie erneut; bleibt es dabei, wählen Sie eine andere. Diese Änderung wurde nicht übernommen.',
  'refusal.sync.contractCustomerMissing':
    'Dieser Vertrag gehört zu einem Kunden, den der Server (noch) nicht hat. Synchronisieren Sie erneut; bleibt es dabei, wählen Sie einen anderen. Diese Änderung wurde nicht übernommen.',
  'refusal.sync.workItemCustomerMissing':
    'Den Kunden dieses Arbeitselements hat der Server (noch) nicht. Synchronisieren Sie erneut; bleibt es dabei, wählen Sie einen anderen. Diese Änderung wurde nicht übernommen.',
  'refusal.sync.workItemContractMissing':
    'Den Vertrag dieses Arbeitselements hat der Server (noch) nicht. Synchronisieren Sie erneut; bleibt es dabei, wählen Sie einen anderen. Diese Änderung wurde nicht übernommen.',
  'refusal.sync.entryVoided': 'Ein Administrator hat diesen Eintrag storniert; er kann nicht mehr geändert werden.',
  'refusal.sync.periodSubmitted':
    'Der Zeitraum {isoStartDay} – {isoEndDay} ist zur Genehmigung eingereicht, seine Zeiten sind also gesperrt; ziehen Sie die Einreichung zurück, um sie zu ändern. Diese Änderung wurde nicht übernommen.',
  'refusal.sync.periodApproved':
    'Der Zeitraum {isoStartDay} – {isoEndDay} ist genehmigt und gesperrt; ein Administrator kann ihn wieder öffnen. Diese Änderung wurde nicht übernommen.',
  'refusal.sync.dayOver24h': 'Ein Tag hat höchstens 24 Stunden: {isoDay} hätte {hours, number, ::.00 group-off} h. Diese Änderung wurde nicht übernommen.',
  'refusal.sync.storeRefused':
    'Der Team-Server konnte diese Änderung nicht speichern (seine Datenbank hat sie abgelehnt; Einzelheiten stehen im Server-Protokoll). Diese Änderung wurde nicht übernommen, der Rest der Übertragung schon.',
  'refusal.sync.changeIdTaken': 'Diese Änderungs-ID hat bereits jemand anderes verwendet; es wurde nichts geändert.',
  'refusal.sync.changeIdTwice':
    'Diese Änderungs-ID wurde schon von einer früheren Änderung in dieser Übertragung verwendet, und eine ID steht für genau eine Änderung: Diese wurde nicht übernommen. Senden Sie sie erneut mit einer eigenen ID.',
  'refusal.sync.noAnswer': 'Der Team-Server hat keine Antwort auf diese Änderung ermittelt. Diese Änderung wurde nicht übernommen; senden Sie sie erneut.',
  'refusal.sync.otherPeriodRule':
    'Der Zeitraum der Organisation für den {isoDay} geht vom {isoStartDay} bis {isoEndDay}; dieses Gerät hat eine andere Zeitraum-Regel verwendet. Synchronisieren Sie erneut und reichen Sie dann ein.',
  'refusal.sync.setAside':
    'Der Team-Server konnte diese Änderung nicht annehmen (HTTP {status}: {said}). Sie wurde zurückgestellt, damit Ihre anderen Änderungen synchronisiert werden konnten: Korrigieren Sie sie, dann wird sie erneut gesendet, senden Sie sie unverändert erneut, oder verwerfen Sie sie.',
  'refusal.sync.notTheirs':
    '{kind, select, customer {Diesen Kunden} contract {Diesen Vertrag} activityType {Diese Tätigkeitsart} other {Dieses Arbeitselement}} hat ein Administrator oder jemand anderes angelegt, daher kann nur ein Administrator Änderungen daran vornehmen',
  'refusal.sync.takenOver':
    'Ein Administrator hat {kind, select, customer {diesen Kunden} contract {diesen Vertrag} activityType {diese Tätigkeitsart} other {dieses Arbeitselement}} übernommen (umbenannt, zusammengeführt oder deaktiviert), daher kann jetzt nur noch ein Administrator Änderungen daran vornehmen',
  'refusal.sync.contractOfOtherCustomer': 'Der Vertrag „{name}“ gehört zu einem anderen Kunden als dieses Arbeitselement',
  'refusal.sync.tooManyHours': 'Ein Vertrag umfasst höchstens {max} Stunden; dieser verlangt {asked}',
  'refusal.path.noTeam':
    'Sie sind auf dem Team-Server in keinem Team, daher könnte niemand diesen Stundenzettel genehmigen. Bitten Sie Ihren Stint-Administrator, Sie einem Team zuzuordnen (`team member add`), und reichen Sie dann erneut ein.',
  'refusal.path.noLevel1':
    'Außer Ihnen genehmigt niemand auf Stufe 1 von {teams}, daher könnte niemand diesen Stundenzettel genehmigen. Bitten Sie Ihren Stint-Administrator, einen Genehmiger der Stufe 1 zu benennen (`team approvers`), und reichen Sie dann erneut ein.',
  'refusal.path.noLevel2':
    'Außer Ihnen genehmigt niemand auf Stufe 2 von {teams}, daher könnte niemand die Genehmigung dieses Stundenzettels abschließen. Bitten Sie Ihren Stint-Administrator, einen Genehmiger der Stufe 2 zu benennen (`team approvers`), und reichen Sie dann erneut ein.',
  'refusal.path.sameApprover':
    'Dieselbe Person ist auf beiden Stufen von {teams} der einzige Genehmiger, und niemand genehmigt einen Stundenzettel zweimal. Bitten Sie Ihren Stint-Administrator, einen weiteren Genehmiger zu benennen (`team approvers`), und reichen Sie dann erneut ein.',
  'refusal.ticket.noSecretKey': 'Dieser Server hat keinen geheimen Schlüssel für die Zugangsdaten von Ticketsystemen; starten Sie ihn mit --data-dir oder STINT_SERVER_SECRET_KEY. Es wurde nichts geändert.',
  'refusal.ticket.badSecretKey': '{where} muss einen 32-Byte-Schlüssel als 64 Hexadezimalziffern oder Base64 enthalten (zum Beispiel `openssl rand -hex 32`). Es wurde nichts geändert.',
  'refusal.ticket.credentialsUnreadable': 'Die gespeicherten Zugangsdaten dieses Ticketsystems lassen sich mit dem Schlüssel dieses Servers nicht lesen ({variable} oder {file} ist ein anderer als beim Speichern). Geben Sie sie erneut ein.',
  'refusal.ticket.systemMissing': 'Es gibt kein Ticketsystem „{name}“; `ticket-system list` zeigt alle. Es wurde nichts geändert.',
  'refusal.ticket.nameTaken': 'Es gibt bereits ein Ticketsystem namens „{name}“. Es wurde nichts geändert.',
  'refusal.ticket.systemInUse': '{name} hat Einträge der Rückschreibung und bleibt daher bestehen; schalten Sie es stattdessen ab (active: false). Es wurde nichts geändert.',
  'refusal.ticket.activityTypeMissing': 'Es gibt keine Tätigkeitsart „{name}“. Es wurde nichts geändert.',
  'refusal.ticket.notWrittenYet': 'Die Zeit dieses Eintrags ist (noch) nicht in sein Ticket geschrieben, daher gibt es nichts zu öffnen.',
  'refusal.ticket.badWrittenLink': 'Der Link des Team-Servers zu dieser Zeit in {system} ist keine http(s)-Adresse, daher öffnet Stint ihn nicht.',
  'refusal.decision.voidAdminOnly': 'Nur ein Administrator kann genehmigte Zeit stornieren.',
  'refusal.decision.voidApprovedOnly':
    'Nur ein genehmigter Zeitraum kann storniert werden; dieser ist {status, select, open {offen} submitted {eingereicht} approved {genehmigt} rejected {abgelehnt} other {{status}}}. Um einen eingereichten Zeitraum zurückzugeben, lehnen Sie ihn ab oder öffnen Sie ihn wieder.',
  'decision.approvedAtLevel1': 'Der Zeitraum {isoStartDay} – {isoEndDay} von {member} ist auf Stufe 1 genehmigt; er wartet jetzt auf einen Genehmiger der Stufe {level}.',
  'decision.approved': 'Der Zeitraum {isoStartDay} – {isoEndDay} von {member} ist genehmigt.',
  'decision.rejected': 'Der Zeitraum {isoStartDay} – {isoEndDay} von {member} ist abgelehnt; er ging mit Ihrer Begründung an {member} zurück.',
  'decision.reopened': 'Der Zeitraum {isoStartDay} – {isoEndDay} von {member} ist wieder offen; {member} kann die Zeiten ändern und ihn erneut einreichen.',
  'decision.voided':
    '{count, plural, one {1 genehmigter Eintrag} other {{count} genehmigte Einträge}} ({hours, number, ::.00 group-off} h) im Zeitraum {isoStartDay} – {isoEndDay} von {member} storniert und den Zeitraum wieder geöffnet, damit {member} die korrigierte Zeit buchen kann.',
}
