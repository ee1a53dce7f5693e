import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalText } from '../../patients/chart-fields.js';

const NOTE = 20_000;

/**
 * The draft's text, replaced whole by PUT: a field left out or null is empty afterwards. isDraft,
 * signedAt, isAIGenerated, transcript and audioFileUrl are not fields of this body, so sending
 * them is refused (400) rather than silently ignored.
 */
export class WriteRecordDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, example: 'Sore throat for three days' })
  @OptionalText()
  chiefComplaint?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalText(NOTE)
  historyOfPresentIllness?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalText(NOTE)
  physicalExamNotes?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, example: 'Streptococcal pharyngitis' })
  @OptionalText()
  diagnosis?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalText(NOTE)
  diagnosisNotes?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalText(NOTE)
  treatmentPlan?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalText(NOTE)
  followUpInstructions?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalText(NOTE)
  patientEducation?: string | null;
}
