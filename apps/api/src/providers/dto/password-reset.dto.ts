import { ApiProperty } from '@nestjs/swagger';

/** The answer to an admin's password reset: the only place the temporary password ever appears. */
export class PasswordResetDto {
  @ApiProperty({ description: 'Give it to the provider by a trusted channel; with it they can only sign in and choose their own password (POST /api/v1/auth/password): every other route answers 403 until then' })
  temporaryPassword!: string;

  @ApiProperty({ example: true })
  mustChangePassword!: boolean;
}
