import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { OneOf } from '../../common/fields/text.js';
import { PageQueryDto } from '../../common/pagination.js';
import { PROVIDER_ROLES, type ProviderRole } from '../../identity/provider-role.js';

export class ListProvidersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROVIDER_ROLES, enumName: 'ProviderRole' })
  @IsOptional()
  @OneOf(PROVIDER_ROLES)
  role?: ProviderRole;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only active providers; false: only deactivated ones' })
  @IsOptional()
  // Query strings carry text: only the words true and false become booleans, anything else fails.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  isActive?: boolean;
}
