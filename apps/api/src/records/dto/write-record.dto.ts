import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalProse, OptionalText } from '../../common/fields/text.js';

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
  @OptionalProse(NOTE)
  historyOfPresentIllness?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalProse(NOTE)
  physicalExamNotes?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, example: 'Streptococcal pharyngitis' })
  @OptionalText()
  diagnosis?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalProse(NOTE)
  diagnosisNotes?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalProse(NOTE)
  treatmentPlan?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalProse(NOTE)
  followUpInstructions?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE })
  @OptionalProse(NOTE)
  patientEducation?: string | null;
}
