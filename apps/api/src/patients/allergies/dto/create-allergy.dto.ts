import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PastCalendarDate } from '../../../common/fields/calendar-date.js';
import { OneOf, OptionalText, RequiredText, SingleScript } from '../../../common/fields/text.js';
import { ALLERGY_SEVERITIES, type AllergyRecord } from '../allergy-record.js';

export class CreateAllergyDto {
  @ApiProperty({ example: 'Penicillin', maxLength: 255 })
  @RequiredText()
  @SingleScript()
  allergen!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Hives', maxLength: 255 })
  @OptionalText()
  reaction?: string | null;

  @ApiPropertyOptional({ type: String, enum: ALLERGY_SEVERITIES, nullable: true, example: 'moderate' })
  @IsOptional()
  @OneOf(ALLERGY_SEVERITIES)
  severity?: AllergyRecord['severity'];

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2015-06-01', description: 'YYYY-MM-DD; not in the future, not before the date of birth' })
  @IsOptional()
  @PastCalendarDate()
  onsetDate?: string | null;
}
