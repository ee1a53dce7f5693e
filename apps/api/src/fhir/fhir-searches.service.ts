import { Injectable } from '@nestjs/common';
import { Prisma } from '@clinic/db';
import {
  type FhirContext,
  type FhirSearch,
  type PagePosition,
  parseSearch,
  type PatientCriteria,
  searchsetBundle,
  toFhirAllergyIntolerance,
  toFhirCondition,
  toFhirEncounter,
  toFhirMedicationRequest,
  toFhirPatient,
  toVitalSignObservations,
} from '@clinic/fhir';
import type { Resource } from '@medplum/fhirtypes';
import { AppointmentsService } from '../appointments/appointments.service.js';
import type { AuditEntry } from '../audit/audit-event.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { ListingParts, ReadParts } from '../common/read-parts.js';
import { AllergiesService } from '../patients/allergies/allergies.service.js';
import { ConditionsService } from '../patients/conditions/conditions.service.js';
import type { PatientMatch } from '../patients/patient-match.js';
import type { PatientRecord } from '../patients/patient-record.js';
import { PatientsService } from '../patients/patients.service.js';
import { PrescriptionsService } from '../records/prescriptions/prescriptions.service.js';
import { RecordsService } from '../records/records.service.js';
import { VitalSignsService } from '../vitals/vital-signs.service.js';
import { type FhirAnswer, fhirAnswer } from './fhir-answer.js';
import type { FhirCall } from './fhir-call.js';
import { FhirRepository } from './fhir.repository.js';
import { kindAt, measurementKinds } from './vital-sign-kinds.js';

type Identified = Resource & { id: string };

type ChartType = 'Encounter' | 'Observation' | 'AllergyIntolerance' | 'Condition' | 'MedicationRequest';

/** How one type is searched within a patient's chart: the parts that read it, how a row maps, where a page ends. */
interface ChartSearch<Type extends ChartType, Row, Extra extends Record<string, unknown>> {
  /** The trail's words for it: those of the /api/v1 list of the same rows. */
  audit: Pick<AuditEntry, 'action' | 'resourceType'>;
  listing(patient: Prisma.Sql, take: number): ListingParts<Row>;
  /** What else the mapping needs, read in the same statement. */
  extra?(patient: Prisma.Sql): ReadParts<Extra>;
  mapper(extra: Extra): (row: Row) => Identified;
  keyOf(row: Row): PagePosition<Type>;
}

/** What every chart search reads: whether the patient exists, the page and the total. */
type ChartPage<Row> = { patient: PatientRecord | null; page: Row[]; total: number };

/** Rows to read for a page: one more than shown says that another page follows; `_count=0` reads none. */
const takeOf = (search: FhirSearch) => (search.count === 0 ? 0 : search.count + 1);

/** The Bundle of a page read with takeOf. */
function bundleOf<Type extends ChartType | 'Patient', Row>(
  search: FhirSearch<Type>,
  rows: readonly Row[],
  total: number,
  map: (row: Row) => Identified,
  keyOf: (row: Row) => PagePosition<Type>,
  context: FhirContext,
) {
  const shown = rows.slice(0, search.count);
  const last = shown.at(-1);
  const next = rows.length > shown.length && last !== undefined ? keyOf(last) : undefined;
  return searchsetBundle(search, { resources: shown.map(map), total, ...(next && { next }) }, context);
}

/** The Patient search's criteria in the patients feature's words. */
function patientMatchOf(criteria: PatientCriteria): PatientMatch {
  const phones = criteria.telecom?.flatMap((match) => (match.system === 'phone' ? [match.digits] : []));
  const emails = criteria.telecom?.flatMap((match) => (match.system === 'email' ? [match.address] : []));
  return {
    nameStarts: criteria.name,
    lastNameStarts: criteria.family,
    firstNameStarts: criteria.given,
    born: criteria.birthDate,
    sexes: criteria.sex,
    phoneDigits: phones,
    emails,
    archived: criteria.archived,
  };
}

const byId = <Row extends { id: string }>(rows: readonly Row[]) => new Map(rows.map((row) => [row.id, row]));

function found<Row>(row: Row | undefined, what: string): Row {
  if (row === undefined) throw new Error(`a search page names ${what} the same statement did not read`);
  return row;
}

/**
 * `GET /fhir/R4/{type}?…`: the query parsed by @clinic/fhir (anything it does not serve is a 400
 * before anything is read), one statement composed of the owners' parts (the page, the total,
 * and for a chart's types whether the patient exists), and one audit event in the words of the
 * /api/v1 list of the same rows, naming the patients shown.
 */
@Injectable()
export class FhirSearchesService {
  constructor(
    private readonly fhir: FhirRepository,
    private readonly patients: PatientsService,
    private readonly appointments: AppointmentsService,
    private readonly vitalSigns: VitalSignsService,
    private readonly allergies: AllergiesService,
    private readonly conditions: ConditionsService,
    private readonly records: RecordsService,
    private readonly prescriptions: PrescriptionsService,
    private readonly audit: AuditTrail,
  ) {}

  async searchPatients(call: FhirCall): Promise<FhirAnswer> {
    const search = parseSearch('Patient', call.query, call.context);
    const { page, total } = search.matchesNothing
      ? { page: [], total: 0 }
      : await this.fhir.searchParts(this.patients.matchingPatientsParts(patientMatchOf(search.criteria), search.after, takeOf(search)));
    const bundle = bundleOf(search, page, total, (patient) => toFhirPatient(patient, call.context) as Identified, (patient) => [patient.lastName, patient.firstName, patient.id], call.context);
    // One event per search, naming every patient shown; never the search terms (names, phones, birth dates).
    await this.audit.record({ action: 'search', resourceType: 'patient', patientIds: page.slice(0, search.count).map((patient) => patient.id) });
    return fhirAnswer(bundle, search.pretty);
  }

