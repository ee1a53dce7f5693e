import { Injectable } from '@nestjs/common';
import {
  fhirErrors,
  parseReadRequest,
  parseVitalSignObservationId,
  readIdOrNotFound,
  type ServedType,
  toFhirAllergyIntolerance,
  toFhirComposition,
  toFhirCondition,
  toFhirEncounter,
  toFhirMedicationRequest,
  toFhirPatient,
  toFhirPractitioner,
  toVitalSignObservations,
} from '@clinic/fhir';
import type { Resource } from '@medplum/fhirtypes';
import { AppointmentsService } from '../appointments/appointments.service.js';
import type { AuditEntry } from '../audit/audit-event.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { ProviderAccountsRepository } from '../identity/provider-accounts.repository.js';
import { AllergiesService } from '../patients/allergies/allergies.service.js';
import { ConditionsService } from '../patients/conditions/conditions.service.js';
import { PatientsService } from '../patients/patients.service.js';
import { PrescriptionsService } from '../records/prescriptions/prescriptions.service.js';
import { RecordsService } from '../records/records.service.js';
import { SymptomsService } from '../records/symptoms/symptoms.service.js';
import { VitalSignsService } from '../vitals/vital-signs.service.js';
import { type FhirAnswer, fhirAnswer } from './fhir-answer.js';
import type { FhirCall } from './fhir-call.js';
import { signedNoteOf } from './signed-notes.js';

/** What a read of each type is in the trail: the words of the /api/v1 read of the same row. Practitioners are no patient data. */
const READ_AUDIT = {
  Patient: 'patient',
  Encounter: 'appointment',
  Observation: 'vital_signs',
  AllergyIntolerance: 'allergy',
  Condition: 'chronic_condition',
  MedicationRequest: 'prescription',
  Composition: 'medical_record',
} as const satisfies Partial<Record<ServedType, AuditEntry['resourceType']>>;

type AuditedType = keyof typeof READ_AUDIT;

/**
 * What a read found: the row's id and whose chart it is on, and the resource, unless the row does
 * not exist in FHIR (a draft's note or prescription, a vital sign that was not measured).
 */
interface Found {
  resource?: Resource;
  resourceId: string;
  patientId: string;
}

/**
 * `GET /fhir/R4/{type}/{id}`: one row through its owner's service, mapped by @clinic/fhir, and
 * the same audit event as the /api/v1 read of that row, recorded before the answer leaves. An id
 * that is nobody's (or cannot be ours) is a 404 recorded as a failed read, so the trail shows who
 * tries ids; a draft's note or prescription does not exist in FHIR and is a 404 too.
 */
@Injectable()
export class FhirReadsService {
  constructor(
    private readonly patients: PatientsService,
    private readonly providers: ProviderAccountsRepository,
    private readonly appointments: AppointmentsService,
    private readonly vitalSigns: VitalSignsService,
    private readonly allergies: AllergiesService,
    private readonly conditions: ConditionsService,
    private readonly records: RecordsService,
    private readonly symptoms: SymptomsService,
    private readonly prescriptions: PrescriptionsService,
    private readonly audit: AuditTrail,
  ) {}

  readPatient(id: string, call: FhirCall): Promise<FhirAnswer> {
    return this.read('Patient', id, call, async (patientId) => {
      const patient = await this.patients.findPatient(patientId);
      return patient && { resource: toFhirPatient(patient, call.context), resourceId: patient.id, patientId: patient.id };
    });
  }

  /** A provider as the charts name them: no patient data, so no audit event (as /api/v1's provider reads). */
  async readPractitioner(id: string, call: FhirCall): Promise<FhirAnswer> {
    const { pretty } = parseReadRequest(call.query);
    const provider = await this.providers.findProfile(readIdOrNotFound('Practitioner', id));
    if (!provider) throw fhirErrors.notFound('Practitioner', id);
    return fhirAnswer(toFhirPractitioner(provider, call.context), pretty);
  }

  readEncounter(id: string, call: FhirCall): Promise<FhirAnswer> {
    return this.read('Encounter', id, call, async (appointmentId) => {
      const appointment = await this.appointments.findAppointment(appointmentId);
      return appointment && { resource: toFhirEncounter(appointment, call.context), resourceId: appointment.id, patientId: appointment.patientId };
    });
  }

