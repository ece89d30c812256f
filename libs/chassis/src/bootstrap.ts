import { INestApplication, Logger as NestLogger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import {
  AppExceptionFilter,
  ErrorBody,
  METRICS_REGISTRY,
  ServiceEnv,
  StatusForCode,
  assignCorrelationId,
  enterCorrelationContext,
  createValidationPipe,
  httpMetricsMiddleware,
  nameBodyParseErrors,
  InputSafetyPipe,
  UuidParamsInterceptor,
} from '@dealgate/common';
import { ServiceName } from '@dealgate/messages';
import { describeContract } from './openapi/contract';
import { routeFacts } from './openapi/routes';

export interface ServiceAppOptions {
  service: ServiceName;
  config: ServiceEnv;
  statusForCode?: StatusForCode;
  /** Request body limit; bigger only where an endpoint takes uploads. */
  bodyLimit?: string;
  /** Middleware that must see the raw body stream (the gateway's proxy). */
  beforeBodyParsing?: (app: NestExpressApplication, config: ServiceEnv) => void;
  /**
   * The service's @nestjs/swagger plugin metadata (`apps/<service>/src/openapi.metadata.ts`, written by
   * `npm run openapi`): property types and response types that neither tsc nor SWC record at run time.
   */
  openapiMetadata?: () => Promise<Record<string, unknown>>;
  /** Where the service's own OpenAPI JSON is served, and where Swagger UI loads its document from. */
  docs?: { jsonDocumentUrl: string; swaggerUrl?: string };
}

/** Builds a service's HTTP app the same way everywhere: security headers, limits, errors, docs, prefix. */
export async function createServiceApp(module: unknown, options: ServiceAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.use(httpMetricsMiddleware(app.get<Registry>(METRICS_REGISTRY)));
  app.use(assignCorrelationId);
  options.beforeBodyParsing?.(app, options.config);
  // The correlation context opens after body parsing: body-parser resumes on stream events, which would
  // otherwise lose the AsyncLocalStorage context that logs and emitted jobs read.
  app.use(express.json({ limit: options.bodyLimit ?? '256kb' }));
  app.use(express.urlencoded({ extended: false, limit: options.bodyLimit ?? '256kb' }));
  app.use(nameBodyParseErrors);
  app.use(enterCorrelationContext);
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(new InputSafetyPipe(), createValidationPipe());
  app.useGlobalInterceptors(new UuidParamsInterceptor());
  app.useGlobalFilters(new AppExceptionFilter(options.statusForCode));
  app.enableShutdownHooks();
  if (options.openapiMetadata) await SwaggerModule.loadPluginMetadata(options.openapiMetadata);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(`Dealgate ${options.service}`).setVersion('1').addBearerAuth().build(),
    { extraModels: [ErrorBody] },
  );
  describeContract(document, routeFacts(app), options.statusForCode);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: options.docs?.jsonDocumentUrl ?? 'api/docs-json',
    swaggerUrl: options.docs?.swaggerUrl,
    // Swagger UI prefers an embedded document over `swaggerUrl`; an empty one makes it load the URL (the gateway's
    // merged document) instead of showing only the gateway's own routes.
    ...(options.docs?.swaggerUrl ? { swaggerOptions: { spec: {} } } : {}),
  });
  return app;
}

export async function listen(app: INestApplication, config: ServiceEnv, service: ServiceName): Promise<string> {
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  new NestLogger(service).log(`${service} listening on ${url}`);
  return url;
}
