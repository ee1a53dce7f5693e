import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../../common/pagination.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../../review/review-status.js';
import type { SymptomRow } from '../symptom-row.js';

export class SymptomDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  medicalRecordId!: string;

  @ApiProperty({ example: 'Sore throat' })
  symptomName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Throat' })
  bodySite!: string | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 10, example: 6 })
  severity!: number | null;

  @ApiProperty({ type: String, nullable: true, example: '3 days' })
  duration!: string | null;

  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;

  @ApiProperty({ description: 'Extracted by the transcription service rather than typed' })
  isAIExtracted!: boolean;

  @ApiProperty({
    enum: REVIEW_STATUSES,
    description: 'pending: extracted by the AI scribe, awaiting the clinician (accept or reject); accepted: on the chart (items typed by people are accepted from the start); rejected: kept for the audit, hidden from lists and the chart',
  })
  reviewStatus!: ReviewStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

export class SymptomPageDto extends PageMetaDto {
  @ApiProperty({ type: [SymptomDto] })
  data!: SymptomDto[];
}

export function toSymptomDto(symptom: SymptomRow): SymptomDto {
  return {
    id: symptom.id,
    medicalRecordId: symptom.medicalRecordId,
    symptomName: symptom.symptomName,
    bodySite: symptom.bodySite,
    severity: symptom.severity,
    duration: symptom.duration,
    notes: symptom.notes,
    isAIExtracted: symptom.isAIExtracted,
    reviewStatus: symptom.reviewStatus as ReviewStatus,
    createdAt: symptom.createdAt.toISOString(),
  };
}
