import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { loadSession } from '../modules/orgs/index.ts';
import type { ModuleServices } from '../core/module.ts';
import { MAX_WORKBOOK_BYTES } from '../lib/xlsx.ts';
import { SESSION_COOKIE } from '../core/http/context.ts';
import { registerControlCharCheck } from '../core/http/control-chars.ts';
import {
  problemIn,
  problemLanguage,
  reportIn,
  toEnglish,
  validationToEnglish,
  type ValidationEntry,
} from '../core/http/problem-language.ts';
import { AppError } from '../core/errors.ts';
import { fileStoreFromEnv, type FileStore } from '../core/files/store.ts';
import { mailerFromEnv, type Mailer } from '../core/mail/mailer.ts';
import { registerJobRoutes } from './jobs-routes.ts';
import { createJobQueue } from './job-queue.ts';
import { MODULES } from './modules.ts';
import type { JobQueue } from '../core/jobs/index.ts';

// Validation messages in Vietnamese, for every schema in the process.
z.config(z.locales.vi());

export interface AppOptions {
  db: Db;
  /** pino options, or false for silence (tests). */
  logger?: boolean | object;
  /** Built web UI to serve (default web/dist when it exists). */
  webDir?: string | null;
  /** Set the Secure flag on cookies (behind HTTPS). Default: when NODE_ENV=production. */
  secureCookies?: boolean;
  /**
   * Behind reverse proxies: how many hops (a number) or which proxy addresses
   * and CIDRs (a list) may set the client address in X-Forwarded-For; false:
   * the socket's address. Never `true`, which would believe any client.
   */
  trustProxy?: false | number | string[];
  /** Public diploma lookups a client may make per minute (default 20). */
  lookupsPerMinute?: number;
  /** Public base URL (SOGD_PUBLIC_URL, publicUrlFromEnv): signed documents and did.json use it, never the Host header. */
  publicUrl?: string;
  /** The job queue whose worker runs in this process (`sogd serve`). */
  jobs?: JobQueue;
  /** A read-only standby for lag-tolerant public reads (default: db). */
  readDb?: Db;
  /** Where uploaded files go (default: FILES_DIR, or <DATA_DIR>/files). */
  files?: FileStore;
  /** Outgoing e-mail (default: SMTP_URL, or the outbox in <DATA_DIR>/outbox). */
  mail?: Mailer;
}

export type App = FastifyInstance;
export { requireScope, SESSION_COOKIE } from '../core/http/context.ts';

