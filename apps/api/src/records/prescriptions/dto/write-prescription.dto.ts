import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalProse, OptionalText, RequiredProse, RequiredText, SingleScript, UnlessAbsent } from '../../../common/fields/text.js';

const OVERRIDE = "Required to prescribe a medication that matches one of the patient's recorded allergies; kept with the prescription";

export class CreatePrescriptionDto {
  @ApiProperty({ example: 'Amoxicillin', maxLength: 255 })
  @RequiredText()
  @SingleScript()
  medicationName!: string;

  @ApiProperty({ example: '500 mg', maxLength: 255 })
  @RequiredText()
  strength!: string;

  @ApiProperty({ example: '1 capsule', maxLength: 255 })
  @RequiredText()
  dosage!: string;

  @ApiProperty({ example: 'every 8 hours', maxLength: 255 })
  @RequiredText()
  frequency!: string;

  @ApiProperty({ example: 'Take with food.', maxLength: 5000 })
  @RequiredProse(5000)
  instructions!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '10 days', maxLength: 255 })
  @OptionalText()
  duration?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 10000, example: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 12, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(12)
  refills?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Streptococcal pharyngitis', maxLength: 255 })
  @OptionalText()
  indication?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000, description: OVERRIDE })
  @OptionalProse(1000)
  overrideReason?: string | null;
}

/** Fields left out stay as they are; null clears an optional one. */
export class UpdatePrescriptionDto {
  @ApiPropertyOptional({ maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  @SingleScript()
  medicationName?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  strength?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  dosage?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  frequency?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @UnlessAbsent()
  @RequiredProse(5000)
  instructions?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @OptionalText()
  duration?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity?: number | null;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 12 })
  @UnlessAbsent()
  @IsInt()
  @Min(0)
  @Max(12)
  refills?: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @OptionalText()
  indication?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000, description: OVERRIDE })
  @OptionalProse(1000)
  overrideReason?: string | null;
}

/** Accepting an AI-extracted prescription: the body is optional. */
export class AcceptPrescriptionDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000, description: OVERRIDE })
  @OptionalProse(1000)
  overrideReason?: string | null;
}
