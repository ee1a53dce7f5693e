import { ApiProperty } from '@nestjs/swagger';
import type { AmendmentRow } from '../medical-record.js';

export class AmendmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  medicalRecordId!: string;

  @ApiProperty({ format: 'uuid', description: 'The clinician who wrote the amendment' })
  authorId!: string;

  @ApiProperty({ example: 'Wrong side documented' })
  reason!: string;

  @ApiProperty({ example: 'The examined ear was the left one, not the right.' })
  text!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

export function toAmendmentDto(amendment: AmendmentRow): AmendmentDto {
  return {
    id: amendment.id,
    medicalRecordId: amendment.medicalRecordId,
    authorId: amendment.authorId,
    reason: amendment.reason,
    text: amendment.text,
    createdAt: amendment.createdAt.toISOString(),
  };
}
