import { Injectable } from '@nestjs/common';
import type { Prisma } from '@clinic/db';
import type { ListingParts, ReadPart } from '../../common/read-parts.js';
import type { InstantKey } from '../../common/cursors.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { ChartEntries } from '../../common/chart-entries/chart-entries.js';
import { calendarDay } from '../../common/fields/calendar-date.js';
import { sentFields } from '../../common/fields/text.js';
import type { Page } from '../../common/pagination.js';
import { type PatientChart, PatientCharts } from '../patient-charts.js';
import { assertNotBeforeBirth } from '../patients.errors.js';
import type { ConditionChanges, ConditionRecord, ConditionStatus, NewCondition } from './condition-record.js';
import { ConditionNotFound } from './conditions.errors.js';
import { ConditionsRepository } from './conditions.repository.js';
import { type ConditionDto, toConditionDto } from './dto/condition.dto.js';
import type { CreateConditionDto } from './dto/create-condition.dto.js';
import type { ListConditionsQueryDto } from './dto/list-conditions-query.dto.js';
import type { UpdateConditionDto } from './dto/update-condition.dto.js';

/** A diagnosis is a calendar day, never before birth; a new condition is active unless said otherwise. */
function newCondition(patient: PatientChart, body: CreateConditionDto): NewCondition {
  const diagnosisDate = body.diagnosisDate ? calendarDay(body.diagnosisDate) : null;
  assertNotBeforeBirth(patient, diagnosisDate, 'diagnosisDate');
  return { patientId: patient.id, conditionName: body.conditionName, diagnosisDate, status: body.status ?? 'active', notes: body.notes ?? null };
}

function conditionChanges(patient: PatientChart, update: UpdateConditionDto): ConditionChanges {
  const { diagnosisDate, ...rest } = sentFields(update);
  const changes: ConditionChanges = { ...rest, ...(diagnosisDate !== undefined && { diagnosisDate: diagnosisDate === null ? null : calendarDay(diagnosisDate) }) };
  assertNotBeforeBirth(patient, changes.diagnosisDate, 'diagnosisDate');
  return changes;
}

/** A patient's chronic conditions: the chart's entries (ChartEntries) with this feature's own rules. */
@Injectable()
export class ConditionsService {
  private readonly entries: ChartEntries<PatientChart, ConditionRecord, ConditionDto>;

  constructor(
    charts: PatientCharts,
    private readonly conditions: ConditionsRepository,
    audit: AuditTrail,
  ) {
    this.entries = new ChartEntries(
      charts,
      { table: conditions.table, resourceType: 'chronic_condition', listResourceType: 'chronic_conditions', toDto: toConditionDto, notFound: () => new ConditionNotFound() },
      audit,
    );
  }

  /** The patient's conditions (with this status, when given), as a part of a read composed elsewhere (the chart, FHIR's $everything). */
  ofPatientPart(patientId: Prisma.Sql, status?: ConditionStatus): ReadPart<ConditionRecord[]> {
    return this.conditions.ofPatientPart(patientId, status);
  }

  /** The patient's conditions of any of these statuses (all, without), one page and how many in all, as parts of a read composed elsewhere (FHIR's Condition search). */
  ofPatientListingParts(patientId: Prisma.Sql, statuses: readonly string[] | undefined, after: InstantKey | undefined, take: number): ListingParts<ConditionRecord> {
    return this.conditions.ofPatientListingParts(patientId, statuses, after, take);
  }

  /** Unaudited: a condition by its own id, for callers that record their own events (FHIR's read). */
  findCondition(id: string): Promise<ConditionRecord | null> {
    return this.conditions.findCondition(id);
  }

  /** `?status=` narrows the list to one status. */
  listConditions(patientId: string, query: ListConditionsQueryDto): Promise<Page<ConditionDto>> {
    return this.entries.list(patientId, query, query.status === undefined ? {} : { status: query.status });
  }

  recordCondition(patientId: string, body: CreateConditionDto): Promise<ConditionDto> {
    return this.entries.create(patientId, (patient) => newCondition(patient, body));
  }

  getCondition(patientId: string, conditionId: string): Promise<ConditionDto> {
    return this.entries.get(patientId, conditionId);
  }

  updateCondition(patientId: string, conditionId: string, update: UpdateConditionDto, ifMatch: string | undefined): Promise<ConditionDto> {
    return this.entries.correct(patientId, conditionId, ifMatch, (patient) => conditionChanges(patient, update));
  }

  removeCondition(patientId: string, conditionId: string): Promise<void> {
    return this.entries.remove(patientId, conditionId);
  }
}
