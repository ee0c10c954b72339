import type { FastifyRequest } from 'fastify';
import type { LoadedSession } from '../modules/orgs/auth.ts';
import { forbidden, unauthorized } from './errors.ts';
import { Scope } from './scope.ts';

export const SESSION_COOKIE = 'sogd_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: LoadedSession | null;
  }
}

/** The caller's scope; 401 when not signed in, 403 until a first password is replaced. */
export function requireScope(request: FastifyRequest): Scope {
  const session = request.session;
  if (!session) throw unauthorized();
  if (session.mustChangePassword)
    throw forbidden('Bạn phải đổi mật khẩu được cấp trước khi sử dụng hệ thống.');
  return new Scope(session.user, request.ip);
}
