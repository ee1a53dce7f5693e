import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { invalidInput } from './validation.js';

/**
 * A path id that must be a UUID: anything else is the client's mistake (400 with the field, in
 * the validation pipe's shape), never a database error. It documents itself in the OpenAPI
 * document as a uuid path parameter.
 */
export const UuidParam =
  (name: string): ParameterDecorator =>
  (target, method, index) => {
    Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalidInput([{ field: name, messages: [`${name} must be a UUID`] }]) }))(target, method, index);
    const descriptor = method === undefined ? undefined : Object.getOwnPropertyDescriptor(target, method);
    if (method !== undefined && descriptor) ApiParam({ name, type: String, format: 'uuid' })(target, method, descriptor);
  };
