import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/pagination.js';
import { ProviderDto } from '../../identity/dto/provider.dto.js';

export class ProviderPageDto extends PageMetaDto {
  @ApiProperty({ type: [ProviderDto] })
  data!: ProviderDto[];
}
