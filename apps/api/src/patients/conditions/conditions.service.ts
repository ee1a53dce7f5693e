import { Injectable } from '@nestjs/common';
import { StaleWrite } from '../../common/domain-error.js';
import { assertFresh } from '../../common/etag.js';
import { type Page, toPage } from '../../common/pagination.js';
import { calendarDay } from '../calendar-date.js';
import { sentFields } from '../chart-fields.js';
import { entryKeyAfter, entryKeyOf } from '../cursors.js';
import { assertNotBeforeBirth } from '../patients.errors.js';
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

@Injectable()
export class ConditionsService {
  constructor(
    private readonly patients: PatientsService,
    private readonly conditions: ConditionsRepository,
  ) {}

  async listConditions(patientId: string, query: ListConditionsQueryDto): Promise<Page<ConditionDto>> {
    await this.patients.findPatientOrFail(patientId);
    const rows = await this.conditions.listConditions(patientId, query.status, entryKeyAfter(query.cursor), query.limit + 1);
    return toPage(rows, query.limit, entryKeyOf, toConditionDto);
  }

  async recordCondition(patientId: string, condition: CreateConditionDto): Promise<ConditionDto> {
    const patient = await this.patients.findPatientOrFail(patientId);
    const diagnosisDate = condition.diagnosisDate ? calendarDay(condition.diagnosisDate) : null;
    assertNotBeforeBirth(patient, diagnosisDate, 'diagnosisDate');
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
    const patient = await this.patients.findPatientOrFail(patientId);
    return toConditionDto(await this.findConditionOrFail(patient.id, conditionId));
  }

  async updateCondition(patientId: string, conditionId: string, update: UpdateConditionDto, ifMatch: string | undefined): Promise<ConditionDto> {
    const patient = await this.patients.findPatientOrFail(patientId);
    const current = await this.findConditionOrFail(patient.id, conditionId);
    assertFresh(ifMatch, toConditionDto(current));
    const changes = changesFrom(update);
    assertNotBeforeBirth(patient, changes.diagnosisDate, 'diagnosisDate');
    if (Object.keys(changes).length === 0) return toConditionDto(current);
    const updated = await this.conditions.updateCondition(current, changes);
    if (!updated) throw new StaleWrite();
    return toConditionDto(updated);
  }

  async removeCondition(patientId: string, conditionId: string): Promise<void> {
    await this.patients.findPatientOrFail(patientId);
    if (!(await this.conditions.deleteCondition(patientId, conditionId))) throw new ConditionNotFound();
  }

  private async findConditionOrFail(patientId: string, conditionId: string): Promise<ConditionRecord> {
    const condition = await this.conditions.findCondition(patientId, conditionId);
    if (!condition) throw new ConditionNotFound();
    return condition;
  }
}
