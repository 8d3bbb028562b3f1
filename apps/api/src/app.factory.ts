import { createServer, type RequestListener } from 'node:http';
import multipart from '@fastify/multipart';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { UPLOAD_MAX_BYTES } from '@jingcai/shared';
import { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { Clock } from './common/clock';
import { PiiCipher } from './common/crypto/pii-cipher';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/errors/validation';
import { FastPaths } from './common/http/fast-path';
import {
  answerClientError,
  FALLBACK_HEADERS,
  parseJsonBody,
  requestIdOf,
  validationEnvelope,
} from './common/http/hardening';
import { JsonBodyGuard } from './common/http/json-body.guard';
import { applyMethodOverride } from './common/http/method-override';
import { buildOpenApiDocument } from './common/http/openapi';
import { securityHeaders } from './common/http/security-headers';
import { createLoggers, NestPinoLogger } from './common/logging/logger';
import type { AppConfig } from './config/app-config';
import { seedDemoData } from './database/seeds/seed-demo';

export interface CreateAppOptions {
  /** Where JSON logs go (stdout by default); tests pass a stream to inspect them. */
  logStream?: DestinationStream;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the fully configured application without listening, for `main.ts` and e2e tests alike. */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const { logger, accessLog } = createLoggers(config.logLevel, options.logStream, config.logFormat);
  /** The fast paths, once the application exists: the server is made before it. */
  const served: { fastPaths?: FastPaths } = {};
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    // Read by genReqId instead of Fastify, which would take any value of any length as it is.
    requestIdHeader: false,
    genReqId: requestIdOf,
    // The fast paths (common/http/fast-path.ts) are asked first; the method override applies before Fastify
    // routes on the method.
    serverFactory: (handler: RequestListener) =>
      createServer((request, response) => {
        if (served.fastPaths?.take(request, response)) return;
        applyMethodOverride(request);
        handler(request, response);
      }),
    clientErrorHandler: answerClientError,
    // A URL that is not valid percent-encoding fails before routing, the header hooks and the exception filter.
    frameworkErrors: (_error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      void reply
        .status(400)
        .headers({ ...FALLBACK_HEADERS, 'x-request-id': request.id })
        .send(JSON.stringify(validationEnvelope(request.id)));
    },
    // One line per request, written when it completes (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    // Fastify parses bodies itself (JSON below, multipart in the uploads plugin).
    bodyParser: false,
  });

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe(config.env === 'test'));
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalGuards(new JsonBodyGuard(app.get(Reflector)));
  // `date` lets the H5 build read server time for quiz countdowns.
  // content-disposition: the console names downloaded exports as the API does.
  const exposedHeaders = ['x-request-id', 'date', 'content-disposition'];
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    credentials: false,
    exposedHeaders,
    maxAge: 600,
  });
  // Only POST /api/uploads reads multipart; these limits bound what any request can make it buffer.
  await app.register(multipart, {
    limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5, parts: 6 },
  });
  const fastify = app.getHttpAdapter().getInstance();
  // wx.request labels every request application/json, bodiless DELETEs and POSTs included: an empty body is
  // no body rather than malformed JSON. The fast paths parse bodies with the same function.
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES },
    (_request, body, done) => {
      let parsed: unknown;
      try {
        parsed = parseJsonBody(body as string);
      } catch (error) {
        return done(error as Error, undefined);
      }
      done(null, parsed);
    },
  );
  const headers = securityHeaders({ apiDocs: config.apiDocs });
  fastify
    .addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers);
      done();
    })
    .addHook('onSend', (request, reply, _payload, done) => {
      void reply.header('x-request-id', request.id);
      // Answers carry personal data (masked or not) and differ per token: no browser or proxy keeps them,
      // unless the route chose otherwise (signed images, certificates).
      if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
      done();
    })
    .addHook('onResponse', (request, reply, done) => {
      // The path only: query strings can carry codes and tokens (WeChat's own APIs put them there).
      const path = request.url.split('?', 1)[0];
      accessLog.write({
        reqId: request.id,
        method: request.method,
        path,
        ip: request.ip,
        statusCode: reply.statusCode,
        responseTime: reply.elapsedTime,
      });
      done();
    });

  if (config.apiDocs) {
    SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  }

  await app.init();
  // A fast path serves only requests without an Origin, which the CORS plugin answers with these two.
  const corsHeaders = { 'access-control-expose-headers': exposedHeaders.join(', '), vary: 'Origin' };
  const fastPaths = app.get(FastPaths);
  fastPaths.serve({
    headers: { ...headers, ...corsHeaders },
    accessLog,
    logger,
    trustProxy: config.trustProxy,
  });
  served.fastPaths = fastPaths;
  if (config.demoSeed) {
    const started = Date.now();
    const seeded = await seedDemoData(app.get(DataSource), app.get(PiiCipher), app.get(Clock).now());
    // `pnpm demo` prints the seeding time from this line, so it is written at info even when LOG_LEVEL asks
    // for less (CI runs the demo at warn), and flushed at once (JSON lines are buffered). Silent stays silent.
    const seedLog = logger.child(
      { context: 'Seed' },
      { level: config.logLevel === 'silent' ? 'silent' : 'info' },
    );
    seedLog.info(
      seeded ? `seeded the demo district in ${Date.now() - started} ms` : 'demo district already present',
    );
    seedLog.flush();
  }
  return app;
}
