import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../../common/pagination.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../../review/review-status.js';
import type { PrescriptionRow } from '../prescription-row.js';

const optional = (example?: string) => ({ type: String, nullable: true, ...(example && { example }) });

export class PrescriptionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  medicalRecordId!: string;

  @ApiProperty({ example: 'Amoxicillin' })
  medicationName!: string;

  @ApiProperty({ example: '500 mg' })
  strength!: string;

  @ApiProperty({ example: '1 capsule' })
  dosage!: string;

  @ApiProperty({ example: 'every 8 hours' })
  frequency!: string;

  @ApiProperty(optional('10 days'))
  duration!: string | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, example: 30 })
  quantity!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, example: 0 })
  refills!: number | null;

  @ApiProperty({ example: 'Take with food.' })
  instructions!: string;

  @ApiProperty(optional('Streptococcal pharyngitis'))
  indication!: string | null;

  @ApiProperty({ ...optional(), description: "Why it was prescribed although it matches one of the patient's allergies" })
  overrideReason!: string | null;

  @ApiProperty({ description: 'Extracted by the AI scribe rather than typed' })
  isAIExtracted!: boolean;

  @ApiProperty({
    enum: REVIEW_STATUSES,
    description: 'pending: extracted by the AI scribe, awaiting the clinician (accept or reject); accepted: on the chart (items typed by people are accepted from the start); rejected: kept for the audit, hidden from lists and the chart',
  })
  reviewStatus!: ReviewStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

export class PrescriptionPageDto extends PageMetaDto {
  @ApiProperty({ type: [PrescriptionDto] })
  data!: PrescriptionDto[];
}

export function toPrescriptionDto(prescription: PrescriptionRow): PrescriptionDto {
  return {
    id: prescription.id,
    medicalRecordId: prescription.medicalRecordId,
    medicationName: prescription.medicationName,
    strength: prescription.strength,
    dosage: prescription.dosage,
    frequency: prescription.frequency,
    duration: prescription.duration,
    quantity: prescription.quantity,
    refills: prescription.refills,
    instructions: prescription.instructions,
    indication: prescription.indication,
    overrideReason: prescription.overrideReason,
    isAIExtracted: prescription.isAIExtracted,
    reviewStatus: prescription.reviewStatus as ReviewStatus,
    createdAt: prescription.createdAt.toISOString(),
  };
}