  /** `<vital-signs id>-<measurement>`: the set's read, narrowed to one measurement (absent when it was not measured). */
  readObservation(id: string, call: FhirCall): Promise<FhirAnswer> {
    return this.read('Observation', id, call, async (observationId) => {
      const { vitalSignsId, kind } = parseVitalSignObservationId(observationId)!;
      const vitals = await this.vitalSigns.findVitalSignsById(vitalSignsId);
      const visit = vitals && (await this.appointments.findAppointment(vitals.appointmentId));
      if (!vitals || !visit) return null;
      const [observation] = toVitalSignObservations(vitals, visit, [kind]);
      return { resource: observation, resourceId: vitals.id, patientId: visit.patientId };
    });
  }

  readAllergyIntolerance(id: string, call: FhirCall): Promise<FhirAnswer> {
    return this.read('AllergyIntolerance', id, call, async (allergyId) => {
      const allergy = await this.allergies.findAllergy(allergyId);
      return allergy && { resource: toFhirAllergyIntolerance(allergy), resourceId: allergy.id, patientId: allergy.patientId };
    });
  }

  readCondition(id: string, call: FhirCall): Promise<FhirAnswer> {
    return this.read('Condition', id, call, async (conditionId) => {
      const condition = await this.conditions.findCondition(conditionId);
      return condition && { resource: toFhirCondition(condition), resourceId: condition.id, patientId: condition.patientId };
    });
  }

  readMedicationRequest(id: string, call: FhirCall): Promise<FhirAnswer> {
    return this.read('MedicationRequest', id, call, async (prescriptionId) => {
      const prescription = await this.prescriptions.findPrescription(prescriptionId);
      const record = prescription && (await this.records.findRecordHeader(prescription.medicalRecordId));
      const visit = record && (await this.appointments.findAppointment(record.appointmentId));
      if (!prescription || !record || !visit) return null;
      const { signedAt, signedById } = record;
      const signed = signedAt && signedById ? { ...record, signedAt, signedById } : null;
      return {
        ...(signed && { resource: toFhirMedicationRequest(prescription, signed, visit, call.context) }),
        resourceId: prescription.id,
        patientId: visit.patientId,
      };
    });
  }

  /** Staff never get here (the route is note readers' only), and the mapper refuses them again. */
  readComposition(id: string, call: FhirCall): Promise<FhirAnswer> {
    return this.read('Composition', id, call, async (recordId) => {
      const note = await this.records.findNote(recordId);
      const visit = note && (await this.appointments.findAppointment(note.appointmentId));
      if (!note || !visit) return null;
      const signed = signedNoteOf(note, note.signedAt ? await this.symptoms.symptomsOfRecord(note.id) : []);
      return { ...(signed && { resource: toFhirComposition(signed, visit, call.context) }), resourceId: note.id, patientId: visit.patientId };
    });
  }

  /** Checks the query and the id, finds the row, and records the read, or the failed one before the 404. */
  private async read(type: AuditedType, id: string, call: FhirCall, find: (id: string) => Promise<Found | null>): Promise<FhirAnswer> {
    const { pretty } = parseReadRequest(call.query);
    const resourceType = READ_AUDIT[type];
    let known: string;
    try {
      known = readIdOrNotFound(type, id);
    } catch (error) {
      await this.audit.record({ action: 'read', resourceType, outcome: 'failed' });
      throw error;
    }
    const found = await find(known);
    if (!found?.resource) {
      // Observation ids hold the set's id; every other id here is the row's own. A patient id that
      // is nobody's is recorded under itself, as /api/v1 does.
      const resourceId = found?.resourceId ?? (type === 'Observation' ? parseVitalSignObservationId(known)!.vitalSignsId : known);
      const patientId = found?.patientId ?? (type === 'Patient' ? known : null);
      await this.audit.record({ action: 'read', resourceType, resourceId, patientId, outcome: 'failed' });
      throw fhirErrors.notFound(type, id);
    }
    await this.audit.record({ action: 'read', resourceType, resourceId: found.resourceId, patientId: found.patientId });
    return fhirAnswer(found.resource, pretty);
  }
}
