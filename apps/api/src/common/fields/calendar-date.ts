import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy } from 'class-validator';

// Dates of birth, allergy onsets and diagnoses are calendar days (DATE columns), not instants:
// the API speaks them as YYYY-MM-DD and the code holds them as Dates at UTC midnight, which is
// how Prisma reads and writes @db.Date.

const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day a YYYY-MM-DD names, or undefined when it names none (2023-02-30, 2023-13-01). */
export function parseCalendarDate(text: string): Date | undefined {
  const match = YYYY_MM_DD.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over into March; a real day survives the round trip.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** The day of a YYYY-MM-DD that validation has already accepted. */
export function calendarDay(text: string): Date {
  const day = parseCalendarDate(text);
  if (!day) throw new Error(`not a validated calendar date: ${JSON.stringify(text)}`);
  return day;
}

export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The latest day it is anywhere on Earth (UTC+14). A clinic east of UTC lives ahead of the
 * server's UTC day; "not in the future" must not refuse a baby born there this morning.
 */
export function latestToday(now = new Date()): string {
  return formatCalendarDate(new Date(now.getTime() + 14 * 60 * 60 * 1000));
}

const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseCalendarDate(value) !== undefined,
      defaultMessage: (args) => `${args?.property} must be a real date written YYYY-MM-DD`,
    },
  });

const NotInFuture = () =>
  ValidateBy({
    name: 'notInFuture',
    validator: {
      // YYYY-MM-DD strings sort as the days they name.
      validate: (value: unknown) => typeof value !== 'string' || value <= latestToday(),
      defaultMessage: (args) => `${args?.property} must not be in the future`,
    },
  });

const NotBefore = (earliest: string) =>
  ValidateBy({
    name: 'notBefore',
    constraints: [earliest],
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || value >= earliest,
      defaultMessage: (args) => `${args?.property} must not be before ${earliest}`,
    },
  });

/** A YYYY-MM-DD day that has already begun somewhere, and (if given) not before `earliest`. */
export const PastCalendarDate = (earliest = '1900-01-01') =>
  applyDecorators(IsString(), IsCalendarDate(), NotInFuture(), NotBefore(earliest));

/** `?dateOfBirth=` and other exact-day filters: any real day. */
export const CalendarDate = () => applyDecorators(IsString(), IsCalendarDate());
