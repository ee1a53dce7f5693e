// Whole charts written straight into a suite's database, for the FHIR suites and the $everything
// benchmark: a patient with visits in every status, vital signs, allergies, conditions, signed
// notes with symptoms, prescriptions and amendments, and a draft that must never leave through FHIR.
import type { PrismaClient } from '@clinic/db';

export interface ChartOptions {
  /** The clinician who saw and signed every visit. */
  clinicianId: string;
  /** Who writes the amendments. */
  amenderId: string;
  /** How many completed, signed visits (besides one visit in each other status and the draft). */
  signedVisits?: number;
  lastName?: string;
  firstName?: string;
  archived?: boolean;
  /** When the first visit starts; the others follow one hour apart. By default each chart gets a month of its own. */
  firstVisit?: Date;
}

/** What was written, by kind, to compare with what the API answers. */
export interface WrittenChart {
  patientId: string;
  appointmentIds: string[];
  vitalSignsIds: string[];
  allergyIds: string[];
  conditionIds: string[];
  signedRecordIds: string[];
  draftRecordId: string;
  signedPrescriptionIds: string[];
  draftPrescriptionId: string;
  /** Vital-sign Observations: every set has all nine measurements but the last, which has only a blood pressure and a weight. */
  observationCount: number;
}

const HOUR = 3_600_000;
let chartsWritten = 0;

export async function writeChart(prisma: PrismaClient, options: ChartOptions): Promise<WrittenChart> {
  const signedVisits = options.signedVisits ?? 3;
  const start = options.firstVisit?.getTime() ?? Date.UTC(2024, 0, 1, 8) + chartsWritten++ * 30 * 24 * HOUR;
  let slot = 0;
  const nextSlot = () => new Date(start + slot++ * HOUR);
  const patient = await prisma.patient.create({
    data: {
      firstName: options.firstName ?? 'Ines',
      lastName: options.lastName ?? 'Fhirsby',
      dateOfBirth: new Date('1979-06-30'),
      sex: 'female',
      phone: '(617) 555-0142',
      email: 'ines.fhirsby@example.org',
      address: '12 Sample Street, Exampletown',
      emergencyContactName: 'Ove Fhirsby',
      emergencyContactPhone: '617-555-0143',
      emergencyContactRelationship: 'Spouse',
      archivedAt: options.archived ? new Date('2026-01-02T00:00:00.000Z') : null,
    },
  });
  const visit = (status: 'completed' | 'scheduled' | 'cancelled' | 'no_show' | 'checked_in') =>
    prisma.appointment.create({
      data: { patientId: patient.id, providerId: options.clinicianId, appointmentDate: nextSlot(), appointmentType: 'follow_up', reasonForVisit: 'Blood pressure review', status },
    });

  const written: WrittenChart = {
    patientId: patient.id,
    appointmentIds: [],
    vitalSignsIds: [],
    allergyIds: [],
    conditionIds: [],
    signedRecordIds: [],
    draftRecordId: '',
    signedPrescriptionIds: [],
    draftPrescriptionId: '',
    observationCount: 0,
  };
  for (const [allergen, severity] of [['Penicillin', 'severe'], ['Peanuts', 'mild']] as const) {
    const allergy = await prisma.allergy.create({ data: { patientId: patient.id, allergen, reaction: 'Hives', severity, onsetDate: new Date('2001-05-01') } });
    written.allergyIds.push(allergy.id);
  }
  for (const [conditionName, status] of [['Hypertension', 'active'], ['Asthma', 'controlled'], ['Shingles', 'resolved']]) {
    const condition = await prisma.chronicCondition.create({ data: { patientId: patient.id, conditionName, status, diagnosisDate: new Date('2015-02-10'), notes: 'Followed yearly' } });
    written.conditionIds.push(condition.id);
  }

  for (let index = 0; index < signedVisits; index++) {
    const appointment = await visit('completed');
    written.appointmentIds.push(appointment.id);
    const full = index < signedVisits - 1;
    const vitals = await prisma.vitalSigns.create({
      data: full
        ? {
            appointmentId: appointment.id,
            bloodPressureSystolic: 128,
            bloodPressureDiastolic: 82,
            heartRate: 72,
            temperature: '36.8',
            respiratoryRate: 14,
            oxygenSaturation: 98,
            weight: '70.50',
            height: '168.00',
            bmi: '25.0',
            painLevel: 2,
          }
        : { appointmentId: appointment.id, bloodPressureSystolic: 135, bloodPressureDiastolic: 88, weight: '71.00' },
    });
    written.vitalSignsIds.push(vitals.id);
    written.observationCount += full ? 9 : 2;
    const record = await prisma.medicalRecord.create({
      data: {
        appointmentId: appointment.id,
        chiefComplaint: 'Headaches <in the morning>',
        historyOfPresentIllness: 'Two weeks of frontal headaches.',
        diagnosis: 'Essential hypertension',
        diagnosisNotes: 'Home readings agree.',
        treatmentPlan: 'Start lisinopril.',
        transcript: 'the whole conversation',
        symptoms: { create: [{ symptomName: 'Headache', bodySite: 'frontal', severity: 6, duration: '2 weeks', notes: 'Worse in the morning' }] },
        prescriptions: {
          create: [
            {
              medicationName: 'Lisinopril',
              strength: '10 mg tablet',
              dosage: '1 tablet',
              frequency: 'once daily',
              duration: '30 days',
              quantity: 30,
              refills: 2,
              instructions: 'Take in the morning',
              indication: 'Hypertension',
              overrideReason: index === 0 ? 'Tolerated before without reaction' : null,
            },
          ],
        },
      },
      include: { prescriptions: true },
    });
    await prisma.medicalRecord.update({ where: { id: record.id }, data: { isDraft: false, signedAt: new Date(appointment.appointmentDate.getTime() + HOUR / 2), signedById: options.clinicianId } });
    if (index === 0) await prisma.recordAmendment.create({ data: { medicalRecordId: record.id, authorId: options.amenderId, reason: 'Clarification', text: 'Dose confirmed.' } });
    written.signedRecordIds.push(record.id);
    written.signedPrescriptionIds.push(...record.prescriptions.map((prescription) => prescription.id));
  }

  const drafting = await visit('completed');
  written.appointmentIds.push(drafting.id);
  const draft = await prisma.medicalRecord.create({
    data: {
      appointmentId: drafting.id,
      chiefComplaint: 'Unreviewed draft',
      prescriptions: { create: [{ medicationName: 'Amoxicillin', strength: '500 mg', dosage: '1 capsule', frequency: 'three times daily', instructions: 'With food' }] },
    },
    include: { prescriptions: true },
  });
  written.draftRecordId = draft.id;
  written.draftPrescriptionId = draft.prescriptions[0]!.id;
  for (const status of ['scheduled', 'cancelled', 'no_show', 'checked_in'] as const) written.appointmentIds.push((await visit(status)).id);
  return written;
}
