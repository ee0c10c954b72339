import type { FastifyRequest } from 'fastify';
import type { ScopeUser } from '../access/scope.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { Scope } from '../access/scope.ts';

export const SESSION_COOKIE = 'sogd_session';

/** A signed-in session as the kernel needs it (the accounts module loads it). */
export interface Session {
  sessionId: string;
  csrfToken: string;
  user: ScopeUser;
  mustChangePassword: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
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
