import { addDays, addMinutes, atHour, earliest, HOUR, latest } from '../calendar.js';
import type { SeededRandom } from '../random.js';
import type { PatientProfile } from './patients.js';
import type { Slot } from './schedule.js';

/** A slot with its patient and the moment it was booked. */
export interface Booking extends Slot {
  patient: PatientProfile;
  bookedAt: Date;
}

export interface Attendance {
  bookings: Booking[];
  /** When each patient (by id) joined the clinic: their row's createdAt. */
  registeredAt: Map<string, Date>;
}

/** Patients booked per day, so nobody gets two visits on one day. */
class DayBook {
  private readonly byDay = new Map<string, Set<string>>();

  private patientsOn(date: Date): Set<string> {
    const day = date.toISOString().slice(0, 10);
    let patients = this.byDay.get(day);
    if (!patients) this.byDay.set(day, (patients = new Set()));
    return patients;
  }

  book(patient: PatientProfile, date: Date): void {
    this.patientsOn(date).add(patient.id);
  }

  freeOn(date: Date): (patient: PatientProfile) => boolean {
    const taken = this.patientsOn(date);
    return (patient) => !taken.has(patient.id);
  }
}

/** Booked the same morning for sick visits, days to weeks ahead otherwise; never after "now". */
function bookingTime(random: SeededRandom, slot: Slot, anchor: Date, notBefore: Date): Date {
  const ahead = slot.type === 'sick_visit' ? random.int(1, 5) * HOUR : random.int(1, 28) * 24 * HOUR + random.int(-3, 3) * HOUR;
  const bookedAt = earliest(new Date(slot.start.getTime() - ahead), addMinutes(anchor, -random.int(5, 600)));
  return latest(notBefore, bookedAt);
}

/**
 * Gives every slot a patient. A new-patient visit is that patient's first: they register just
 * before booking it and have no visit before it. Everyone else registered long before the
 * schedule starts. No patient is booked twice on one day.
 */
export function assignPatients(random: SeededRandom, slots: readonly Slot[], patients: readonly PatientProfile[], anchor: Date): Attendance {
  // At most half the patients are newcomers, so there are always established patients to book.
  const newcomers = random.shuffle(patients).slice(0, Math.floor(patients.length / 2));
  const newcomerBySlot = new Map<Slot, PatientProfile>();
  const firstVisit = new Map<string, Date>();
  for (const slot of slots) {
    if (slot.type !== 'new_patient' || newcomerBySlot.size >= newcomers.length) continue;
    const newcomer = newcomers[newcomerBySlot.size]!;
    newcomerBySlot.set(slot, newcomer);
    firstVisit.set(newcomer.id, slot.start);
  }

  const registeredAt = new Map<string, Date>();
  for (const patient of patients) {
    if (firstVisit.has(patient.id)) continue;
    registeredAt.set(patient.id, addMinutes(addDays(atHour(anchor, 9), -random.int(120, 2400)), random.int(0, 7 * 60)));
  }

  const dayBook = new DayBook();
  const bookings: Booking[] = [];
  for (const slot of slots) {
    const newcomer = newcomerBySlot.get(slot);
    if (newcomer) {
      const bookedAt = bookingTime(random, slot, anchor, new Date(0));
      registeredAt.set(newcomer.id, addMinutes(bookedAt, -random.int(2, 20)));
      dayBook.book(newcomer, slot.start);
      bookings.push({ ...slot, patient: newcomer, bookedAt });
      continue;
    }
    const free = dayBook.freeOn(slot.start);
    const eligible = patients.filter((patient) => {
      const first = firstVisit.get(patient.id);
      return (!first || first < slot.start) && free(patient);
    });
    // Follow-ups are mostly for the chronically ill; other visits are anyone's.
    const chronic = eligible.filter((patient) => patient.conditions.length > 0);
    const patient = random.pick(slot.type === 'follow_up' && chronic.length > 0 && random.chance(0.7) ? chronic : eligible);
    dayBook.book(patient, slot.start);
    // More new-patient slots than newcomers (tiny tiers): the extra ones become check-ups.
    const type = slot.type === 'new_patient' ? 'routine_checkup' : slot.type;
    const bookedAt = bookingTime(random, slot, anchor, addMinutes(registeredAt.get(patient.id)!, 1));
    bookings.push({ ...slot, type, patient, bookedAt });
  }
  return { bookings, registeredAt };
}
