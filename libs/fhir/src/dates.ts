/** A calendar date column (UTC midnight) as a FHIR date. */
export function fhirDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** A moment as a FHIR instant (also a valid dateTime), always in UTC. */
export function fhirInstant(moment: Date): string {
  return moment.toISOString();
}

export function addMinutes(moment: Date, minutes: number): Date {
  return new Date(moment.getTime() + minutes * 60_000);
}
