import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy } from 'class-validator';

// Appointment times are instants. The API takes them as ISO 8601 date-times with an explicit
// offset ("2026-12-01T09:30:00Z", "2026-12-01T10:30:00+01:00"): a time without one would mean
// whatever the server's zone is, which a client cannot know.

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The instant an ISO 8601 date-time names, or undefined (no offset, 2026-02-30, 25:00 …). */
export function parseInstant(text: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1);
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return undefined;
  // Date accepts 2026-02-30 by rolling it into March: the fields must name a real calendar moment.
  const fields = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
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
