import { ApiProperty } from '@nestjs/swagger';
import { formatCalendarDate } from '../../../common/fields/calendar-date.js';
import { ALLERGY_SEVERITIES, type AllergyRecord } from '../allergy-record.js';

export class AllergyDto {
  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6a4d-4e5f-9b7a-1c2d3e4f5a6b' })
  patientId!: string;

  @ApiProperty({ example: 'Penicillin' })
  allergen!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Hives' })
  reaction!: string | null;

  @ApiProperty({ type: String, enum: ALLERGY_SEVERITIES, nullable: true, example: 'moderate' })
  severity!: AllergyRecord['severity'];

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2015-06-01' })
  onsetDate!: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-25T09:30:00.000Z', description: 'When it was recorded' })
  createdAt!: string;
}

export function toAllergyDto(allergy: AllergyRecord): AllergyDto {
  return {
    id: allergy.id,
    patientId: allergy.patientId,
    allergen: allergy.allergen,
    reaction: allergy.reaction,
    severity: allergy.severity,
    onsetDate: allergy.onsetDate ? formatCalendarDate(allergy.onsetDate) : null,
    createdAt: allergy.createdAt.toISOString(),
  };
}
