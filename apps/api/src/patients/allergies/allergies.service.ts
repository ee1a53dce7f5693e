import { Injectable } from '@nestjs/common';
import type { Prisma } from '@clinic/db';
import type { ListingParts, ReadPart } from '../../common/read-parts.js';
import type { InstantKey } from '../../common/cursors.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { ChartEntries } from '../../common/chart-entries/chart-entries.js';
import { calendarDay } from '../../common/fields/calendar-date.js';
import { sentFields } from '../../common/fields/text.js';
import type { Page, PageQueryDto } from '../../common/pagination.js';
import { type PatientChart, PatientCharts } from '../patient-charts.js';
import { assertNotBeforeBirth } from '../patients.errors.js';
import { AllergiesRepository } from './allergies.repository.js';
import { AllergyNotFound } from './allergies.errors.js';
import type { AllergyChanges, AllergyRecord, NewAllergy } from './allergy-record.js';
import { type AllergyDto, toAllergyDto } from './dto/allergy.dto.js';
import type { CreateAllergyDto } from './dto/create-allergy.dto.js';
import type { UpdateAllergyDto } from './dto/update-allergy.dto.js';

/** An onset is a calendar day, and a patient cannot react to something before they were born. */
function newAllergy(patient: PatientChart, body: CreateAllergyDto): NewAllergy {
  const onsetDate = body.onsetDate ? calendarDay(body.onsetDate) : null;
  assertNotBeforeBirth(patient, onsetDate, 'onsetDate');
  return { patientId: patient.id, allergen: body.allergen, reaction: body.reaction ?? null, severity: body.severity ?? null, onsetDate };
}

function allergyChanges(patient: PatientChart, update: UpdateAllergyDto): AllergyChanges {
  const { onsetDate, ...rest } = sentFields(update);
  const changes: AllergyChanges = { ...rest, ...(onsetDate !== undefined && { onsetDate: onsetDate === null ? null : calendarDay(onsetDate) }) };
  assertNotBeforeBirth(patient, changes.onsetDate, 'onsetDate');
  return changes;
}

/** A patient's allergies: the chart's entries (ChartEntries) with this feature's own rules. */
@Injectable()
export class AllergiesService {
  private readonly entries: ChartEntries<PatientChart, AllergyRecord, AllergyDto>;

  constructor(
    charts: PatientCharts,
    private readonly allergies: AllergiesRepository,
    audit: AuditTrail,
  ) {
    this.entries = new ChartEntries(
      charts,
      { table: allergies.table, resourceType: 'allergy', listResourceType: 'allergies', toDto: toAllergyDto, notFound: () => new AllergyNotFound() },
      audit,
    );
  }

  listAllergies(patientId: string, page: PageQueryDto): Promise<Page<AllergyDto>> {
    return this.entries.list(patientId, page);
  }

  recordAllergy(patientId: string, body: CreateAllergyDto): Promise<AllergyDto> {
    return this.entries.create(patientId, (patient) => newAllergy(patient, body));
  }

  getAllergy(patientId: string, allergyId: string): Promise<AllergyDto> {
    return this.entries.get(patientId, allergyId);
  }

  correctAllergy(patientId: string, allergyId: string, update: UpdateAllergyDto, ifMatch: string | undefined): Promise<AllergyDto> {
    return this.entries.correct(patientId, allergyId, ifMatch, (patient) => allergyChanges(patient, update));
  }

  removeAllergy(patientId: string, allergyId: string): Promise<void> {
    return this.entries.remove(patientId, allergyId);
  }

  /** The patient's allergies, as a part of a read composed elsewhere (the chart). */
  ofPatientPart(patientId: Prisma.Sql): ReadPart<AllergyRecord[]> {
    return this.allergies.ofPatientPart(patientId);
  }

  /** The patient's allergies, one page and how many in all, as parts of a read composed elsewhere (FHIR's AllergyIntolerance search). */
  ofPatientListingParts(patientId: Prisma.Sql, after: InstantKey | undefined, take: number): ListingParts<AllergyRecord> {
    return this.allergies.ofPatientListingParts(patientId, after, take);
  }

  /** Unaudited: an allergy by its own id, for callers that record their own events (FHIR's read). */
  findAllergy(id: string): Promise<AllergyRecord | null> {
    return this.allergies.findAllergy(id);
  }

  /** What the patient is recorded as allergic to (the prescription check reads it here). */
  allergensOf(patientId: string): Promise<string[]> {
    return this.allergies.allergensOf(patientId);
  }
}
