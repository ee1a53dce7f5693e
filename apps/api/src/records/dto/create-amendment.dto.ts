import { ApiProperty } from '@nestjs/swagger';
import { RequiredProse, RequiredText } from '../../common/fields/text.js';

export class CreateAmendmentDto {
  @ApiProperty({ example: 'Wrong side documented', maxLength: 255 })
  @RequiredText()
  reason!: string;

  @ApiProperty({ example: 'The examined ear was the left one, not the right.', maxLength: 20000 })
  @RequiredProse(20_000)
  text!: string;
}
