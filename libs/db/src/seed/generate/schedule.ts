import type { AppointmentStatus, AppointmentType } from '../../generated/prisma/client.js';
import {
  addDays,
  addMinutes,
  atHour,
  CLINIC_CLOSES_HOUR,
  CLINIC_OPENS_HOUR,
  isWeekday,
  LUNCH_ENDS_HOUR,
  LUNCH_STARTS_HOUR,
  MINUTE,
  sameDay,
  startOfWeek,
} from '../calendar.js';
import type { SeededRandom, Weighted } from '../random.js';

/** A booked slot in one clinician's diary. */
export interface Slot {
  providerKey: string;
  start: Date;
  end: Date;
  durationMinutes: number;
  type: AppointmentType;
  status: AppointmentStatus;
}

export interface ScheduleOptions {
  clinicianKeys: readonly string[];
  anchor: Date;
  weeksBefore: number;
  weeksAfter: number;
  appointmentCount: number;
}

const VISIT_TYPES: Weighted<AppointmentType> = [
  ['follow_up', 30],
  ['sick_visit', 24],
  ['routine_checkup', 18],
  ['telehealth', 16],
  ['new_patient', 7],
];

const DURATIONS: Record<AppointmentType, Weighted<number>> = {
  new_patient: [[60, 1]],
  routine_checkup: [[45, 2], [30, 1]],
  follow_up: [[30, 4], [15, 1]],
  sick_visit: [[30, 3], [15, 1]],
  telehealth: [[15, 1], [30, 1]],
};

/**
 * Walks each clinician's day from opening to closing, placing visits back to back with the odd
 * free quarter-hour. Slots never overlap within a diary, so no clinician is double-booked
 * whatever status a visit ends up with (a later migration enforces this for active visits).
 * "Today" is booked solid so that some visit is under way at the anchor time.
 */
function diaryFor(random: SeededRandom, providerKey: string, day: Date, anchor: Date): Omit<Slot, 'status'>[] {
  const today = sameDay(day, anchor);
  const lunch = atHour(day, LUNCH_STARTS_HOUR);
  const closing = atHour(day, CLINIC_CLOSES_HOUR);
  const slots: Omit<Slot, 'status'>[] = [];
  let cursor = atHour(day, CLINIC_OPENS_HOUR);
  while (cursor < closing) {
    if (!today && random.chance(0.12)) {
      cursor = addMinutes(cursor, 15);
      continue;
    }
    const type = random.weighted(VISIT_TYPES);
    const durationMinutes = random.weighted(DURATIONS[type]);
    const end = addMinutes(cursor, durationMinutes);
    if (cursor < lunch && end > lunch) {
      cursor = atHour(day, LUNCH_ENDS_HOUR);
      continue;
    }
    if (end > closing) break;
    slots.push({ providerKey, start: cursor, end, durationMinutes, type });
    cursor = end;
  }
  return slots;
}

/**
 * Status follows from where the slot sits relative to "now": the past is completed, missed or
 * cancelled; the slot under way is in progress; the next one's patient is in the waiting room;
 * the future is booked (or cancelled ahead of time).
 */
function statusAt(random: SeededRandom, slot: Omit<Slot, 'status'>, anchor: Date): AppointmentStatus {
  if (slot.end <= anchor) {
    return random.weighted<AppointmentStatus>([
      ['completed', 80],
      ['no_show', 8],
      ['cancelled', 12],
    ]);
  }
  if (slot.start <= anchor) return 'in_progress';
  if (slot.start.getTime() - anchor.getTime() <= 45 * MINUTE) return 'checked_in';
  return random.weighted<AppointmentStatus>([
    ['scheduled', 88],
    ['cancelled', 12],
  ]);
}

/**
 * Exactly `appointmentCount` slots, in time order. The diaries offer more slots than needed; a
 * random subset is kept, except around "now", which is always kept so the in-progress and
 * checked-in states exist.
 */
export function planSchedule(random: SeededRandom, options: ScheduleOptions): Slot[] {
  const { anchor } = options;
  const firstDay = addDays(startOfWeek(anchor), -7 * options.weeksBefore);
  const lastDay = addDays(startOfWeek(anchor), 7 * options.weeksAfter + 5);
  const offered: Omit<Slot, 'status'>[] = [];
  for (let day = firstDay; day < lastDay; day = addDays(day, 1)) {
    if (!isWeekday(day)) continue;
    for (const providerKey of options.clinicianKeys) offered.push(...diaryFor(random, providerKey, day, anchor));
  }
  if (offered.length < options.appointmentCount) {
    throw new Error(`the schedule offers ${offered.length} slots for ${options.appointmentCount} appointments: widen the window`);
  }

  const aroundNow = (slot: Omit<Slot, 'status'>) => slot.end > anchor && slot.start.getTime() - anchor.getTime() <= 45 * MINUTE;
  const kept = offered
    .map((slot) => ({ slot, priority: aroundNow(slot) ? -1 : random.next() }))
    .sort((a, b) => a.priority - b.priority)
    .slice(0, options.appointmentCount)
    .map(({ slot }) => slot)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.providerKey.localeCompare(b.providerKey));
  return kept.map((slot) => ({ ...slot, status: statusAt(random, slot, anchor) }));
}
