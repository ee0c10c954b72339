import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { loadSession } from '../modules/orgs/auth.ts';
import { registerDiplomaRoutes, registerDidDocument } from '../modules/diplomas/routes.ts';
import { registerOrgRoutes } from '../modules/orgs/routes.ts';
import { registerRegistryRoutes } from '../modules/registry/routes.ts';
import { registerSchoolRoutes } from '../modules/registry/schools-routes.ts';
import { registerYearEndRoutes } from '../modules/registry/year-routes.ts';
import { MAX_WORKBOOK_BYTES } from '../lib/xlsx.ts';
import { SESSION_COOKIE } from './context.ts';
import { registerControlCharCheck } from './control-chars.ts';
import { AppError } from './errors.ts';
import { registerJobRoutes } from './jobs.ts';
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
  /** Behind a reverse proxy: trust X-Forwarded-For for the client address. */
  trustProxy?: boolean;
  /** Public diploma lookups a client may make per minute (default 20). */
  lookupsPerMinute?: number;
  /** Public base URL (SOGD_PUBLIC_URL, publicUrlFromEnv): signed documents and did.json use it, never the Host header. */
  publicUrl?: string;
  /** The job queue whose worker runs in this process (`sogd serve`). */
  jobs?: JobQueue;
}

export type App = FastifyInstance;
export { requireScope, SESSION_COOKIE } from './context.ts';

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
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

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .type('application/problem+json')
        .send({
          type: error.type,
          title: error.title,
          status: error.status,
          detail: error.detail,
          ...(error.errors.length ? { errors: error.errors } : {}),
        });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // The validation entries' type lives in a Fastify-internal module; this is their shape.
      const validation = error.validation as { instancePath: string; message?: string }[];
      const errors = validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'Không hợp lệ',
      }));
      return reply
        .status(400)
        .type('application/problem+json')
        .send({
          type: 'about:blank',
          title: 'Dữ liệu không hợp lệ',
          status: 400,
          detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        });
    }
    if ((error as { code?: unknown }).code === '23505') {
      // A uniqueness the services check first, lost to a concurrent save: the
      // transaction rolled back, so nothing changed; say so instead of a 500.
      return reply.status(409).type('application/problem+json').send({
        type: 'about:blank',
        title: 'Dữ liệu bị trùng',
        status: 409,
        detail:
          'Đã có một bản ghi trùng (có thể do người khác vừa lưu cùng lúc). Dữ liệu của bạn chưa được lưu; hãy tải lại trang và thử lại.',
      });
    }
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status >= 500) request.log.error(error);
    return reply
      .status(status)
      .type('application/problem+json')
      .send({
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
      });
  });

  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  registerDidDocument(app, { db: options.db, publicUrl });

  const secure = options.secureCookies ?? process.env.NODE_ENV === 'production';
  await app.register(
    (api, _options, done) => {
      registerOrgRoutes(api, { db: options.db, secureCookies: secure });
      registerRegistryRoutes(api, { db: options.db });
      registerSchoolRoutes(api, { db: options.db });
      registerYearEndRoutes(api, { db: options.db });
      registerDiplomaRoutes(api, {
        db: options.db,
        publicUrl,
        lookupsPerMinute: options.lookupsPerMinute,
      });
      registerJobRoutes(api, { db: options.db, jobs: options.jobs });
      done();
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
      return notFoundProblem(reply);
    });
  } else {
    app.setNotFoundHandler((_request, reply) => notFoundProblem(reply));
  }
  return app;
}

function notFoundProblem(reply: FastifyReply) {
  return reply.status(404).type('application/problem+json').send({
    type: 'about:blank',
    title: 'Không tìm thấy',
    status: 404,
    detail: 'Không có tài nguyên nào ở địa chỉ này.',
  });
}
