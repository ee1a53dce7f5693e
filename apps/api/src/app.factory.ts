import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import { AppModule, type ServingConfig } from './app.module.js';
import { keepRequestForAudit } from './audit/audit-context.js';
import { setSecurityHeaders } from './bootstrap/security-headers.js';
import { FHIR_BASE_PATH } from './common/fhir-errors.js';
import { recordRoutes } from './common/route-registry.js';
import { createValidationPipe, jsonDepthExceeds, MAX_JSON_DEPTH, RefuseUnstorableText } from './common/validation.js';
import { loggerOptions, logRequests, PinoNestLogger, requestIdOf } from './logging/request-logging.js';
import { describeApi } from './openapi/api-document.js';

export const API_PREFIX = 'api/v1';

/**
 * The OpenAPI document of what is registered, served at /docs-json and drawn at /docs. Described
 * on the first request for it, not at start-up: walking every route's metadata takes about 150 ms
 * the process need not spend before it is ready (and the document is then kept).
 */
function publishDocs(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, () => describeApi(app), { jsonDocumentUrl: 'docs-json' });
}

/**
 * JSON bodies nested deeper than MAX_JSON_DEPTH are refused (400) before they are parsed: the
 * validation that walks a body recursively would otherwise overflow its stack on one ten
 * thousand levels deep. Parsing itself stays Fastify's (with its prototype-poisoning guard).
 */
function refuseDeepJson(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepthExceeds(body as string)) {
      done(Object.assign(new Error(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`), { statusCode: 400 }), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
}

/** The one route that takes an upload: the AI scribe's recording. */
const UPLOAD_ROUTES = new Set([`/${API_PREFIX}/appointments/:id/scribe`]);

/**
 * Multipart bodies are read by the route that takes them (the scribe's recording, streamed to at
 * most SCRIBE_MAX_AUDIO_BYTES), and refused (415) by every other route, which reads JSON only.
 */
async function acceptRecordings(app: NestFastifyApplication, config: ServingConfig): Promise<void> {
  await app.register(multipart, { limits: { fileSize: config.scribe.maxAudioBytes, files: 1, fields: 0, parts: 1 } });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (request, reply) => {
      if (request.isMultipart() && !UPLOAD_ROUTES.has(request.routeOptions.url ?? '')) {
        await reply.code(415).send({ statusCode: 415, error: 'Unsupported Media Type', message: 'This route takes JSON only' });
      }
    });
}

export interface CreateAppOptions {
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream;
}

/**
 * The configured application before it initialises: no module has started and nothing has
 * contacted the database yet, which is all the OpenAPI document needs (openapi/openapi-file.ts).
 */
export async function assembleApp(config: ServingConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
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
    // The JSON body parser is this file's own (refuseDeepJson): Nest registers none.
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  recordRoutes(app);
  logRequests(app.getHttpAdapter().getInstance());
  keepRequestForAudit(app.getHttpAdapter().getInstance());
  app.useLogger(new PinoNestLogger(app.getHttpAdapter().getInstance().log));
  // Health probes and the FHIR API (its base, /fhir/R4, is FHIR's convention) live outside /api/v1.
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', `${FHIR_BASE_PATH.slice(1)}/*path`] });
  refuseDeepJson(app);
  await acceptRecordings(app, config);
  setSecurityHeaders(app.getHttpAdapter().getInstance(), API_PREFIX);
  app.useGlobalPipes(new RefuseUnstorableText(), createValidationPipe());
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false });
  publishDocs(app);
  return app;
}

/** The configured application, initialised but not listening: main.ts listens, tests inject. */
export async function createApp(config: ServingConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const app = await assembleApp(config, options);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
