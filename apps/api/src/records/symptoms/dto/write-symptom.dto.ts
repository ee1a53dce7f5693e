import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalProse, OptionalText, RequiredText, UnlessAbsent } from '../../../common/fields/text.js';

const Severity = () => (target: object, key: string) => {
  IsOptional()(target, key);
  IsInt()(target, key);
  Min(1)(target, key);
  Max(10)(target, key);
};

export class CreateSymptomDto {
  @ApiProperty({ example: 'Sore throat', maxLength: 255 })
  @RequiredText()
  symptomName!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Throat', maxLength: 255 })
  @OptionalText()
  bodySite?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 10, example: 6 })
  @Severity()
  severity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '3 days', maxLength: 255 })
  @OptionalText()
  duration?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20000 })
  @OptionalProse(20_000)
  notes?: string | null;
}

/** Fields left out stay as they are; null clears an optional one. */
export class UpdateSymptomDto {
  @ApiPropertyOptional({ example: 'Sore throat', maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  symptomName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @OptionalText()
  bodySite?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 10 })
  @Severity()
  severity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @OptionalText()
  duration?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20000 })
  @OptionalProse(20_000)
  notes?: string | null;
}
