// English: the refusals the main process (and the team server) answer with. The main
// process writes its log and the envelope's `message` from these; the window shows them
// in its own language. Values by name: `day`/`…Day` are ISO days and `seconds`/`…Seconds`
// durations (refusal-text.ts formats both for the reader), `lock` names a refusal.lock.* reason.
export const enRefusals = {
  // The period lock (src/main/entries/period-lock.ts).
  'refusal.lock.submitted': 'This period has been submitted for approval, so it is read-only. Withdraw the submission to change it.',
  'refusal.lock.approvedStandalone':
    'This period is approved and locked. Without a team server you approve your own time: reopen it yourself from the Timesheet, with a reason, to change it.',
  'refusal.lock.approvedServer': 'This period is approved and locked. Only an administrator can reopen it, on the team server.',
  'refusal.periodLocked': '{lock} Nothing was changed.',
  'refusal.todayLocked': 'Today ({day}) is in a locked period too. {lock} Keep the time aside instead; nothing was changed.',
  'refusal.dayStillLocked': '{isoDay} is still in a locked period. {lock} Or book the time to today; nothing was changed.',
  'refusal.heldTimeSettled': 'That time was already booked or discarded; nothing was changed.',
  'refusal.notALockAnswer': '"{action}" is not an answer about time in a locked period; nothing was changed.',
  // Entries: 24 h a day, durations, runs.
  'refusal.dayOver24h': 'A day has at most 24 hours: {day} would have {totalSeconds}. Nothing was changed.',
  'refusal.belowTimerTime':
    '{seconds} on {day} is less than the {timerSeconds} recorded by timers in that cell. Typing cannot change timer time: open the cell\'s details to edit those entries. Nothing was changed.',
  'refusal.rowHasTime': 'This row has time in it. Clear its cells first; only an empty row can be removed.',
  'refusal.entryGone': 'That entry does not exist (any more); nothing was changed.',
  'refusal.entryVoided': 'This entry was voided by an administrator: it is kept for the record and cannot be changed. Nothing was changed.',
  'refusal.durationNotPositive': 'A duration must be more than zero; to remove the entry, delete it. Nothing was changed.',
  'refusal.pastMidnight': '{seconds} from {start} would end after midnight; change its start and end instead. Nothing was changed.',
  'refusal.typedHasNoRuns': 'This entry was typed as a duration, so it has no start and end; change its duration instead. Nothing was changed.',
  'refusal.entryNeedsRun': 'An entry needs at least one run; to remove it, delete it. Nothing was changed.',
  'refusal.clockSkips': '{time} is not a time on the clock on {day} in {zone} (the clocks skip it). Nothing was changed.',
  'refusal.runEndsBeforeStart': 'Run {run} ends ({end}) before it starts ({start}). Nothing was changed.',
  'refusal.runsOverlap': 'Two runs overlap ({first} and {second}); time is counted once. Nothing was changed.',
  // Timers.
  'refusal.timerAlreadyRunning': '{label} is already running.',
  'refusal.timerNotPaused': '{label} is not paused.',
  'refusal.timerNotRunning': '{label} is not running.',
  'refusal.noTimeToDiscard': '{label} has no time to discard.',
  'refusal.allTimersInUse': 'All {count} timers are in use. Stop one first.',
  'refusal.allTimersInUseToStart': 'All {count} timers are in use. Stop one to start {ref}.',
  'refusal.allTimersInUseToContinue': 'All {count} timers are in use. Stop one to continue {name}. Nothing was changed.',
  'refusal.allTimersInUseToContinueEntry': 'All {count} timers are in use. Stop one to continue this entry. Nothing was changed.',
  'refusal.noTimerFor': 'No timer is running for {ref}.',
  'refusal.ticketRefTaken': 'Two other work items already use the reference {ref} for other ticket pages. Rename one under Work items, then start the timer again. Nothing was changed.',
  'refusal.noTimer': 'There is no timer {slot}.',
  'refusal.questionGone': 'That question was already answered or does not exist.',
  'refusal.questionAnswered': 'That question was already answered.',
  'refusal.notAnAnswer': '"{action}" is not an answer to this question; nothing was changed.',
  'refusal.moveToOtherTimer': 'Choose another timer to move the time to; nothing was changed.',
  'refusal.idleHasNoStart': '{label} is not running, so it has no start to change. Nothing was changed.',
  'refusal.noCurrentRun': '{label} has no time in its current run. Nothing was changed.',
  'refusal.startInFuture': 'A timer cannot start in the future ({when, select, today {{time}} other {{day} {time}}} is later than now). Nothing was changed.',
  'refusal.startAfterPause': '{label} was first paused at {when, select, today {{time}} other {{day} {time}}}: its start must be before that. Nothing was changed.',
  'refusal.startBeforeLastStop':
    '{label} last stopped at {when, select, today {{time}} other {{day} {time}}}: its new run cannot start before that. Nothing was changed.',
  'refusal.entryGoneTimer': 'That entry does not exist (any more). Nothing was changed.',
  'refusal.entryWorkItemGone': 'The work item of that entry does not exist any more. Nothing was changed.',
  'refusal.workItemGoneTimer': 'That work item does not exist (any more). The timer was not changed.',
  'refusal.activityTypeGoneTimer': 'That activity type does not exist (any more). The timer was not changed.',
  // Work items, customers, contracts, activity types.
  'refusal.workItemGone': 'That work item does not exist (any more); nothing was changed.',
  'refusal.noTicketPage': '{name} has no ticket page. Add its address under Work items.',
  'refusal.badTicketPage': 'The ticket page of {name} is not an http(s) address, so Stint does not open it. Correct it under Work items.',
  'refusal.activityTypeGone': 'That activity type does not exist (any more); nothing was changed.',
  'refusal.customerGone': 'That customer does not exist (any more); nothing was changed.',
  'refusal.contractGone': 'That contract does not exist (any more); nothing was changed.',
  'refusal.contractOfOtherCustomer': 'That contract belongs to another customer; nothing was changed.',
  'refusal.inactiveDefault': 'An inactive activity type cannot be the default; nothing was changed.',
  // Ranges and the calendar (src/main/core.ts, src/main/calendar); a value named `iso…Day` is a day the log keeps as written.
  'refusal.range.notDates': 'from and to must be real dates (YYYY-MM-DD).',
  'refusal.range.backwards': 'The range ends ({isoToDay}) before it starts ({isoFromDay}).',
  'refusal.range.backwardsLastDay': 'The range ends ({isoToDay}) before it starts ({isoFromDay}): the last day must be on or after the first.',
  'refusal.range.tooLong': 'A range can cover at most {max} days.',
  'refusal.calendar.tooLong': 'The calendar shows at most {max} days at once.',
  // Calls only the team server answers (src/main/core.ts, the exporter).
  'refusal.team.none': '{what, select, approvals {Approvals happen} tickets {Time is written back to tickets} other {The team’s reports are made}} on a team server; connect one in Settings → Team server.',
  'refusal.team.notSignedIn': 'Not signed in to the team server: paste the device token in Settings → Team server.',
  // The sync transport's framings (src/main/sync/transport.ts): `refusal` is the server's refusal, or its words when this build does not know its id.
  'refusal.transport.offline': 'The team server at {server} cannot be reached ({reason}).',
  'refusal.transport.tokenRefused': 'The team server refused the token: {refusal}',
  'refusal.transport.askedToWait': 'The team server asked this device to wait: {refusal}',
  'refusal.transport.serverProblem': 'The team server has a problem (HTTP {status}: {detail}).',
  'refusal.transport.notUnderstood': 'The team server\'s answer to {path} was not understood; is {server} a Stint team server of a matching version?',
  'refusal.transport.noCsv': 'The team server sent no CSV; is {server} a Stint team server of a matching version?',
  // The team server's address as typed (serverUrlProblem), and connecting (src/main/sync/sync-service.ts).
  'refusal.serverUrl.notAnAddress': '"{text}" is not a web address; it looks like https://timesheets.example.com.',
  'refusal.serverUrl.scheme': 'A team server address starts with https:// (this one starts with {scheme}//).',
  'refusal.serverUrl.credentials': 'Put the token in the token field, not in the address.',
  'refusal.serverUrl.plainHttp': 'Use https:// for a server on another machine: the token must not cross the network in the clear.',
  'refusal.sync.otherAccount':
    'This device\'s time belongs to {name} ({email}) on {url}; the token is for {tokenEmail}. Disconnect first only if that time has reached its server. Nothing was changed.',
  'refusal.sync.issueSettled': 'That issue is already settled.',
  'refusal.sync.noServerCopy': 'The server has no copy of this to put yours on top of; fix the row or discard your change.',
  // Reading back what was just saved (src/main/work/work-service.ts).
  'refusal.workItemReadBack': 'The work item could not be read back.',
  'refusal.activityTypeReadBack': 'The activity type could not be read back.',
  // Reports, month views and contract usage (src/shared/reports): `summary` is the request's problems as the schema words them (English).
  'refusal.report.notRun': 'The report was not run. {summary}',
  'refusal.report.localGrouping':
    'The report cannot be grouped by {by, select, user {person} other {team}} here: this device holds only your own time, so reports by person or team come from the team server. Group it by something else.',
  'refusal.report.localFilter':
    'The report cannot be filtered by {by, select, user {person} other {team}} here: this device holds only your own time, so reports by person or team come from the team server. Leave that filter out.',
  'refusal.report.peopleOutside':
    '{count, plural, one {One of the people chosen is} other {# of the people chosen are}} not among those whose time you may see; nothing was {what, select, exported {exported} other {reported}}. Choose from your own time and the teams you approve.',
  'refusal.report.tooManyRows':
    'This report would have more than {max, number} rows, too many to show. Group it by fewer things, filter it, or choose a shorter range; the export of raw entries has no such limit.',
  'refusal.monthView.notAnObject': 'The month view was not made. A month view request is an object with month and view, such as {example}.',
  'refusal.monthView.notMade': 'The month view was not made. {summary}',
  'refusal.contractUsage.notWorkedOut': 'Contract usage was not worked out. {summary}',
  // CSV exports (src/main/reports/exporter.ts).
  'refusal.export.cannotSave': 'This Stint cannot save files, so nothing was exported.',
  'refusal.export.teamNone':
    'The team’s time comes from the team server, and none is connected: connect one in Settings → Team server, or export your own time. Nothing was exported.',
  'refusal.export.teamSignedOut':
    'The team’s time comes from the team server, and this device is not signed in to it: paste the device token in Settings → Team server. Nothing was exported.',
  'refusal.export.entriesLocalFilter':
    'The entries cannot be filtered by {by, select, user {person} other {team}} here: this device holds only your own time; export the team’s entries from the team server. Nothing was exported.',
  'refusal.notExported': '{refusal} Nothing was exported.',
  // Writing an export file (src/main/reports/csv-export.ts): `file` is csv, xlsx or pdf, by the file's extension; `detail` is the system's words for a failure not named here.
  'refusal.export.stopped':
    '{file, select, pdf {The PDF could not be written} xlsx {The Excel export stopped after {rows, plural, one {# row} other {# rows}}} other {The CSV export stopped after {rows, plural, one {# row} other {# rows}}}} because {why, select, cancelled {the export was cancelled} diskFull {the disk holding {folder} is full} readOnly {{folder} is on a read-only disk} noPermission {Stint may not write in {folder}} noFolder {the folder {folder} does not exist} isFolder {{path} is a folder} other {{detail}}}. Nothing was written to {path}.{fileKept, select, yes { The file already at {path} was left as it was.} other {}}{why, select, diskFull { Free some space on that disk or choose another folder.} readOnly { Choose another folder.} noPermission { Choose another folder.} noFolder { Choose a folder that exists.} isFolder { Choose a file name.} other {}}',
  // A disk that takes no writes (src/main/files/storage-errors.ts): `place` is a folder, or one of refusal.storage.place.*; `doing` and `kept` name their parts below.
  'refusal.storage.diskFull': 'The disk holding {place} is full, so Stint could not {doing}. {kept} Free some space on that disk and try again.',
  'refusal.storage.readOnly': '{place} is on a read-only disk, so Stint could not {doing}. {kept} Make it writable (or choose another folder) and try again.',
  'refusal.storage.noPermission': 'Stint is not allowed to write in {place}, so it could not {doing}. {kept} Give your user write access to it and try again.',
  'refusal.storage.place.dataFolder': 'Stint’s data folder',
  'refusal.storage.doing.start': 'start',
  'refusal.storage.doing.saveChange': 'save this change',
  'refusal.storage.doing.saveSettings': 'save your settings',
  'refusal.storage.doing.saveToken': 'save the team server token',
  'refusal.storage.doing.openDatabase': 'open its database',
  'refusal.storage.doing.createDatabase': 'create its database',
  'refusal.storage.doing.upgradeDatabase': 'bring its database up to this version',
  'refusal.storage.kept.nothingLost': 'Nothing was lost.',
  'refusal.storage.kept.savedBefore': 'Nothing was lost: everything saved before is still there.',
  'refusal.storage.kept.settings': 'Your settings are as they were.',
  'refusal.storage.kept.token': 'The token saved before is as it was.',
  'refusal.storage.kept.file': 'The file was left exactly as it was.',
  // Stint's database file, checked before it is used and read through later (src/main/db): `detail` is SQLite's or the system's words.
  'refusal.file.notSqlite': '{file} is not a SQLite database, so Stint cannot open it. The file was left exactly as it was. Move it away or choose another data folder.',
  'refusal.file.notStint':
    '{file} is a SQLite database of another program, not Stint\'s{listed, select, yes { (its tables: {tables}{more, plural, =0 {} other { and # more}})} other {}}. The file was left exactly as it was. Move it away or choose another data folder.',
  'refusal.file.newer':
    'The Stint database {file} was written by a newer Stint (schema {version}; this version knows up to {latest}). The file was left exactly as it was. Install the newer Stint to use it.',
  'refusal.file.corrupt': 'The Stint database {file} is damaged ({detail}). The file was left exactly as it was. Restore a backup or keep the file for recovery.',
  'refusal.file.noPrivateCopy': 'Stint could not look inside {file} without changing it: a private copy in {folder} failed ({detail}). The file was left exactly as it was.',
  'refusal.file.unreadable': 'Stint could not read {file}: {detail}. {kept}',
  'refusal.file.damagedWhileOpen':
    'The Stint database {file} is damaged ({detail}). What you add now may not be kept: quit Stint, keep a copy of the file for recovery, and restore a backup.',
  // The call wrapper (src/main/api/invoke.ts): a call this build does not have, and a failure nobody expected (the log has it).
  'refusal.unknownCall': 'There is no call named "{call}".',
  'refusal.internal': 'Stint could not complete {call}. Nothing was lost; the details are in the log.',
  // The rules of organisation data (src/shared/org-data.ts): sentences without their end, each path adds its own.
  'refusal.referenceExists':
    '{reference} already exists ("{name}"); references that differ only in letter case or invisible characters are the same. Book on that one',
  'refusal.nameExists':
    '{kind, select, customer {A customer} contract {A contract} activityType {An activity type} other {A work item}} called "{name}" already exists; names that differ only in letter case, spacing, accents or invisible characters are the same name. Use that one',
  'refusal.contractsAdminOnly': 'Contracts and their included hours are set by your organisation’s admin on the team server',
  'refusal.activityTypesAdminOnly': 'Activity types, and which one is the default, are set by your organisation’s admin on the team server',
  'refusal.organisationAdminOnly': 'Only an admin puts a customer in an organisation (the group reports add customers up by)',
  'refusal.notKept': '{refusal}. Nothing was changed.',
  // The timesheet and its submission.
  'refusal.nothingToChange': 'There is nothing to change.',
  'refusal.rowInPeriod': 'That row is already in this period.',
  'refusal.nothingToWithdraw': 'Without a team server a submitted period is approved at once, so there is nothing to withdraw. Reopen it to change it.',
  'refusal.reopenOnServer': 'With a team server, only an administrator can reopen a period, on the server.',
  // The life of a period (src/shared/period-workflow.ts).
  'refusal.flow.submitOwnerOnly': 'Only the person whose time it is can submit a period.',
  'refusal.flow.alreadySubmitted': 'This period is already submitted and waiting for approval.',
  'refusal.flow.alreadyApproved': 'This period is already approved.',
  'refusal.flow.withdrawOwnerOnly': 'Only the person who submitted a period can withdraw it.',
  'refusal.flow.withdrawSubmittedOnly': 'Only a submitted period can be withdrawn; this one is {status, select, open {open} submitted {submitted} approved {approved} rejected {rejected} other {{status}}}.',
  'refusal.flow.withdrawAfterLevel1': 'The first approver has already approved this period, so it can no longer be withdrawn. Ask an approver to reject it.',
  'refusal.flow.decideSubmittedOnly':
    'Only a submitted period can be {action, select, approve {approved} other {rejected}}; this one is {status, select, open {open} submitted {submitted} approved {approved} rejected {rejected} other {{status}}}.',
  'refusal.flow.notOwnTime': 'Nobody approves or rejects their own time; another approver of the team has to.',
  'refusal.flow.notApproverAtLevel': 'This period waits for a level {level} approver of its team, and you are not one.',
  'refusal.flow.twoLevelsTwoPeople': 'You approved this period at level 1; nobody approves the same period at two levels, so another level 2 approver has to.',
  'refusal.flow.reasonRequired': 'A reason is required, so the person knows what to fix.',
  'refusal.flow.reasonTooLong': 'A reason can be at most {max} characters (this one has {length}).',
  'refusal.flow.reopenAdminOnly': 'Only an administrator can reopen a period.',
  'refusal.flow.reopenLockedOnly': 'Only a submitted or approved period can be reopened; this one is {status, select, open {open} submitted {submitted} approved {approved} rejected {rejected} other {{status}}}.',
  'refusal.flowNotKept': '{refusal} Nothing was changed.',
  // The team server's refusals that reach the desktop (src/server).
  'refusal.server.refused': 'The team server refused: {refusal}',
  'refusal.server.refusedRequest': 'The team server refused the request: {refusal}',
  'refusal.server.needsRole': 'This needs {needed, select, admin {the admin role} approver {the approver role} member {the member role} other {one of the roles {needed}}}; you are a {role, select, admin {admin} approver {approver} member {member} other {{role}}}. Nothing was changed.',
  'refusal.server.periodNotVisible':
    'There is no period with this id that you can see: it does not exist, or it is neither yours nor waiting for your approval.',
  // The first line above zod's (English) list of what was wrong with a request.
  'refusal.requestRefused': '{call} was refused, nothing was changed. {summary}',
  // The team server's answer to each synced change and each approval decision (src/server/sync,
  // src/server/org/authority.ts, src/server/periods). Their English is the `reason`/`message`
  // older devices and API clients read, word for word: the days it names stay ISO days there
  // (`iso…Day` values) and hours have two decimals. The decision.* ones say what was done.
  'refusal.sync.notApplied': '{refusal}. This change was not applied.',
  'refusal.sync.otherPersonsEntry': 'That entry belongs to someone else; nothing was changed.',
  'refusal.sync.entryChangedElsewhere': 'This entry was changed elsewhere (another device, or an approval) after this change was made. Pick the version to keep.',
  'refusal.sync.entryNoCopy': 'The server has no copy of this entry any more.',
  'refusal.sync.changedOnServer': 'This was changed on the server after your change was made. Pick the version to keep.',
  'refusal.sync.noCopy': 'The server has no copy of this any more.',
  'refusal.sync.entryWorkItemMissing':
    'This entry is booked on a work item the server does not have (yet). Sync again; if it stays, book the time on another item. This change was not applied.',
  'refusal.sync.entryActivityTypeMissing':
    "This entry's activity type is one the server does not have (yet). Sync again; if it stays, link it to another one. This change was not applied.",
  'refusal.sync.contractCustomerMissing':
    'This contract belongs to a customer the server does not have (yet). Sync again; if it stays, link it to another one. This change was not applied.',
  'refusal.sync.workItemCustomerMissing':
    "This work item's customer is one the server does not have (yet). Sync again; if it stays, link it to another one. This change was not applied.",
  'refusal.sync.workItemContractMissing':
    "This work item's contract is one the server does not have (yet). Sync again; if it stays, link it to another one. This change was not applied.",
  'refusal.sync.entryVoided': 'An administrator voided this entry; it can no longer be changed.',
  'refusal.sync.periodSubmitted':
    'The period {isoStartDay} – {isoEndDay} is submitted for approval, so its time is locked; withdraw the submission to change it. This change was not applied.',
  'refusal.sync.periodApproved': 'The period {isoStartDay} – {isoEndDay} is approved and locked; an administrator can reopen it. This change was not applied.',
  'refusal.sync.dayOver24h': 'A day has at most 24 hours: {isoDay} would have {hours, number, ::.00 group-off} h. This change was not applied.',
  'refusal.sync.storeRefused':
    'The team server could not store this change (its database refused it; the details are in the server log). This change was not applied; the rest of the push was.',
  'refusal.sync.changeIdTaken': 'This change id was already used by someone else; nothing was changed.',
  'refusal.sync.changeIdTwice':
    'This change id was already used by an earlier change in this push, and an id names one change: this one was not applied. Send it again with an id of its own.',
  'refusal.sync.noAnswer': 'The team server did not work out an answer to this change. This change was not applied; send it again.',
  'refusal.sync.otherPeriodRule': "The organisation's period for {isoDay} runs {isoStartDay} – {isoEndDay}; this device used another period rule. Sync again, then submit.",
  // An entry change's timer runs the server cannot take (src/shared/sync-runs.ts): that change alone is refused.
  'refusal.sync.runsUnreadable':
    "This entry's runs cannot be read: each run needs its start and end (whole milliseconds since 1970, not negative), its time zone and whether it was the primary timer. This change was not applied.",
  'refusal.sync.runsTooMany': 'An entry has at most {max} runs; this one has {count}. This change was not applied.',
  'refusal.sync.runEndsBeforeStart': 'Run {number} of this entry ends before it starts. This change was not applied.',
  'refusal.sync.runZoneUnknown': 'The time zone "{zone}" of this entry\'s runs is not one the team server knows (it takes IANA names such as Europe/Berlin). This change was not applied.',
  'refusal.sync.runsStartTogether': 'Run {number} of this entry starts at the same instant as an earlier one. This change was not applied.',
  // Who may change organisation data (authority.ts): sentences without their end, as above.
  // The desktop's own: a change the server failed on again and again, set aside (src/main/sync/pusher.ts).
  'refusal.sync.setAside':
    'The team server could not take this change (HTTP {status}: {said}). It was set aside so that your other changes could sync: fix it and it is sent again, send it again as it is, or discard it.',
  'refusal.sync.notTheirs':
    'This {kind, select, customer {customer} contract {contract} activityType {activity type} other {work item}} was made by an admin or by someone else, so only an admin can change it',
  'refusal.sync.takenOver':
    'An admin has taken this {kind, select, customer {customer} contract {contract} activityType {activity type} other {work item}} over (renamed, merged or deactivated it), so only an admin can change it now',
  'refusal.sync.contractOfOtherCustomer': "The contract \"{name}\" belongs to another customer than this work item's",
  'refusal.sync.tooManyHours': 'A contract includes at most {max} hours; this one asks for {asked}',
  // A submission nobody could approve (src/server/periods/approval-path.ts).
  'refusal.path.noTeam':
    'You are in no team on the team server, so no one could approve this timesheet. Ask your Stint admin to put you in a team (`team member add`), then submit again.',
  'refusal.path.noLevel1':
    'No one but you approves level 1 of {teams}, so no one could approve this timesheet. Ask your Stint admin to name a level 1 approver (`team approvers`), then submit again.',
  'refusal.path.noLevel2':
    'No one but you approves level 2 of {teams}, so no one could finish approving this timesheet. Ask your Stint admin to name a level 2 approver (`team approvers`), then submit again.',
  'refusal.path.sameApprover':
    'The same person is the only approver at both levels of {teams}, and nobody approves one timesheet twice. Ask your Stint admin to name another approver (`team approvers`), then submit again.',
  // Ticket write-back set up by an admin (src/server/writeback): API and command line.
  'refusal.ticket.noSecretKey': 'This server has no secret key for ticket-system credentials; start it with --data-dir or STINT_SERVER_SECRET_KEY. Nothing was changed.',
  'refusal.ticket.badSecretKey': '{where} must hold a 32-byte key as 64 hex digits or base64 (for example `openssl rand -hex 32`). Nothing was changed.',
  'refusal.ticket.credentialsUnreadable': "The stored credentials of this ticket system cannot be read with this server's key ({variable} or {file} differs from the one they were saved with). Enter them again.",
  'refusal.ticket.systemMissing': 'There is no ticket system "{name}"; `ticket-system list` shows them. Nothing was changed.',
  'refusal.ticket.nameTaken': 'There is already a ticket system named "{name}". Nothing was changed.',
  'refusal.ticket.systemInUse': '{name} has write-back records, so it stays; switch it off instead (active: false). Nothing was changed.',
  'refusal.ticket.activityTypeMissing': 'There is no activity type "{name}". Nothing was changed.',
  'refusal.extension.noSetUp': 'This Stint cannot set up a browser for its extension.',
  'refusal.extension.setUpFailed': 'Stint could not set up {browser, select, chrome {Google Chrome} firefox {Firefox} other {Chromium}} for its extension: {reason}',
  'refusal.ticket.notWrittenYet': 'This entry’s time is not written to its ticket (yet), so there is nothing to open.',
  'refusal.ticket.badWrittenLink': 'The team server’s link to this time in {system} is not an http(s) address, so Stint does not open it.',
  // Write-back from the desktop for a standalone technician (src/main/ticket-writes).
  'refusal.ticket.badSettings': 'The ticket system’s settings are incomplete or wrong ({fields}). Nothing was changed.',
  'refusal.ticket.serverWrites': 'With a team server connected, the team server writes time back to tickets, not this device. Nothing was changed.',
  'refusal.ticket.localSystemMissing': 'This ticket system is no longer set up here. Nothing was changed.',
  // Importing another tracker's CSV export (src/main/import).
  'refusal.import.tooLarge': 'The file is larger than {mb} MB. Export a shorter span and import it in parts. Nothing was changed.',
  'refusal.import.empty': 'The file has no rows to import. Nothing was changed.',
  'refusal.import.notCsv': 'The file cannot be read as CSV (line {line}: a quote is not closed, or the line is broken). Nothing was changed.',
  'refusal.import.unknownSource':
    'Stint does not recognise the columns of this file as a detailed report of Toggl Track, Clockify or Harvest, or a Kimai timesheet export. Choose its source, or export the file again with all columns. Nothing was changed.',
  'refusal.import.columnsMissing': 'This file lacks columns that a {source} export has: {columns}. Nothing was changed.',
  'refusal.import.badDay': 'Line {line}, column "{column}": "{value}" is not a date.',
  'refusal.import.badTime': 'Line {line}, column "{column}": "{value}" is not a time of day.',
  'refusal.import.badDuration': 'Line {line}, column "{column}": "{value}" is not a duration.',
  'refusal.import.badFlag': 'Line {line}, column "{column}": "{value}" is neither yes nor no.',
  'refusal.import.noDuration': 'Line {line}, column "{column}": the row has neither a duration nor a start and an end.',
  'refusal.import.endBeforeStart': 'Line {line}, column "{column}": the row ends before it starts.',
  'refusal.import.tooLong': 'Line {line}, column "{column}": a row must have more than zero and at most 24 hours.',
  'refusal.import.textTooLong': 'Line {line}, column "{column}": the text is longer than 2000 characters.',
  'refusal.import.clockSkips': 'Line {line}, column "{column}": {value} is not a time on the clock on {day} here (the clocks skip it).',
  'refusal.import.locked': 'Line {line}: {day} is in a locked period, and nothing is ever booked there. {lock}',
  'refusal.import.dayFull': 'Line {line}: {day} would have more than 24 hours with this row ({totalSeconds}); it is not booked.',
  'refusal.import.duplicate': 'Line {line}: Stint already has this entry on {day} (same work item and description, same start or duration).',
  'refusal.import.importedBefore': 'Line {line}: imported from this file before; it is not booked again.',
  // Decisions on periods (src/server/periods/approvals.ts).
  'refusal.decision.voidAdminOnly': 'Only an administrator can void approved time.',
  'refusal.decision.voidApprovedOnly':
    'Only an approved period can be voided; this one is {status, select, open {open} submitted {submitted} approved {approved} rejected {rejected} other {{status}}}. To send a submitted period back, reject or reopen it.',
  'decision.approvedAtLevel1': "Approved {member}'s period {isoStartDay} – {isoEndDay} at level 1; it now waits for a level {level} approver.",
  'decision.approved': "Approved {member}'s period {isoStartDay} – {isoEndDay}.",
  'decision.rejected': "Rejected {member}'s period {isoStartDay} – {isoEndDay}; it went back to {member} with your reason.",
  'decision.reopened': "Reopened {member}'s period {isoStartDay} – {isoEndDay}; {member} can change the time and submit it again.",
  'decision.voided':
    "Voided {count, plural, one {1 approved entry} other {{count} approved entries}} ({hours, number, ::.00 group-off} h) of {member}'s period {isoStartDay} – {isoEndDay} and reopened it, so {member} can book the corrected time.",
  // Billing on the team server (src/server/billing).
  'refusal.billing.rateShape':
    '{scope, select, activity {An activity type’s own rate names one activity type and no customer or contract} customer {A customer’s rate names the customer} other {A contract’s rate names the contract}}. Nothing was changed.',
  'refusal.billing.rateTargetMissing':
    'There is no {scope, select, activity {activity type} customer {customer or activity type} other {contract or activity type}} “{id}”. Nothing was changed.',
  'refusal.billing.runMissing': 'There is no billing run “{id}”.',
  // Billing on the desktop (src/main/billing).
  'refusal.billing.unknownCurrency': '“{currency}” is not a currency code (ISO 4217, like EUR or USD). Nothing was changed.',
  'refusal.billing.negativeRate': 'An hourly rate cannot be negative. Nothing was changed.',
  'refusal.billing.rateTooLarge': 'That hourly rate is too large to bill exactly. Nothing was changed.',
  'refusal.billing.badMultiplier': 'A rate multiplier must be more than ×0 and at most ×10. Nothing was changed.',
  'refusal.billing.badHours': 'Working hours must start before they end, within one day. Nothing was changed.',
  'refusal.billing.unknownContract': 'One of the contracts given billing rules does not exist. Nothing was changed.',
  'refusal.billing.currencyWithRates':
    '{count, plural, one {1 rate is} other {# rates are}} stored in {oldCurrency}. Changing the currency to {currency} keeps each rate’s number without converting it; confirm that first. Nothing was changed.',
  'refusal.billing.currencyLosesDigits': 'The rate {amount} {oldCurrency} cannot keep its number in {currency}, which has fewer decimal places. Change that rate first. Nothing was changed.',
  'refusal.billing.holidayTwice': '{day} is listed twice as a public holiday. Nothing was changed.',
  'refusal.billing.rangeNotClosed': 'Only days that are over can be billed: {toDay} is not over yet. Choose a range that ends by {lastClosedDay}. Nothing was billed or saved.',
} as const
