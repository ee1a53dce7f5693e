import { Injectable } from '@nestjs/common';
import { Prisma } from '@clinic/db';
import { fhirErrors, FhirOutcomeError, parseEverything, patientEverything } from '@clinic/fhir';
import { AppointmentsService } from '../appointments/appointments.service.js';
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
import { FhirRepository } from './fhir.repository.js';
import { signedNotesOf } from './signed-notes.js';

/**
 * `GET /fhir/R4/Patient/{id}/$everything`: the whole chart in one statement whatever the length
 * of the history (each owner lends its part: the patient, every visit, their vital signs, the
 * allergies and conditions, the signed notes with symptoms and amendments, their prescriptions,
 * and the providers all of these name), mapped and paged by @clinic/fhir. The trail records one
 * `export` of the chart, under the patient, before the answer leaves.
 */
@Injectable()
export class FhirEverythingService {
  constructor(
    private readonly fhir: FhirRepository,
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

  async exportChart(id: string, call: FhirCall): Promise<FhirAnswer> {
    let request: ReturnType<typeof parseEverything>;
    try {
      request = parseEverything(id, call.query);
    } catch (error) {
      // Only an id that cannot be a patient's is a 404 here; a bad parameter (400) is recorded by the error filter.
      if (error instanceof FhirOutcomeError && error.status === 404) await this.audit.record({ action: 'export', resourceType: 'chart', outcome: 'failed' });
      throw error;
    }
    const { patient, ...chart } = await this.fhir.readParts(this.chartParts(request.patientId));
    if (!patient) {
      await this.audit.record({ action: 'export', resourceType: 'chart', resourceId: request.patientId, patientId: request.patientId, outcome: 'failed' });
      throw fhirErrors.notFound('Patient', id);
    }
    const { notes, symptoms, ...rows } = chart;
    const bundle = patientEverything({ patient, ...rows, signedRecords: signedNotesOf(notes, symptoms) }, request, call.context);
    await this.audit.record({ action: 'export', resourceType: 'chart', resourceId: patient.id, patientId: patient.id, patientIds: [patient.id] });
    return fhirAnswer(bundle, request.pretty);
  }

  private chartParts(patientId: string) {
    const patient = Prisma.sql`${patientId}::uuid`;
    const visits = this.appointments.idsOfPatientPart(patient);
    const signed = this.records.signedIdsOfVisitsPart(visits);
    return {
      patient: this.patients.patientPart(patient),
      appointments: this.appointments.ofPatientPart(patient),
      vitalSigns: this.vitalSigns.ofVisitsPart(visits),
      allergies: this.allergies.ofPatientPart(patient),
      conditions: this.conditions.ofPatientPart(patient),
      notes: this.records.signedOfVisitsPart(visits),
      symptoms: this.symptoms.ofRecordsPart(signed),
      prescriptions: this.prescriptions.ofRecordsPart(signed),
      practitioners: this.providers.cardsPart(Prisma.sql`${this.appointments.providerIdsOfPatientPart(patient)} UNION ${this.records.signersOfVisitsPart(visits)}`),
    };
  }
}
