import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etagOf } from './etag.js';

/**
 * Sends the ETag of the representation a route returns, so the client can send it back as
 * If-Match on its next update. Services compute the tag from the same response DTO, which is
 * what makes the two agree.
 */
@Injectable()
export class EtagHeader implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((representation: unknown) => {
        reply.header('ETag', etagOf(representation));
        return representation;
      }),
    );
  }
}
