import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import type { ChartRows } from './chart-rows.js';

export const RECENT_VISITS = 10;

/**
 * The chart in seven statements whatever the length of the history: the patient, then, together,
 * allergies, active conditions, the last visits, their records (Prisma loads a relation with one
 * statement for all the rows, not one per row), the latest vitals and the recent prescriptions.
 * Nothing runs per visit or per prescription: test/chart.test.ts counts the statements for a
 * patient with one visit and one with sixty.
 */
@Injectable()
export class ChartRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Null when there is no such patient (and then only one query ran). */
  async readChart(patientId: string, prescribedSince: Date): Promise<ChartRows | null> {
    const prisma = this.prisma;
    const patient = await prisma.patient.findUnique({ where: { id: patientId } });
    if (!patient) return null;
    const [allergies, activeConditions, recentVisits, latestVitals, recentPrescriptions] = await Promise.all([
      prisma.allergy.findMany({ where: { patientId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      prisma.chronicCondition.findMany({ where: { patientId, status: 'active' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      prisma.appointment.findMany({
        where: { patientId },
        orderBy: [{ appointmentDate: 'desc' }, { id: 'desc' }],
        take: RECENT_VISITS,
        select: {
          id: true,
          providerId: true,
          appointmentDate: true,
          appointmentType: true,
          status: true,
          reasonForVisit: true,
          medicalRecord: { select: { id: true, isDraft: true, signedAt: true, chiefComplaint: true, diagnosis: true } },
        },
      }),
      prisma.vitalSigns.findFirst({
        where: { appointment: { patientId } },
        orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
      }),
      prisma.prescription.findMany({
        where: { createdAt: { gte: prescribedSince }, medicalRecord: { appointment: { patientId } } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
    ]);
    return { patient, allergies, activeConditions, recentVisits, latestVitals, recentPrescriptions };
  }
}
