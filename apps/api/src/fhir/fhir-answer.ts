import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Resource } from '@medplum/fhirtypes';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { FHIR_CONTENT_TYPE } from '../common/fhir-errors.js';

/** What a FHIR route answers: the resource, and whether the client asked for it indented (`_pretty=true`). */
export interface FhirAnswer {
  resource: Resource;
  pretty: boolean;
}

export const fhirAnswer = (resource: Resource, pretty: boolean): FhirAnswer => ({ resource, pretty });

/** Writes a FhirAnswer as `application/fhir+json`, indented when asked. */
@Injectable()
export class FhirJson implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<FhirAnswer>): Observable<string> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map(({ resource, pretty }) => {
        void reply.type(FHIR_CONTENT_TYPE);
        return JSON.stringify(resource, null, pretty ? 2 : undefined);
      }),
    );
  }
}
