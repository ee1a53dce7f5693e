import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The error body every route answers with (common/domain-error.filter.ts), for the OpenAPI
// document.

export class FieldErrorDto {
  @ApiProperty({ example: 'email' })
  field!: string;

  @ApiProperty({ type: [String], example: ['email must be an email'] })
  messages!: string[];
}

export class ErrorResponseDto {
  @ApiProperty({ example: 401 })
  statusCode!: number;

  @ApiProperty({ example: 'Unauthorized' })
  error!: string;

  @ApiProperty({ example: 'The access token is invalid or expired: refresh it or sign in again' })
  message!: string;

  @ApiPropertyOptional({ description: 'Machine-readable reason, for domain errors', example: 'not_authenticated' })
  code?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Present on 400 answers to invalid input' })
  errors?: FieldErrorDto[];
}
