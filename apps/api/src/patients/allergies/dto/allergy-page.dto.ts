import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../../common/pagination.js';
import { AllergyDto } from './allergy.dto.js';

export class AllergyPageDto extends PageMetaDto {
  @ApiProperty({ type: [AllergyDto] })
  data!: AllergyDto[];
}
