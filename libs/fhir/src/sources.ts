// What the API's repositories hand the mappers: plain rows, structurally the Prisma rows of
// libs/db/prisma/schema.prisma (a Prisma row, or the records the API's features already use, can
// be passed as they are). Each shape names only the columns the FHIR resources use.
//
// Conventions, the same as the rest of the API:
//   - calendar dates (@db.Date: birth, onset, diagnosis) are Dates at UTC midnight of their day;
//   - decimals (@db.Decimal vital signs) are plain numbers: the repository converts Prisma's
//     Decimal (`Number(value.toString())`), as the REST API's vital signs repository does. Their
//     precision (one or two decimals) survives a JavaScript number exactly as printed;
//   - text columns may hold '' or blanks; the mappers treat those as absent.

export type SexCode = 'male' | 'female' | 'other';
export type AppointmentTypeName = 'new_patient' | 'follow_up' | 'routine_checkup' | 'sick_visit' | 'telehealth';
export type AppointmentStatusName = 'scheduled' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';
export type AllergySeverityName = 'mild' | 'moderate' | 'severe' | 'life_threatening';

export interface PatientSource {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  sex: SexCode;
  phone: string;
  email: string | null;
  /** One free-text line: the API does not split addresses into parts. */
  address: string | null;
  emergencyContactName: string;
  emergencyContactPhone: string;
  /** Free text ("Spouse", "Mother"). */
  emergencyContactRelationship: string | null;
  archivedAt: Date | null;
  updatedAt: Date;
}

/** A provider as a Practitioner: never the email (the sign-in name) nor the role. */
export interface ProviderSource {
  id: string;
  firstName: string;
  lastName: string;
  specialty: string | null;
  licenseNumber: string | null;
  phone: string | null;
  isActive: boolean;
  updatedAt: Date;
}

export interface AppointmentSource {
  id: string;
  patientId: string;
  providerId: string;
  appointmentDate: Date;
  appointmentType: AppointmentTypeName;
  reasonForVisit: string | null;
  /** Null means the column's default length, 30 minutes. */
  durationMinutes: number | null;
  status: AppointmentStatusName;
  updatedAt: Date;
}

/** The visit a vital-signs set, a prescription or a note belongs to. */
export type VisitSource = Pick<AppointmentSource, 'id' | 'patientId' | 'providerId' | 'appointmentDate'>;

/** One appointment's vital signs, in the API's units: mmHg, /min, °C, %, kg, cm, kg/m², 0–10. */
export interface VitalSignsSource {
  id: string;
  appointmentId: string;
  bloodPressureSystolic: number | null;
  bloodPressureDiastolic: number | null;
  heartRate: number | null;
  temperature: number | null;
  respiratoryRate: number | null;
  oxygenSaturation: number | null;
  weight: number | null;
  height: number | null;
  bmi: number | null;
  painLevel: number | null;
  /** When the set was last written (a PUT replaces the whole set). */
  recordedAt: Date;
}

export interface AllergySource {
  id: string;
  patientId: string;
  allergen: string;
  reaction: string | null;
  severity: AllergySeverityName | null;
  onsetDate: Date | null;
  createdAt: Date;
}

export interface ConditionSource {
  id: string;
  patientId: string;
  conditionName: string;
  diagnosisDate: Date | null;
  /** Free text in the database; the API writes active, controlled, in_remission, inactive, resolved. */
  status: string | null;
  notes: string | null;
  createdAt: Date;
}

export interface PrescriptionSource {
  id: string;
  medicalRecordId: string;
  medicationName: string;
  strength: string;
  dosage: string;
  frequency: string;
  duration: string | null;
  quantity: number | null;
  refills: number | null;
  instructions: string;
  /** Note-derived: withheld from readers without notes. */
  indication: string | null;
  /** Why it was prescribed despite a matching allergy. Note-derived: withheld without notes. */
  overrideReason: string | null;
  createdAt: Date;
}

export interface SymptomSource {
  id: string;
  symptomName: string;
  bodySite: string | null;
  /** 0–10. */
  severity: number | null;
  duration: string | null;
  notes: string | null;
}

export interface AmendmentSource {
  id: string;
  authorId: string;
  reason: string;
  text: string;
  createdAt: Date;
}

/** The clinician's text of a visit note. */
export interface NoteTextSource {
  chiefComplaint: string | null;
  historyOfPresentIllness: string | null;
  physicalExamNotes: string | null;
  diagnosis: string | null;
  diagnosisNotes: string | null;
  treatmentPlan: string | null;
  followUpInstructions: string | null;
  patientEducation: string | null;
}

/**
 * A medical record once it is signed: the only state in which a note leaves through FHIR. The
 * types say signed (a draft's `signedAt` is null and does not fit); the mappers check it again.
 * The transcript, the audio and the AI flags are not part of it: they are the material a note was
 * written from, not the note.
 */
export interface SignedRecordSource extends NoteTextSource {
  id: string;
  appointmentId: string;
  signedAt: Date;
  signedById: string;
  symptoms: SymptomSource[];
  amendments: AmendmentSource[];
}

/** The record a prescription belongs to, as far as a MedicationRequest needs it. */
export type SignedRecordHeader = Pick<SignedRecordSource, 'id' | 'appointmentId' | 'signedAt' | 'signedById'>;
