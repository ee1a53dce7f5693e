import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig, LogLevel } from './config/app-config.js';
import { DomainErrorFilter } from './common/domain-error.filter.js';

type NestLogLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';

function nestLogLevels(level: LogLevel): NestLogLevel[] | false {
  const order: NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const upTo: Record<LogLevel, number> = { silent: -1, fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };
  return upTo[level] < 0 ? false : order.slice(0, upTo[level] + 1);
}

/** The configured application, initialised but not listening: main.ts listens, tests inject. */
export async function createApp(config: AppConfig & { databaseUrl: string }): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({ bodyLimit: config.bodyLimitBytes }),
    { logger: nestLogLevels(config.logLevel), abortOnError: false },
  );
  app.useGlobalFilters(new DomainErrorFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Clinic medical records API')
      .setDescription('The REST API clinic clients build against (see API.md).')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