  searchEncounters(call: FhirCall): Promise<FhirAnswer> {
    const search = parseSearch('Encounter', call.query, call.context);
    return this.searchChart(search, call, {
      audit: { action: 'search', resourceType: 'appointment' },
      listing: (patient, take) => this.appointments.ofPatientListingParts(patient, search.criteria.date ?? {}, search.after, take),
      mapper: () => (appointment) => toFhirEncounter(appointment, call.context) as Identified,
      keyOf: (appointment) => [appointment.appointmentDate, appointment.id],
    });
  }

  searchObservations(call: FhirCall): Promise<FhirAnswer> {
    const search = parseSearch('Observation', call.query, call.context);
    const kinds = measurementKinds(search.criteria.kinds);
    return this.searchChart(search, call, {
      audit: { action: 'read', resourceType: 'vital_signs' },
      listing: (patient, take) =>
        this.vitalSigns.measurementsListingParts(this.appointments.visitsOfPatientRelation(patient, search.criteria.date ?? {}), kinds, search.after, take),
      mapper: () => ({ vitals, visit, position }) => found(toVitalSignObservations(vitals, visit, [kindAt(position)])[0], 'a measurement') as Identified,
      keyOf: ({ vitals, visit, position }) => [visit.appointmentDate, vitals.id, position],
    });
  }

  searchAllergyIntolerances(call: FhirCall): Promise<FhirAnswer> {
    const search = parseSearch('AllergyIntolerance', call.query, call.context);
    return this.searchChart(search, call, {
      audit: { action: 'read', resourceType: 'allergies' },
      listing: (patient, take) => this.allergies.ofPatientListingParts(patient, search.after, take),
      mapper: () => (allergy) => toFhirAllergyIntolerance(allergy) as Identified,
      keyOf: (allergy) => [allergy.createdAt, allergy.id],
    });
  }

  searchConditions(call: FhirCall): Promise<FhirAnswer> {
    const search = parseSearch('Condition', call.query, call.context);
    return this.searchChart(search, call, {
      audit: { action: 'read', resourceType: 'chronic_conditions' },
      listing: (patient, take) => this.conditions.ofPatientListingParts(patient, search.criteria.statuses, search.after, take),
      mapper: () => (condition) => toFhirCondition(condition) as Identified,
      keyOf: (condition) => [condition.createdAt, condition.id],
    });
  }

  /** Only signed records' prescriptions: a draft's never leave through FHIR. */
  searchMedicationRequests(call: FhirCall): Promise<FhirAnswer> {
    const search = parseSearch('MedicationRequest', call.query, call.context);
    const signedIds = (patient: Prisma.Sql) => this.records.signedIdsOfVisitsPart(this.appointments.idsOfPatientPart(patient));
    return this.searchChart(search, call, {
      audit: { action: 'search', resourceType: 'prescription' },
      listing: (patient, take) => this.prescriptions.ofRecordsListingParts(signedIds(patient), search.after, take),
      extra: (patient) => ({ records: this.records.signedHeadersOfVisitsPart(this.appointments.idsOfPatientPart(patient)), visits: this.appointments.ofPatientPart(patient) }),
      mapper: ({ records, visits }) => {
        const record = byId(records);
        const visit = byId(visits);
        return (prescription) => {
          const signed = found(record.get(prescription.medicalRecordId), 'a record');
          return toFhirMedicationRequest(prescription, signed, found(visit.get(signed.appointmentId), 'a visit'), call.context) as Identified;
        };
      },
      keyOf: (prescription) => [prescription.createdAt, prescription.id],
    });
  }

  /**
   * A search within one patient's chart. A patient id that is nobody's finds nothing (an empty
   * Bundle, as FHIR searches answer), recorded as a failed attempt so that the trail shows who
   * tries ids; an archived patient's chart is searched like any other (it is history).
   */
  private async searchChart<Type extends ChartType, Row, Extra extends Record<string, unknown> = Record<string, never>>(
    search: FhirSearch<Type>,
    call: FhirCall,
    how: ChartSearch<Type, Row, Extra>,
  ): Promise<FhirAnswer> {
    const patientId = search.criteria.patientId;
    const event = { ...how.audit, patientId };
    if (search.matchesNothing) {
      await this.audit.record({ ...event, patientIds: [] });
      return fhirAnswer(searchsetBundle(search, { resources: [], total: 0 }, call.context), search.pretty);
    }
    const patient = Prisma.sql`${patientId}::uuid`;
    const { page, total } = how.listing(patient, takeOf(search));
    const extra = how.extra?.(patient) ?? ({} as ReadParts<Extra>);
    const read = await this.fhir.searchParts<ChartPage<Row> & Extra>({ ...extra, patient: this.patients.patientPart(patient), page, total } as ReadParts<ChartPage<Row> & Extra>);
    if (!read.patient) {
      await this.audit.record({ ...event, outcome: 'failed' });
      return fhirAnswer(searchsetBundle(search, { resources: [], total: 0 }, call.context), search.pretty);
    }
    const bundle = bundleOf(search, read.page, read.total, how.mapper(read), how.keyOf, call.context);
    await this.audit.record({ ...event, patientIds: (bundle.entry ?? []).length > 0 ? [patientId] : [] });
    return fhirAnswer(bundle, search.pretty);
  }
}
