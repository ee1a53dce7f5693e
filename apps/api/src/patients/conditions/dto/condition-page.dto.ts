import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../../common/pagination.js';
import { ConditionDto } from './condition.dto.js';

export class ConditionPageDto extends PageMetaDto {
  @ApiProperty({ type: [ConditionDto] })
  data!: ConditionDto[];
}
