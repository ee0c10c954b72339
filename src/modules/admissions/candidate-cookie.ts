import type { FastifyReply } from 'fastify';
import {
  CANDIDATE_COOKIE,
  CANDIDATE_SESSION_HOURS,
  CandidateSignInThrottled,
} from './candidate-session.ts';

/**
 * The answer of a candidate's or family's sign-in, by slip or by personal id:
 * a throttled attempt carries Retry-After, a session its cookie (scoped to the
 * public admissions routes), the answer the session's CSRF token.
 */
export async function answerCandidateSignIn(
  reply: FastifyReply,
  signingIn: Promise<{ token: string; csrfToken: string }>,
  secure: boolean | undefined,
): Promise<{ csrfToken: string }> {
  const session = await signingIn.catch((error: unknown) => {
    if (error instanceof CandidateSignInThrottled)
      void reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  });
  reply.setCookie(CANDIDATE_COOKIE, session.token, {
    path: '/api/public/admissions',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: CANDIDATE_SESSION_HOURS * 3600,
  });
  return { csrfToken: session.csrfToken };
}