/** Fastify asks for its default compilers only where none is set: never, since the root sets zod's. */
function noDefaultCompiler(): never {
  throw new Error(
    'sogd: mọi route được kiểm tra bằng zod; không có trình biên dịch lược đồ mặc định.',
  );
}

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: proxyTrust(options.trustProxy ?? false),
    bodyLimit: 2 * 1024 * 1024,
    // Registering the modules' routes loads each module's route file: past
    // Fastify's 10 s default on a loaded 2-core machine (a test run failed
    // so), and an old school laptop starting cold may be as slow.
    pluginTimeout: 120_000,
    // Zod validates and serialises every route (the two compilers set just
    // below); factories of our own keep Fastify from loading its default Ajv
    // and fast-json-stringify ones at construction, unused (0.14 s of a 2 s
    // restart, issue #13 item 20).
    schemaController: {
      compilersFactory: { buildValidator: noDefaultCompiler, buildSerializer: noDefaultCompiler },
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  const secure = options.secureCookies ?? process.env.NODE_ENV === 'production';
  // Security headers on every answer (API, pages, /docs). The CSP allows only
  // this origin: the web bundle loads no remote code or fonts; AntD (and the
  // page's own <style>) inject inline styles, hence style-src 'unsafe-inline';
  // scripts stay 'self' only. Swagger UI's page also loads only its own files.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'", 'blob:'],
        // Only behind HTTPS: on a plain-HTTP install it would break every request.
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only means something over HTTPS, where the Secure cookie flag is on too.
    strictTransportSecurity: secure ? { maxAge: 15_552_000, includeSubDomains: false } : false,
  });
  // Uploads are workbooks: the same size limit as the CLI's, with the same message.
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_WORKBOOK_BYTES, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'sogd API',
        description: 'API của nền tảng số ngành Giáo dục và Đào tạo',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  app.decorateRequest('session', null);
  registerControlCharCheck(app);
  for (const module of MODULES) if (module.onClose) app.addHook('onClose', module.onClose);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await loadSession(options.db, token) : null;
    // CSRF: a state-changing request of a signed-in session must echo its token.
    const safe =
      request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
    if (!safe && request.session && request.headers['x-csrf-token'] !== request.session.csrfToken) {
      throw new AppError(
        403,
        'Thiếu mã chống giả mạo',
        'Yêu cầu thiếu hoặc sai mã x-csrf-token. Hãy tải lại trang và thử lại.',
      );
    }
  });

  // Every problem leaves through here, in the language the client asks for
  // (Accept-Language: en gives English; Vietnamese otherwise): the use cases
  // throw Vietnamese texts, problem-language.ts translates them.
  // An import's report answers its row errors (422) in the same language.
  app.addHook('preSerialization', async (request, _reply, payload) =>
    request.url.startsWith('/api/')
      ? reportIn(problemLanguage(request.headers['accept-language']), payload)
      : payload,
  );
  app.setErrorHandler((error, request, reply) => {
    const language = problemLanguage(request.headers['accept-language']);
    reply.header('content-language', language).header('vary', 'Accept-Language');
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .type('application/problem+json')
        .send(
          problemIn(language, {
            type: error.type,
            title: error.title,
            status: error.status,
            detail: error.detail,
            ...(error.errors.length ? { errors: error.errors } : {}),
          }),
        );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // The validation entries' type lives in a Fastify-internal module; this is their shape.
      const validation = error.validation as ValidationEntry[];
      const errors = validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: language === 'en' ? validationToEnglish(v) : (v.message ?? 'Không hợp lệ'),
      }));
      return reply
        .status(400)
        .type('application/problem+json')
        .send({
          type: 'about:blank',
          title: language === 'en' ? toEnglish('Dữ liệu không hợp lệ') : 'Dữ liệu không hợp lệ',
          status: 400,
          detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        });
    }
    if ((error as { code?: unknown }).code === '23505') {
      // A uniqueness the services check first, lost to a concurrent save: the
      // transaction rolled back, so nothing changed; say so instead of a 500.
      return reply
        .status(409)
        .type('application/problem+json')
        .send(
          problemIn(language, {
            type: 'about:blank',
            title: 'Dữ liệu bị trùng',
            status: 409,
            detail:
              'Đã có một bản ghi trùng (có thể do người khác vừa lưu cùng lúc). Dữ liệu của bạn chưa được lưu; hãy tải lại trang và thử lại.',
          }),
        );
    }
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status >= 500) request.log.error(error);
    return reply
      .status(status)
      .type('application/problem+json')
      .send(
        problemIn(language, {
          type: 'about:blank',
          title: status >= 500 ? 'Lỗi hệ thống' : 'Yêu cầu không hợp lệ',
          status,
          detail:
            status >= 500
              ? 'Đã có lỗi xảy ra phía máy chủ. Dữ liệu của bạn chưa bị thay đổi; vui lòng thử lại.'
              : status === 415
                ? 'Định dạng nội dung gửi lên không được hỗ trợ.'
                : status === 413
                  ? (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE'
                    ? `Tệp quá lớn; giới hạn là ${MAX_WORKBOOK_BYTES / 1e6} MB. Hãy chia danh sách thành nhiều tệp.`
                    : 'Nội dung gửi lên quá lớn.'
                  : 'Yêu cầu không đúng định dạng.',
        }),
      );
  });

  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  const jobs = options.jobs ?? createJobQueue(options.db);
  if (!options.jobs) app.addHook('onClose', () => jobs.stop());
  const services: ModuleServices = {
    db: options.db,
    readDb: options.readDb ?? options.db,
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
    secureCookies: secure,
    lookupsPerMinute: options.lookupsPerMinute,
    jobs,
    files: options.files ?? fileStoreFromEnv(),
    mail: options.mail ?? mailerFromEnv(),
  };
  for (const module of MODULES) await module.publicRoutes?.(app, services);

  await app.register(
    async (api) => {
      for (const module of MODULES) await module.routes?.(api, services);
      registerJobRoutes(api, { jobs });
    },
    { prefix: '/api' },
  );

  const webDir =
    options.webDir === undefined ? resolve(import.meta.dirname, '../../web/dist') : options.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, maxAge: '1h' });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/'))
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return notFoundProblem(request, reply);
    });
  } else {
    app.setNotFoundHandler((request, reply) => notFoundProblem(request, reply));
  }
  return app;
}

/**
 * Fastify 5 ignores a hop count (it cannot tell a proxy from a direct client),
 * so hops become a function: the socket's peer and the next hops-1 addresses
 * are our proxies; the client is the entry right before them. Only sound when
 * the proxies alone can reach sogd (it listens on 127.0.0.1 unless HOST says
 * otherwise); else name the proxies' addresses instead.
 */
function proxyTrust(
  trust: false | number | string[],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}

function notFoundProblem(request: FastifyRequest, reply: FastifyReply) {
  const language = problemLanguage(request.headers['accept-language']);
  return reply
    .status(404)
    .type('application/problem+json')
    .header('content-language', language)
    .header('vary', 'Accept-Language')
    .send(
      problemIn(language, {
        type: 'about:blank',
        title: 'Không tìm thấy',
        status: 404,
        detail: 'Không có tài nguyên nào ở địa chỉ này.',
      }),
    );
}
