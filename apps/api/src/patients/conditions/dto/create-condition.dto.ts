import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PastCalendarDate } from '../../../common/fields/calendar-date.js';
import { OneOf, OptionalProse, RequiredText, UnlessAbsent } from '../../../common/fields/text.js';
import { CONDITION_STATUSES, type ConditionStatus } from '../condition-record.js';

export const NOTES_MAX_LENGTH = 10_000;

export class CreateConditionDto {
  @ApiProperty({ example: 'Essential hypertension', maxLength: 255 })
  @RequiredText()
  conditionName!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2019-04-12', description: 'YYYY-MM-DD; not in the future, not before the date of birth' })
  @IsOptional()
  @PastCalendarDate()
  diagnosisDate?: string | null;

  @ApiPropertyOptional({ enum: CONDITION_STATUSES, enumName: 'ConditionStatus', default: 'active' })
  @UnlessAbsent()
  @OneOf(CONDITION_STATUSES)
  status?: ConditionStatus;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Home readings twice a week', maxLength: NOTES_MAX_LENGTH })
  @OptionalProse(NOTES_MAX_LENGTH)
  notes?: string | null;
}
