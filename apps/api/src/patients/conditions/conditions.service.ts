import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '../../audit/audit-event.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { StaleWrite } from '../../common/domain-error.js';
import { assertFresh } from '../../common/etag.js';
import { type Page, toPage } from '../../common/pagination.js';
import { calendarDay } from '../calendar-date.js';
import { sentFields } from '../chart-fields.js';
import { entryKeyAfter, entryKeyOf } from '../cursors.js';
import type { PatientRecord } from '../patient-record.js';
import { assertNotBeforeBirth, PatientNotFound } from '../patients.errors.js';
import { PatientsService } from '../patients.service.js';
import type { ConditionChanges, ConditionRecord } from './condition-record.js';
import { ConditionNotFound } from './conditions.errors.js';
import { ConditionsRepository } from './conditions.repository.js';
import { type ConditionDto, toConditionDto } from './dto/condition.dto.js';
import type { CreateConditionDto } from './dto/create-condition.dto.js';
import type { ListConditionsQueryDto } from './dto/list-conditions-query.dto.js';
import type { UpdateConditionDto } from './dto/update-condition.dto.js';

function changesFrom(update: UpdateConditionDto): ConditionChanges {
  const { diagnosisDate, ...rest } = sentFields(update);
  return { ...rest, ...(diagnosisDate !== undefined && { diagnosisDate: diagnosisDate === null ? null : calendarDay(diagnosisDate) }) };
}

/**
 * The trail's words for this feature: one condition is `chronic_condition`, a patient's list
 * `chronic_conditions`. Actions: create, update, read; a removal is `archive` (see
 * ConditionsRepository.deleteCondition).
 */
const CONDITION = 'chronic_condition';
const CONDITION_LIST = 'chronic_conditions';

@Injectable()
export class ConditionsService {
  constructor(
    private readonly patients: PatientsService,
    private readonly conditions: ConditionsRepository,
    private readonly audit: AuditTrail,
  ) {}

  async listConditions(patientId: string, query: ListConditionsQueryDto): Promise<Page<ConditionDto>> {
    await this.findAuditedPatientOrFail(patientId, 'read', CONDITION_LIST, null);
    const rows = await this.conditions.listConditions(patientId, query.status, entryKeyAfter(query.cursor), query.limit + 1);
    const listed = toPage(rows, query.limit, entryKeyOf, toConditionDto);
    // One event per page, under this one patient: the caller saw their list, even an empty one.
    await this.audit.record({ action: 'read', resourceType: CONDITION_LIST, patientId, patientIds: [patientId] });
    return listed;
  }

  async recordCondition(patientId: string, condition: CreateConditionDto): Promise<ConditionDto> {
    const patient = await this.findAuditedPatientOrFail(patientId, 'create', CONDITION, null);
    const diagnosisDate = condition.diagnosisDate ? calendarDay(condition.diagnosisDate) : null;
    assertNotBeforeBirth(patient, diagnosisDate, 'diagnosisDate');
    // Recorded by the repository, in the same transaction as the new row.
    const recorded = await this.conditions.createCondition({
      patientId: patient.id,
      conditionName: condition.conditionName,
      diagnosisDate,
      status: condition.status ?? 'active',
      notes: condition.notes ?? null,
    });
    return toConditionDto(recorded);
  }

  async getCondition(patientId: string, conditionId: string): Promise<ConditionDto> {
    const patient = await this.findAuditedPatientOrFail(patientId, 'read', CONDITION, conditionId);
    const condition = await this.findAuditedConditionOrFail(patient.id, conditionId, 'read');
    await this.recordRead(condition);
    return toConditionDto(condition);
  }

  async updateCondition(patientId: string, conditionId: string, update: UpdateConditionDto, ifMatch: string | undefined): Promise<ConditionDto> {
    const patient = await this.findAuditedPatientOrFail(patientId, 'update', CONDITION, conditionId);
    const current = await this.findAuditedConditionOrFail(patient.id, conditionId, 'update');
    // A refused precondition (412) or invalid input (400) below records nothing: nothing was shown or changed.
    assertFresh(ifMatch, toConditionDto(current));
    const changes = changesFrom(update);
    assertNotBeforeBirth(patient, changes.diagnosisDate, 'diagnosisDate');
    if (Object.keys(changes).length === 0) {
      // Nothing changes, but the caller is shown the condition: that is a read.
      await this.recordRead(current);
      return toConditionDto(current);
    }
    // Recorded by the repository with the change; a lost race (null) records nothing.
    const updated = await this.conditions.updateCondition(current, changes);
    if (!updated) throw new StaleWrite();
    return toConditionDto(updated);
  }

  async removeCondition(patientId: string, conditionId: string): Promise<void> {
    await this.findAuditedPatientOrFail(patientId, 'archive', CONDITION, conditionId);
    // Recorded by the repository with the removal, when there was one.
    if (!(await this.conditions.deleteCondition(patientId, conditionId))) {
      await this.recordNotFound(patientId, conditionId, 'archive', CONDITION);
      throw new ConditionNotFound();
    }
  }

  private async findAuditedConditionOrFail(patientId: string, conditionId: string, action: AuditEntry['action']): Promise<ConditionRecord> {
    const condition = await this.conditions.findCondition(patientId, conditionId);
    if (!condition) {
      await this.recordNotFound(patientId, conditionId, action, CONDITION);
      throw new ConditionNotFound();
    }
    return condition;
  }

  /** The patient in the path; when there is none, the 404 is recorded (see recordNotFound) and thrown. */
  private async findAuditedPatientOrFail(patientId: string, action: AuditEntry['action'], resourceType: string, conditionId: string | null): Promise<PatientRecord> {
    try {
      return await this.patients.findPatientOrFail(patientId);
    } catch (error) {
      if (error instanceof PatientNotFound) await this.recordNotFound(patientId, conditionId, action, resourceType);
      throw error;
    }
  }

  /**
   * A 404 on this feature's routes, recorded before it is thrown (the answer stays a plain 404):
   * `denied` when the condition id is on another patient's chart (reached through this patient's
   * path: an attempt at a chart the path does not give), `failed` when the id is nobody's or the
   * patient in the path does not exist. The event names what the caller asked for: the patient of
   * the path and the condition id, never the other patient.
   */
  private async recordNotFound(patientId: string, conditionId: string | null, action: AuditEntry['action'], resourceType: string): Promise<void> {
    const owner = conditionId === null ? null : await this.conditions.findConditionOwner(conditionId);
    const outcome = owner !== null && owner !== patientId ? 'denied' : 'failed';
    await this.audit.record({ action, resourceType, resourceId: conditionId, patientId, outcome });
  }

  private recordRead(condition: ConditionRecord): Promise<void> {
    return this.audit.record({ action: 'read', resourceType: CONDITION, resourceId: condition.id, patientId: condition.patientId });
  }
}
