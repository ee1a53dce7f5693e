import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/pagination.js';
import { VitalSignsDto } from './vital-signs.dto.js';

export class VitalSignsPageDto extends PageMetaDto {
  @ApiProperty({ type: [VitalSignsDto] })
  data!: VitalSignsDto[];
}
