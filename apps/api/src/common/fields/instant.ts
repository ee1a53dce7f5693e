import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy } from 'class-validator';

// Appointment times are instants. The API takes them as ISO 8601 date-times with an explicit
// offset ("2026-12-01T09:30:00Z", "2026-12-01T10:30:00+01:00"): a time without one would mean
// whatever the server's zone is, which a client cannot know.

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

// PostgreSQL has no year 0 (JavaScript's 0000 is 1 BC), and four digits is what the API speaks.
const EARLIEST = new Date('0001-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

/** True for an instant PostgreSQL's timestamp columns hold and the API can write back as four-digit years. */
export function isStorableInstant(instant: Date): boolean {
  const time = instant.getTime();
  return !Number.isNaN(time) && time >= EARLIEST && time <= LATEST;
}

/** The instant an ISO 8601 date-time names, or undefined (no offset, 2026-02-30, 25:00, year 0 …). */
export function parseInstant(text: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1);
  const instant = new Date(text);
  if (!isStorableInstant(instant)) return undefined;
  // Date accepts 2026-02-30 by rolling it into March: the fields must name a real calendar moment.
  const fields = new Date(0);
  fields.setUTCFullYear(+year, +month - 1, +day);
  fields.setUTCHours(+hour, +minute, +second);
  const real = fields.getUTCFullYear() === +year && fields.getUTCMonth() === +month - 1 && fields.getUTCDate() === +day && +hour < 24 && +minute < 60 && +second < 60;
  return real ? instant : undefined;
}

/** An instant that validation has already accepted. */
export function instant(text: string): Date {
  const parsed = parseInstant(text);
  if (!parsed) throw new Error(`not a validated instant: ${JSON.stringify(text)}`);
  return parsed;
}

const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseInstant(value) !== undefined,
      defaultMessage: (args) => `${args?.property} must be an ISO 8601 date-time with an offset, such as 2026-12-01T09:30:00Z`,
    },
  });

export const Instant = () => applyDecorators(IsString(), IsInstant());
