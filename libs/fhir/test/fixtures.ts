// A small synthetic chart that covers the edges the mappers must handle: nulls and blanks,
// an archived patient, every appointment status, every vital sign and a half-recorded blood
// pressure, every allergy severity, every condition status and an unknown one, notes with markup
// and control characters, amendments by two authors, frequencies the parser reads and ones it must not.
import type {
  AllergySource,
  AppointmentSource,
  ConditionSource,
  PatientChartSource,
  PatientSource,
  PrescriptionSource,
  ProviderSource,
  SignedRecordSource,
  VitalSignsSource,
} from '../src/index.js';
import { fhirContext, fhirErrors, type FhirOutcomeError } from '../src/index.js';

export const BASE_URL = 'https://clinic.example.org/fhir/R4';
export const clinician = fhirContext(BASE_URL, { withNotes: true });
export const staff = fhirContext(BASE_URL, { withNotes: false });

let counter = 0;
/** Deterministic UUIDs, readable in failures: 00000000-0000-4000-8000-0000000000NN. */
export function uuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

const at = (iso: string) => new Date(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export const providers: ProviderSource[] = [
  {
    id: uuid(),
    firstName: 'Amara',
    lastName: 'Okafor',
    specialty: 'Family Medicine',
    licenseNumber: 'SYN-MD-104233',
    phone: '(617) 555-0101',
    isActive: true,
    updatedAt: at('2026-01-05T09:00:00.000Z'),
  },
  { id: uuid(), firstName: 'Jordan', lastName: 'Patel', specialty: null, licenseNumber: null, phone: null, isActive: false, updatedAt: at('2026-02-01T10:00:00.000Z') },
  { id: uuid(), firstName: 'Mei', lastName: 'Chen', specialty: '  ', licenseNumber: '', phone: ' ', isActive: true, updatedAt: at('2026-02-01T10:00:00.000Z') },
];
const [okafor, patel, chen] = providers;

export const patient: PatientSource = {
  id: uuid(),
  firstName: 'Zoë',
  lastName: "O'Brien-Núñez",
  dateOfBirth: day('1984-02-29'),
  sex: 'female',
  phone: '+1 (617) 555-0142',
  email: 'zoe.obrien@example.org',
  address: '12 Harbor St, Boston, MA 02110',
  emergencyContactName: 'Liam OBrien',
  emergencyContactPhone: '617-555-0199',
  emergencyContactRelationship: 'Spouse',
  archivedAt: null,
  updatedAt: at('2026-03-01T12:00:00.000Z'),
};

export const otherPatients: PatientSource[] = [
  {
    ...patient,
    id: uuid(),
    firstName: 'Sam',
    lastName: 'Lee',
    sex: 'other',
    email: null,
    address: null,
    emergencyContactRelationship: null,
    archivedAt: at('2026-04-01T08:00:00.000Z'),
  },
  { ...patient, id: uuid(), firstName: 'Ben', lastName: 'Ito', sex: 'male', email: ' ', address: '', emergencyContactName: ' ', emergencyContactPhone: '' },
];

function appointment(status: AppointmentSource['status'], overrides: Partial<AppointmentSource> = {}): AppointmentSource {
  return {
    id: uuid(),
    patientId: patient.id,
    providerId: okafor.id,
    appointmentDate: at('2026-03-10T14:30:00.000Z'),
    appointmentType: 'follow_up',
    reasonForVisit: 'Blood pressure review',
    durationMinutes: 20,
    status,
    updatedAt: at('2026-03-10T15:00:00.000Z'),
    ...overrides,
  };
}

export const appointments: AppointmentSource[] = [
  appointment('completed', { appointmentType: 'new_patient', appointmentDate: at('2025-11-03T09:00:00.000Z') }),
  appointment('completed', { appointmentType: 'sick_visit', durationMinutes: null, reasonForVisit: null }),
  appointment('scheduled', { appointmentType: 'routine_checkup', appointmentDate: at('2026-06-01T10:00:00.000Z') }),
  appointment('checked_in', { appointmentType: 'telehealth', providerId: chen.id }),
  appointment('in_progress', { reasonForVisit: '  ' }),
  appointment('cancelled'),
  appointment('no_show', { providerId: patel.id }),
];
const [firstVisit, sickVisit, , checkedIn] = appointments;

export const vitalSigns: VitalSignsSource[] = [
  {
    id: uuid(),
    appointmentId: firstVisit.id,
    bloodPressureSystolic: 128,
    bloodPressureDiastolic: 82,
    heartRate: 72,
    temperature: 36.8,
    respiratoryRate: 16,
    oxygenSaturation: 98,
    weight: 72.55,
    height: 175.5,
    bmi: 23.6,
    painLevel: 0,
    recordedAt: at('2025-11-03T09:04:00.000Z'),
  },
  {
    // A row from before the API paired the blood pressure values: systolic alone.
    id: uuid(),
    appointmentId: sickVisit.id,
    bloodPressureSystolic: 141,
    bloodPressureDiastolic: null,
    heartRate: null,
    temperature: 38.4,
    respiratoryRate: null,
    oxygenSaturation: null,
    weight: null,
    height: null,
    bmi: null,
    painLevel: 7,
    recordedAt: at('2026-03-10T14:35:00.000Z'),
  },
  {
    id: uuid(),
    appointmentId: checkedIn.id,
    bloodPressureSystolic: null,
    bloodPressureDiastolic: null,
    heartRate: null,
    temperature: null,
    respiratoryRate: null,
    oxygenSaturation: null,
    weight: null,
    height: null,
    bmi: null,
    painLevel: null,
    recordedAt: at('2026-03-10T14:33:00.000Z'),
  },
];

export const allergies: AllergySource[] = [
  { id: uuid(), patientId: patient.id, allergen: 'Penicillin', reaction: 'Hives', severity: 'moderate', onsetDate: day('2001-06-15'), createdAt: at('2025-11-03T09:10:00.000Z') },
  { id: uuid(), patientId: patient.id, allergen: 'Peanuts', reaction: 'Anaphylaxis', severity: 'life_threatening', onsetDate: null, createdAt: at('2025-11-03T09:11:00.000Z') },
  { id: uuid(), patientId: patient.id, allergen: 'Latex', reaction: null, severity: 'severe', onsetDate: null, createdAt: at('2025-11-03T09:12:00.000Z') },
  { id: uuid(), patientId: patient.id, allergen: 'Cat dander', reaction: 'Sneezing', severity: 'mild', onsetDate: null, createdAt: at('2025-11-03T09:13:00.000Z') },
  { id: uuid(), patientId: patient.id, allergen: 'Sulfa drugs', reaction: ' ', severity: null, onsetDate: null, createdAt: at('2025-11-03T09:14:00.000Z') },
];

export const conditions: ConditionSource[] = ['active', 'controlled', 'in_remission', 'inactive', 'resolved', null, 'chronic', ' '].map((status, index) => ({
  id: uuid(),
  patientId: patient.id,
  conditionName: ['Essential hypertension', 'Type 2 diabetes', 'Asthma', 'Seasonal allergic rhinitis', 'Otitis media', 'Migraine', 'GERD', 'Gout'][index],
  diagnosisDate: index % 2 === 0 ? day('2019-04-12') : null,
  status,
  notes: index === 0 ? 'Home readings twice a week' : null,
  createdAt: at('2025-11-03T09:20:00.000Z'),
}));

export const signedRecords: SignedRecordSource[] = [
  {
    id: uuid(),
    appointmentId: firstVisit.id,
    chiefComplaint: 'Headaches & dizziness <3 weeks>',
    historyOfPresentIllness: 'Line one.\nLine two with a control character \u0001 and "quotes".',
    physicalExamNotes: 'BP 128/82. <script>alert(1)</script>',
    diagnosis: 'Essential hypertension',
    diagnosisNotes: 'Stage 1',
    treatmentPlan: 'Lifestyle changes; start lisinopril.',
    followUpInstructions: 'Return in 4 weeks.',
    patientEducation: 'Low-salt diet leaflet.',
    signedAt: at('2025-11-03T10:00:00.000Z'),
    signedById: okafor.id,
    symptoms: [
      { id: uuid(), symptomName: 'Headache', bodySite: 'Frontal', severity: 6, duration: '3 weeks', notes: 'Worse in the morning' },
      { id: uuid(), symptomName: 'Dizziness', bodySite: null, severity: null, duration: null, notes: null },
    ],
    amendments: [
      { id: uuid(), authorId: chen.id, reason: 'Dose clarified', text: 'Lisinopril 10 mg, not 20 mg.', createdAt: at('2025-11-05T08:00:00.000Z') },
      { id: uuid(), authorId: okafor.id, reason: 'Typo', text: 'Frontal, not occipital.', createdAt: at('2025-11-04T08:00:00.000Z') },
    ],
  },
  {
    id: uuid(),
    appointmentId: sickVisit.id,
    chiefComplaint: 'Fever',
    historyOfPresentIllness: null,
    physicalExamNotes: '',
    diagnosis: null,
    diagnosisNotes: null,
    treatmentPlan: null,
    followUpInstructions: null,
    patientEducation: null,
    signedAt: at('2026-03-10T15:10:00.000Z'),
    signedById: okafor.id,
    symptoms: [],
    amendments: [],
  },
];
const [firstNote, sickNote] = signedRecords;

function prescription(medicalRecordId: string, overrides: Partial<PrescriptionSource>): PrescriptionSource {
  return {
    id: uuid(),
    medicalRecordId,
    medicationName: 'Lisinopril',
    strength: '10 mg tablet',
    dosage: '1 tablet',
    frequency: 'once daily',
    duration: '90 days',
    quantity: 90,
    refills: 3,
    instructions: 'Take in the morning.',
    indication: 'Hypertension',
    overrideReason: null,
    createdAt: at('2025-11-03T09:50:00.000Z'),
    ...overrides,
  };
}

export const prescriptions: PrescriptionSource[] = [
  prescription(firstNote.id, {}),
  prescription(firstNote.id, {
    medicationName: 'Amoxicillin',
    strength: '500 mg capsule',
    frequency: 'three times daily with food',
    duration: '7 days',
    indication: 'Otitis media',
    overrideReason: 'Tolerated amoxicillin in 2020 despite the penicillin allergy',
  }),
  prescription(sickNote.id, { medicationName: 'Ibuprofen', strength: '400 mg tablet', frequency: 'every 6 hours as needed for pain', duration: null, quantity: null, refills: null }),
  prescription(sickNote.id, { medicationName: 'Sumatriptan', strength: '50 mg tablet', frequency: 'at migraine onset; may repeat once after 2 hours', duration: '2 weeks' }),
  prescription(sickNote.id, { medicationName: 'Albuterol', strength: '90 mcg/actuation', dosage: '', frequency: 'every 4 to 6 hours as needed for wheeze', instructions: ' ', refills: -1 }),
  prescription(sickNote.id, { medicationName: 'Melatonin', strength: '3 mg tablet', frequency: 'once nightly, 1 hour before bedtime', duration: 'as long as needed', indication: null }),
];

export const chart: PatientChartSource = {
  patient,
  appointments,
  vitalSigns,
  allergies,
  conditions,
  signedRecords,
  prescriptions,
  practitioners: providers,
};

export const visitOf = (appointmentId: string) => appointments.find((visit) => visit.id === appointmentId)!;
export const recordOf = (recordId: string) => signedRecords.find((record) => record.id === recordId)!;

/** One of every error answer. */
export function everyFhirError(): FhirOutcomeError[] {
  return [
    fhirErrors.invalidRequest(['one', 'two']),
    fhirErrors.notSignedIn(),
    fhirErrors.forbidden(),
    fhirErrors.notFound('Patient', '6f1c2d3e-0000-4000-8000-000000000001'),
    fhirErrors.unsupportedType('Medication'),
    fhirErrors.notAcceptable(),
    fhirErrors.throttled(),
    fhirErrors.internal(),
    fhirErrors.unavailable(),
  ];
}
