import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/**
 * A path id that must be a UUID: anything else is the client's mistake (400 with the field, in
 * the validation pipe's shape), never a database error.
 */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: 'Validation failed',
          errors: [{ field: name, messages: [`${name} must be a UUID`] }],
        }),
    }),
  );
