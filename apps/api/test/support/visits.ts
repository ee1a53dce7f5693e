// Patients, visits and notes written straight into a suite's database, for the records, symptoms,
// prescriptions and chart suites.
import type { PrismaClient } from '@clinic/db';

/** What a test may want to choose about a patient; everything else is a fixed synthetic person. */
export interface PatientOverrides {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  sex?: 'male' | 'female' | 'other';
  phone?: string;
  emergencyContactName?: string;
  emergencyContactPhone?: string;
  archived?: boolean;
}

/** A patient written straight into the suite's database (it records nothing in the trail). The one factory every suite uses. */
export async function insertPatient(prisma: PrismaClient, overrides: PatientOverrides = {}): Promise<string> {
  const { archived, dateOfBirth, ...names } = overrides;
  const { id } = await prisma.patient.create({
    data: {
      firstName: 'Rhea',
      lastName: 'Notara',
      sex: 'female',
      phone: '555-010-0500',
      emergencyContactName: 'Ivo Notara',
      emergencyContactPhone: '555-010-0501',
      ...names,
      dateOfBirth: new Date(dateOfBirth ?? '1980-02-14'),
      archivedAt: archived ? new Date() : null,
    },
  });
  return id;
}

let slot = 0;

/** A distinct half-hour per call, so no two test visits of a provider ever overlap. */
function nextSlot(daysAgo: number): Date {
  slot += 1;
  return new Date(Date.UTC(2026, 0, 1) - daysAgo * 86_400_000 + slot * 3_600_000);
}

export class VisitFixture {
  constructor(private readonly prisma: PrismaClient) {}

  patient(overrides: PatientOverrides = {}): Promise<string> {
    return insertPatient(this.prisma, overrides);
  }

  async visit(patientId: string, providerId: string, options: { status?: 'completed' | 'in_progress' | 'cancelled' | 'scheduled'; daysAgo?: number } = {}): Promise<string> {
    const { id } = await this.prisma.appointment.create({
      data: {
        patientId,
        providerId,
        appointmentDate: nextSlot(options.daysAgo ?? 0),
        appointmentType: 'sick_visit',
        reasonForVisit: 'Sore throat',
        status: options.status ?? 'in_progress',
      },
    });
    return id;
  }

  /** A draft record for the visit, written directly. */
  async draft(appointmentId: string, notes: { chiefComplaint?: string; diagnosis?: string } = {}): Promise<string> {
    const { id } = await this.prisma.medicalRecord.create({ data: { appointmentId, chiefComplaint: 'Sore throat', ...notes } });
    return id;
  }

  /** The patient a record belongs to, through its visit. */
  async patientOfRecord(recordId: string): Promise<string | null> {
    const record = await this.prisma.medicalRecord.findUnique({ where: { id: recordId }, select: { appointment: { select: { patientId: true } } } });
    return record?.appointment.patientId ?? null;
  }

  async sign(recordId: string, signerId: string): Promise<void> {
    await this.prisma.medicalRecord.update({ where: { id: recordId }, data: { isDraft: false, signedAt: new Date(), signedById: signerId } });
  }
}
