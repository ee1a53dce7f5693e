import { ApiProperty } from '@nestjs/swagger';
import { ProviderDto } from '../../identity/dto/provider.dto.js';

/** What sign-in and refresh answer: a token pair and who it is for. */
export class SessionDto {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>. A JWT (HS256) with sub, role, sep (session epoch), iat and exp' })
  accessToken!: string;

  @ApiProperty({ description: 'Single use: exchange it at /auth/refresh for a new pair before it idles out, and keep it secret' })
  refreshToken!: string;

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn!: number;

  @ApiProperty({ type: ProviderDto })
  provider!: ProviderDto;
}
