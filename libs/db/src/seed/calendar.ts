// Seed data is placed around a fixed "today" rather than the real clock, so that every run, on
// every day, produces the same rows. Times are UTC; the clinic's day runs 08:00–17:00 with a
// lunch break at 12:00–13:00.

/** The seeded clinic's "now": a Wednesday, late morning, mid-clinic. */
export const ANCHOR_DATE = new Date('2025-03-12T11:00:00.000Z');

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const CLINIC_OPENS_HOUR = 8;
export const LUNCH_STARTS_HOUR = 12;
export const LUNCH_ENDS_HOUR = 13;
export const CLINIC_CLOSES_HOUR = 17;

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}

/** Midnight UTC of the date's day: what a `@db.Date` column stores. */
export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function atHour(day: Date, hour: number, minute = 0): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute));
}

/** Monday of the date's week. */
export function startOfWeek(date: Date): Date {
  const day = startOfDay(date);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return addDays(day, -sinceMonday);
}

export function isWeekday(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function sameDay(a: Date, b: Date): boolean {
  return startOfDay(a).getTime() === startOfDay(b).getTime();
}

/** Whole years between a birth date and a day: a patient's age on that day. */
export function ageOn(dateOfBirth: Date, day: Date): number {
  let age = day.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const beforeBirthday =
    day.getUTCMonth() < dateOfBirth.getUTCMonth() ||
    (day.getUTCMonth() === dateOfBirth.getUTCMonth() && day.getUTCDate() < dateOfBirth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function latest(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((date) => date.getTime())));
}

export function earliest(...dates: Date[]): Date {
  return new Date(Math.min(...dates.map((date) => date.getTime())));
}
