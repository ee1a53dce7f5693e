import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

/**
 * 201 answers name what they created: `Location: <collection>/<id>` (RFC 9110), from the id of
 * the representation the route returns.
 */
export class LocationHeader implements NestInterceptor {
  constructor(private readonly collection: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((created: unknown) => {
        const id = (created as { id?: unknown } | null)?.id;
        if (typeof id === 'string') reply.header('Location', `${this.collection}/${id}`);
        return created;
      }),
    );
  }
}

/** `@UseInterceptors(CreatedAt('/api/v1/patients'))`. */
export const CreatedAt = (collection: string) => new LocationHeader(collection);
