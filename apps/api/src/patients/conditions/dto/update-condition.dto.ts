import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PastCalendarDate } from '../../../common/fields/calendar-date.js';
import { OneOf, OptionalProse, RequiredText, UnlessAbsent } from '../../../common/fields/text.js';
import { CONDITION_STATUSES, type ConditionStatus } from '../condition-record.js';
import { NOTES_MAX_LENGTH } from './create-condition.dto.js';

/** Fields left out stay as they are; null clears an optional one. */
export class UpdateConditionDto {
  @ApiPropertyOptional({ example: 'Essential hypertension', maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  conditionName?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2019-04-12', description: 'YYYY-MM-DD; not in the future, not before the date of birth' })
  @IsOptional()
  @PastCalendarDate()
  diagnosisDate?: string | null;

  @ApiPropertyOptional({ enum: CONDITION_STATUSES, enumName: 'ConditionStatus', example: 'controlled' })
  @UnlessAbsent()
  @OneOf(CONDITION_STATUSES)
  status?: ConditionStatus;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTES_MAX_LENGTH })
  @OptionalProse(NOTES_MAX_LENGTH)
  notes?: string | null;
}
