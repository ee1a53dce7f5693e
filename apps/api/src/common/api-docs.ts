import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiPreconditionFailedResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from './dto/error-response.dto.js';

// The OpenAPI side of the answers routes share, so each route lists every status it
// can give with one line each. 403 is documented by @Roles itself.

/** Every signed-in route: a bearer token, or 401. */
export const ApiSignedIn = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No access token, or an invalid or expired one' }),
  );

export const ApiInvalidInput = (description = 'Invalid input: the errors list names each field and what is wrong') =>
  ApiBadRequestResponse({ type: ErrorResponseDto, description });

export const ApiAbsent = (description: string) => ApiNotFoundResponse({ type: ErrorResponseDto, description });

/** Updates: optimistic concurrency through If-Match. */
export const ApiIfMatch = () =>
  applyDecorators(
    // Lower case, as handlers read it (@Headers('if-match')): Nest documents that parameter as a
    // required header of its own, and only the same name merges the two into one optional header.
    ApiHeader({
      name: 'if-match',
      required: false,
      description: 'The ETag of the version you edited; the update is refused (412) if the resource changed since',
    }),
    ApiPreconditionFailedResponse({ type: ErrorResponseDto, description: 'The resource changed since the version If-Match names: read it again' }),
  );

/**
 * Creations a client may retry safely: the optional Idempotency-Key header
 * (common/idempotency). Its 409 is listed by the route, with the route's own conflicts.
 */
export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Makes a retry safe: 1 to 255 printable ASCII characters, new for each creation. For 24 hours, the same key with the same body answers with what the first request created (201, Idempotent-Replayed: true) and creates nothing; the same key with another body gets 409.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  });

/** The header of a 201 that answers a retry with the earlier creation. */
export const IDEMPOTENT_REPLAYED_HEADER = {
  'Idempotent-Replayed': { description: 'true when this answer repeats the creation of an earlier request with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } },
};

/** Retry-After on 429 and 503 answers. */
export const RETRY_AFTER_HEADER = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
};

/** The Location header of a 201, for ApiCreatedResponse({ headers }). */
export const LOCATION_HEADER = {
  Location: { description: 'The path of the created resource', schema: { type: 'string' } },
};

/** The ETag response header of single-resource answers, for ApiOkResponse({ headers }). */
export const ETAG_HEADER = {
  ETag: { description: 'The version of this representation: send it as If-Match when updating', schema: { type: 'string' } },
};
