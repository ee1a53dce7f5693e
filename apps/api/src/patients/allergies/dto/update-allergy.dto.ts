import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { RequiredText, SingleScript, UnlessAbsent } from '../../../common/fields/text.js';
import { CreateAllergyDto } from './create-allergy.dto.js';

/** Fields left out stay as they are; null clears an optional one. The allergen may change, never to nothing. */
export class UpdateAllergyDto extends OmitType(CreateAllergyDto, ['allergen'] as const) {
  @ApiPropertyOptional({ example: 'Penicillin', maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  @SingleScript()
  allergen?: string;
}
