import { SearchProblem } from './values.js';

/** Moments from `from` (inclusive) to `before` (exclusive); either end may be open. */
export interface DateRange {
  from?: Date;
  before?: Date;
}

export type DatePrefix = 'eq' | 'ge' | 'le';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

function calendarDay(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/**
 * The span a FHIR date value covers at its precision: `2024` is the year, `2024-03` the month,
 * `2024-03-05` the day (UTC: the chart's calendar dates are UTC days), an instant with a time zone
 * that minute, second or millisecond.
 */
export function dateSpan(name: string, value: string, options: { allowTime: boolean }): Required<DateRange> {
  const invalid = () =>
    new SearchProblem(
      `${name}: a date is YYYY, YYYY-MM or YYYY-MM-DD${options.allowTime ? ', or YYYY-MM-DDThh:mm[:ss[.sss]] with Z or ±hh:mm (send + as %2B)' : ''}, after an optional prefix ge, le or eq`,
    );
  const date = DATE.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), date[2] ? Number(date[2]) : undefined, date[3] ? Number(date[3]) : undefined];
    const start = calendarDay(year, month ?? 1, day ?? 1);
    if (!start || year < 1) throw invalid();
    const end = new Date(start);
    if (day !== undefined) end.setUTCDate(end.getUTCDate() + 1);
    else if (month !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
    else end.setUTCFullYear(end.getUTCFullYear() + 1);
    return { from: start, before: end };
  }
  const moment = options.allowTime ? DATE_TIME.exec(value) : null;
  if (!moment) throw invalid();
  const [, year, month, day, hour, minute, second, fraction, zone] = moment;
  const [zoneHours, zoneMinutes] = zone === 'Z' ? [0, 0] : [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
  if (!calendarDay(Number(year), Number(month), Number(day)) || Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) throw invalid();
  if (zoneHours > 14 || zoneMinutes > 59) throw invalid();
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) throw invalid();
  const step = fraction !== undefined ? 10 ** (3 - fraction.length) : second !== undefined ? 1000 : 60_000;
  return { from: start, before: new Date(start.getTime() + step) };
}

/**
 * A date parameter: one value (`eq` by default, or `ge`/`le`), or two making a range (one `ge`,
 * one `le`): the one case where a parameter may repeat. Other prefixes are refused.
 */
export function dateRange(name: string, values: readonly string[], options: { allowTime: boolean }): DateRange {
  const bounds = values.map((raw) => {
    // A '+' sent unencoded arrives as a space: in a time zone offset it can only have been a '+'.
    const value = raw.replace(/ (\d{2}:\d{2})$/, '+$1');
    const prefix = /^[a-z]{2}/.exec(value)?.[0];
    if (prefix !== undefined && !['eq', 'ge', 'le'].includes(prefix)) throw new SearchProblem(`${name}: the prefixes supported are ge, le and eq`);
    return { prefix: (prefix ?? 'eq') as DatePrefix, span: dateSpan(name, prefix ? value.slice(2) : value, options) };
  });
  if (bounds.length === 1) {
    const [{ prefix, span }] = bounds;
    return prefix === 'eq' ? span : prefix === 'ge' ? { from: span.from } : { before: span.before };
  }
  const lower = bounds.filter((bound) => bound.prefix === 'ge');
  const upper = bounds.filter((bound) => bound.prefix === 'le');
  if (bounds.length !== 2 || lower.length !== 1 || upper.length !== 1) {
    throw new SearchProblem(`${name}: repeat it only for a range, once with ge and once with le`);
  }
  return { from: lower[0].span.from, before: upper[0].span.before };
}

/** A range no moment can fall in (ge after le): the search matches nothing. */
export function isEmptyRange(range: DateRange): boolean {
  return range.from !== undefined && range.before !== undefined && range.from >= range.before;
}
