import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import { AppModule, type ServingConfig } from './app.module.js';
import { DomainErrorFilter } from './common/domain-error.filter.js';
import { recordRoutes } from './common/route-registry.js';
import { createValidationPipe } from './common/validation.js';
import { loggerOptions, logRequests, PinoNestLogger, requestIdOf } from './logging/request-logging.js';

export const API_PREFIX = 'api/v1';

/** The OpenAPI document of what is registered, served at /docs-json and drawn at /docs. */
function publishDocs(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Clinic medical records API')
      .setDescription('The REST API clinic clients build against. Errors: { statusCode, error, message } (see API.md).')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

export interface CreateAppOptions {
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream;
}

/** The configured application, initialised but not listening: main.ts listens, tests inject. */
export async function createApp(config: ServingConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({
      bodyLimit: config.bodyLimitBytes,
      trustProxy: config.trustProxy,
      logger: loggerOptions(config, options.logStream),
      genReqId: requestIdOf,
      // Fastify's own request lines carry the full URL; logRequests writes a safer one instead.
      logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    }),
    { bufferLogs: true, abortOnError: false },
  );
  recordRoutes(app);
  logRequests(app.getHttpAdapter().getInstance());
  app.useLogger(new PinoNestLogger(app.getHttpAdapter().getInstance().log));
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready'] });
  app.useGlobalFilters(new DomainErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false });
  await app.register(helmet, {
    // Swagger UI at /docs needs its inline bootstrap script and styles; nothing else is served.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  publishDocs(app);

  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
