import type { AppointmentStatus, Prisma } from '../../generated/prisma/client.js';
import { addMinutes, ageOn, earliest, latest } from '../calendar.js';
import type { ClinicDataset } from '../dataset.js';
import { seedIdsFor } from '../ids.js';
import { SeededRandom } from '../random.js';
import { assignPatients, type Booking } from './attendance.js';
import { createPatientProfiles, patientChartRows } from './patients.js';
import { planSchedule } from './schedule.js';
import { chartVisit, chooseScenario, reasonForVisit } from './visits.js';

/** The shape of a synthetic clinic: who works there, how many patients, how busy. */
export interface ClinicPlan {
  /** Part of every row id, so tiers never collide. */
  tier: string;
  /** The PRNG seed: change it and every generated value changes. */
  seed: number;
  anchor: Date;
  /** Clinicians who see patients: diary key and provider id. */
  clinicians: readonly { key: string; providerId: string }[];
  patientCount: number;
  appointmentCount: number;
  weeksBefore: number;
  weeksAfter: number;
}

/** When the appointment row last changed: the moment its status was set. */
function statusChangedAt(random: SeededRandom, booking: Booking, anchor: Date): Date {
  const byStatus: Record<AppointmentStatus, () => Date> = {
    scheduled: () => booking.bookedAt,
    checked_in: () => latest(booking.bookedAt, addMinutes(anchor, -random.int(3, 20))),
    in_progress: () => booking.start,
    completed: () => booking.end,
    no_show: () => addMinutes(booking.start, 15),
    cancelled: () => {
      const until = earliest(booking.start, anchor).getTime();
      return new Date(booking.bookedAt.getTime() + Math.floor(random.next() * (until - booking.bookedAt.getTime())));
    },
  };
  return byStatus[booking.status]();
}

/** Every row of a synthetic clinic, the same for the same plan. Touches no database. */
export function buildClinicDataset(plan: ClinicPlan): ClinicDataset {
  const ids = seedIdsFor(plan.tier);
  const stream = (label: string) => new SeededRandom(plan.seed, label);
  const providerIds = new Map(plan.clinicians.map((clinician) => [clinician.key, clinician.providerId]));

  const profiles = createPatientProfiles(stream('patients'), plan.patientCount, ids, plan.anchor);
  const slots = planSchedule(stream('schedule'), {
    clinicianKeys: plan.clinicians.map((clinician) => clinician.key),
    anchor: plan.anchor,
    weeksBefore: plan.weeksBefore,
    weeksAfter: plan.weeksAfter,
    appointmentCount: plan.appointmentCount,
  });
  const { bookings, registeredAt } = assignPatients(stream('attendance'), slots, profiles, plan.anchor);

  const dataset: ClinicDataset = {
    patients: [],
    allergies: [],
    chronicConditions: [],
    appointments: [],
    medicalRecords: [],
    vitalSigns: [],
    symptoms: [],
    prescriptions: [],
  };
  for (const profile of profiles) {
    const chart = patientChartRows(profile, registeredAt.get(profile.id)!, ids);
    dataset.patients.push(chart.patient);
    dataset.allergies.push(...chart.allergies);
    dataset.chronicConditions.push(...chart.chronicConditions);
  }

  const visits = stream('visits');
  const statusTimes = stream('status-times');
  bookings.forEach((booking, index) => {
    const appointmentId = ids('appointment', index);
    const scenario = chooseScenario(visits, booking.type, booking.patient, ageOn(booking.patient.dateOfBirth, booking.start));
    const appointment: Prisma.AppointmentCreateManyInput = {
      id: appointmentId,
      patientId: booking.patient.id,
      providerId: providerIds.get(booking.providerKey)!,
      appointmentDate: booking.start,
      appointmentType: booking.type,
      reasonForVisit: reasonForVisit(scenario, booking.type),
      durationMinutes: booking.durationMinutes,
      status: booking.status,
      createdAt: booking.bookedAt,
      updatedAt: statusChangedAt(statusTimes, booking, plan.anchor),
    };
    dataset.appointments.push(appointment);
    if (booking.status !== 'completed' && booking.status !== 'in_progress') return;
    const chart = chartVisit(visits, { ...booking, appointmentId, scenario }, ids, plan.anchor);
    dataset.medicalRecords.push(chart.medicalRecord);
    dataset.vitalSigns.push(chart.vitalSigns);
    dataset.symptoms.push(...chart.symptoms);
    dataset.prescriptions.push(...chart.prescriptions);
  });
  return dataset;
}
