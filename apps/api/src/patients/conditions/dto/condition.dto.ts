import { ApiProperty } from '@nestjs/swagger';
import { formatCalendarDate } from '../../../common/fields/calendar-date.js';
import { CONDITION_STATUSES, type ConditionRecord } from '../condition-record.js';

export class ConditionDto {
  @ApiProperty({ format: 'uuid', example: '5c4b3a29-1807-4f6e-9d5c-4b3a29180f6e' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6a4d-4e5f-9b7a-1c2d3e4f5a6b' })
  patientId!: string;

  @ApiProperty({ example: 'Essential hypertension' })
  conditionName!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2019-04-12' })
  diagnosisDate!: string | null;

  @ApiProperty({ type: String, enum: CONDITION_STATUSES, nullable: true, example: 'active', description: 'null only on rows written before the API' })
  status!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Home readings twice a week' })
  notes!: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-25T09:30:00.000Z', description: 'When it was recorded' })
  createdAt!: string;
}

export function toConditionDto(condition: ConditionRecord): ConditionDto {
  return {
    id: condition.id,
    patientId: condition.patientId,
    conditionName: condition.conditionName,
    diagnosisDate: condition.diagnosisDate ? formatCalendarDate(condition.diagnosisDate) : null,
    status: condition.status,
    notes: condition.notes,
    createdAt: condition.createdAt.toISOString(),
  };
}
