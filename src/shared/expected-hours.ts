// What a day expects of a person, as of today: its weekday's hours once the day has
// begun, nothing before then. The one home of that rule: "of expected" in reports and
// the submit summary both call it, so a month read on the 3rd is not 90 % short and
// Friday is not "a working day with no time" on Thursday.

/**
 * Expected seconds of `day` for one person: its `planned` seconds (the settings' hours
 * for its weekday) on days up to and including `today`, 0 after it. Without a `today`
 * every day counts (a range read with no clock, such as the team server's).
 */
export function expectedSecondsOn(day: string, planned: number, today: string | undefined): number {
  return today !== undefined && day > today ? 0 : planned
}
