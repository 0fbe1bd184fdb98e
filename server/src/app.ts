import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { RequestListener, Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import connectPgSimple from 'connect-pg-simple';
import express, { type RequestHandler } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import passport from 'passport';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { DataSource } from 'typeorm';
import { SESSION_COOKIE } from '@infraforum/shared';
import { AppModule } from './app.module.js';
import { bodyParserErrors, requireJsonBody } from './common/http-middleware.js';
import { hasSessionCookie } from './common/session-cookie.js';
import { requestForLog, responseForLog } from './common/log-serializers.js';
import { trustProxy } from './common/trust-proxy.js';
import { PinoNestLogger } from './common/pino-logger.js';
import type { RuntimeConfig } from './config/runtime-config.js';
import { poolOf } from './database/prepared-query.js';
import { AnonymousCache } from './runtime/anonymous-cache.js';

// Room for the longest valid post (50,000 characters, Danish letters taking two bytes) with its attributes.
const JSON_BODY_LIMIT = '256kb';

export interface CreateAppOptions {
  logger: Logger;
  /** SvelteKit's adapter-node handler; every path outside /api goes to it. */
  webHandler?: RequestHandler;
}

export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Infraforum API')
    .setDescription('Infraforum: Danish municipalities and KOMBIT sharing how they run the common municipal infrastructure.')
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE)
    .build();
  // Controller method names are unique across the API, so they make readable operation ids.
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
}

export async function createApp(config: RuntimeConfig, options: CreateAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  app.set('trust proxy', trustProxy(config.trustProxy));
  app.disable('x-powered-by');

  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: (request, response) => {
        const incoming = request.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (request) => request.url === '/api/health' },
      // No headers (cookies, referers) and no one-time tokens from URLs: logs must not hold credentials.
      serializers: { req: requestForLog, res: responseForLog },
    }),
  );

  // Helmet's headers everywhere, its CSP only for the API: it would block SvelteKit's inline bootstrap,
  // and SvelteKit sets a hashed CSP for pages. Referrer "same-origin", not "no-referrer", under which
  // browsers send `Origin: null` on form posts and SvelteKit's CSRF check refuses them.
  app.use(helmet({ contentSecurityPolicy: false, referrerPolicy: { policy: 'same-origin' } }));
  app.use('/api', helmet.contentSecurityPolicy());
  app.use('/api', requireJsonBody, express.json({ limit: JSON_BODY_LIMIT, strict: true }), bodyParserErrors);

  const PgStore = connectPgSimple(session);
  const dataSource = app.get(DataSource);
  const pool = poolOf(dataSource);
  // Sessions belong to the API; pages and assets never touch the session table (the web forwards the cookie).
  const sessions = session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store: new PgStore({ pool, tableName: 'session', createTableIfMissing: false, pruneSessionInterval: 15 * 60 }),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    // Secure whenever people reach us over HTTPS (PUBLIC_URL), which is required in production.
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https:'), maxAge: 14 * 24 * 60 * 60 * 1000, path: '/' },
  });
  const withSession = express.Router();
  withSession.use(sessions, passport.initialize(), passport.session());
  // The health check must answer (503) even when the session store cannot. A read without a session cookie
  // is anonymous by definition: it skips the session machinery (and never creates a session). Feeds are public
  // and shared-cacheable: they never load a session, so no Set-Cookie rides on them.
  app.use('/api', (request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (request.path === '/health' || request.path.startsWith('/feeds/')) return next();
    const anonymousRead = (request.method === 'GET' || request.method === 'HEAD') && !hasSessionCookie(request.headers.cookie);
    return anonymousRead ? next() : withSession(request, response, next);
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', yamlDocumentUrl: 'api/openapi.yaml' });

  const web = options.webHandler;
  if (web) {
    app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
      if (request.path === '/api' || request.path.startsWith('/api/')) return next();
      web(request, response, next);
    });
  }
  await app.init();
  if (config.anonymousCacheSeconds > 0) {
    // In front of the whole chain: a cached answer costs no middleware, no SvelteKit render and no SQL.
    const cache = new AnonymousCache({
      ttlMs: config.anonymousCacheSeconds * 1000,
      bypass: (path) => path === '/api/health' || path.startsWith('/api/dev/') || path.startsWith('/api/auth/'),
    });
    const server = app.getHttpServer() as Server;
    const listeners = server.listeners('request') as RequestListener[];
    server.removeAllListeners('request');
    for (const listener of listeners) server.on('request', cache.wrap(listener));
  }
  return app;
}
