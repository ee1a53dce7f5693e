// The development seed's 200 charts as the API's repositories would hand them over: rows as the
// database returns them (dates as Dates, decimals as numbers), records signed as the seed signs
// them (at their last save, by the visit's provider), only signed records' notes and
// prescriptions. The seed writes no amendments: every seventh signed record gets one here, by
// another provider, so that amendments are exercised at scale too. Columns the seed leaves out
// take the database's defaults.
import { buildDevelopmentDataset, type ClinicDataset } from '@clinic/db/seed';
import type { PatientChartSource, ProviderSource, SignedRecordSource, SexCode, AllergySeverityName, AppointmentStatusName, AppointmentTypeName } from '../src/index.js';

type Row = Record<string, unknown>;

const date = (value: unknown): Date => new Date(value as string | Date);
const optionalDate = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));
const decimal = (value: unknown): number | null => (value === null || value === undefined ? null : Number(String(value)));
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function groupBy<T extends Row>(rows: readonly T[], key: string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(String(row[key]), [...(groups.get(String(row[key])) ?? []), row]);
  return groups;
}

export function seedCharts(dataset: ClinicDataset = buildDevelopmentDataset()): PatientChartSource[] {
  const providerIds = [...new Set(dataset.appointments.map((appointment) => appointment.providerId))];
  const practitioners: ProviderSource[] = providerIds.map((id, index) => ({
    id,
    firstName: `Clinician${index + 1}`,
    lastName: 'Seed',
    specialty: index % 2 === 0 ? 'Family Medicine' : null,
    licenseNumber: index % 2 === 0 ? `SYN-MD-${100000 + index}` : null,
    phone: '(617) 555-0100',
    isActive: true,
    updatedAt: new Date('2026-01-01T00:00:00.000Z'),
  }));
  const appointmentsByPatient = groupBy(dataset.appointments as Row[], 'patientId');
  const appointmentsById = new Map(dataset.appointments.map((appointment) => [appointment.id!, appointment]));
  const vitalsByAppointment = new Map(dataset.vitalSigns.map((vitals) => [vitals.appointmentId, vitals]));
  const recordsByAppointment = new Map(dataset.medicalRecords.map((record) => [record.appointmentId, record]));
  const symptomsByRecord = groupBy(dataset.symptoms as Row[], 'medicalRecordId');
  const prescriptionsByRecord = groupBy(dataset.prescriptions as Row[], 'medicalRecordId');
  const allergiesByPatient = groupBy(dataset.allergies as Row[], 'patientId');
  const conditionsByPatient = groupBy(dataset.chronicConditions as Row[], 'patientId');
  let signedCount = 0;

  return dataset.patients.map((patient) => {
    const appointments = appointmentsByPatient.get(patient.id!) ?? [];
    const signedRecords: SignedRecordSource[] = appointments.flatMap((appointment) => {
      const record = recordsByAppointment.get(String(appointment.id));
      if (!record || record.isDraft !== false) return [];
      const provider = String(appointmentsById.get(record.appointmentId)!.providerId);
      const signedAt = date(record.updatedAt);
      signedCount += 1;
      const other = providerIds.find((id) => id !== provider)!;
      return [
        {
          id: record.id!,
          appointmentId: record.appointmentId,
          chiefComplaint: text(record.chiefComplaint),
          historyOfPresentIllness: text(record.historyOfPresentIllness),
          physicalExamNotes: text(record.physicalExamNotes),
          diagnosis: text(record.diagnosis),
          diagnosisNotes: text(record.diagnosisNotes),
          treatmentPlan: text(record.treatmentPlan),
          followUpInstructions: text(record.followUpInstructions),
          patientEducation: text(record.patientEducation),
          signedAt,
          signedById: provider,
          symptoms: (symptomsByRecord.get(record.id!) ?? []).map((symptom) => ({
            id: String(symptom.id),
            symptomName: String(symptom.symptomName),
            bodySite: text(symptom.bodySite),
            severity: decimal(symptom.severity),
            duration: text(symptom.duration),
            notes: text(symptom.notes),
          })),
          amendments:
            signedCount % 7 === 0
              ? [{ id: `${record.id!.slice(0, -4)}a0a0`, authorId: other, reason: 'Clarification', text: 'Addendum after review.', createdAt: new Date(signedAt.getTime() + 86_400_000) }]
              : [],
        },
      ];
    });
    return {
      patient: {
        id: patient.id!,
        firstName: patient.firstName,
        lastName: patient.lastName,
        dateOfBirth: date(patient.dateOfBirth),
        sex: patient.sex as SexCode,
        phone: patient.phone,
        email: text(patient.email),
        address: text(patient.address),
        emergencyContactName: patient.emergencyContactName,
        emergencyContactPhone: patient.emergencyContactPhone,
        emergencyContactRelationship: text(patient.emergencyContactRelationship),
        archivedAt: optionalDate(patient.archivedAt),
        updatedAt: date(patient.updatedAt),
      },
      appointments: appointments.map((appointment) => ({
        id: String(appointment.id),
        patientId: String(appointment.patientId),
        providerId: String(appointment.providerId),
        appointmentDate: date(appointment.appointmentDate),
        appointmentType: appointment.appointmentType as AppointmentTypeName,
        reasonForVisit: text(appointment.reasonForVisit),
        durationMinutes: appointment.durationMinutes === undefined ? 30 : decimal(appointment.durationMinutes),
        status: appointment.status as AppointmentStatusName,
        updatedAt: date(appointment.updatedAt),
      })),
      vitalSigns: appointments.flatMap((appointment) => {
        const vitals = vitalsByAppointment.get(String(appointment.id));
        if (!vitals) return [];
        return [
          {
            id: vitals.id!,
            appointmentId: vitals.appointmentId,
            bloodPressureSystolic: decimal(vitals.bloodPressureSystolic),
            bloodPressureDiastolic: decimal(vitals.bloodPressureDiastolic),
            heartRate: decimal(vitals.heartRate),
            temperature: decimal(vitals.temperature),
            respiratoryRate: decimal(vitals.respiratoryRate),
            oxygenSaturation: decimal(vitals.oxygenSaturation),
            weight: decimal(vitals.weight),
            height: decimal(vitals.height),
            bmi: decimal(vitals.bmi),
            painLevel: decimal(vitals.painLevel),
            recordedAt: date(vitals.recordedAt),
          },
        ];
      }),
      allergies: (allergiesByPatient.get(patient.id!) ?? []).map((allergy) => ({
        id: String(allergy.id),
        patientId: String(allergy.patientId),
        allergen: String(allergy.allergen),
        reaction: text(allergy.reaction),
        severity: (allergy.severity ?? null) as AllergySeverityName | null,
        onsetDate: optionalDate(allergy.onsetDate),
        createdAt: date(allergy.createdAt),
      })),
      conditions: (conditionsByPatient.get(patient.id!) ?? []).map((condition) => ({
        id: String(condition.id),
        patientId: String(condition.patientId),
        conditionName: String(condition.conditionName),
        diagnosisDate: optionalDate(condition.diagnosisDate),
        status: condition.status === undefined ? 'active' : text(condition.status),
        notes: text(condition.notes),
        createdAt: date(condition.createdAt),
      })),
      signedRecords,
      prescriptions: signedRecords.flatMap((record) =>
        (prescriptionsByRecord.get(record.id) ?? []).map((prescription) => ({
          id: String(prescription.id),
          medicalRecordId: String(prescription.medicalRecordId),
          medicationName: String(prescription.medicationName),
          strength: String(prescription.strength),
          dosage: String(prescription.dosage),
          frequency: String(prescription.frequency),
          duration: text(prescription.duration),
          quantity: decimal(prescription.quantity),
          refills: prescription.refills === undefined ? 0 : decimal(prescription.refills),
          instructions: String(prescription.instructions),
          indication: text(prescription.indication),
          overrideReason: text(prescription.overrideReason),
          createdAt: date(prescription.createdAt),
        })),
      ),
      practitioners,
    };
  });
}
