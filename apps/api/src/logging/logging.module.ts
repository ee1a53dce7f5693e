import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';

// A caller's request id is kept when it looks like one; anything else is replaced, so a client
// cannot write arbitrary text into the logs through the header.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The path alone: query strings carry patient names, phones and birth dates (`?q=…`), and a log
 * must never hold health data or identities.
 */
function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

/**
 * JSON logs (pino) with the request id on every line and in the `x-request-id` response header.
 * Only method, path, status and timing are logged for a request: never bodies, query strings or
 * credentials, and the paths below are redacted should anything log them anyway.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (request: IncomingMessage, response: ServerResponse) => {
              const offered = request.headers['x-request-id'];
              const id = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
              response.setHeader('x-request-id', id);
              return id;
            },
            serializers: {
              req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, path: pathOnly(request.url) }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
            redact: {
              paths: ['req.headers', 'req.query', 'req.body', 'password', 'passwordHash', 'accessToken', 'refreshToken', '*.password', '*.passwordHash', '*.accessToken', '*.refreshToken'],
              censor: '[redacted]',
            },
            customSuccessMessage: (request: IncomingMessage, response: ServerResponse) => `${request.method} ${pathOnly(request.url)} ${response.statusCode}`,
            customErrorMessage: (request: IncomingMessage, response: ServerResponse) => `${request.method} ${pathOnly(request.url)} ${response.statusCode}`,
          },
        }),
      ],
    };
  }
}
