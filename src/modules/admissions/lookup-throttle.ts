import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { RateLimiter } from '../../core/http/rate-limit.ts';

/**
 * The public result lookups' throttle per address (grade 10 by candidate
 * code, entry grades by personal id): an onRequest hook answering 429 with
 * Retry-After once `limiter`'s bucket for the address is empty.
 */
export function lookupThrottle(limiter: RateLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const wait = limiter.take(request.ip);
    if (wait > 0) {
      void reply.header('retry-after', String(wait));
      throw new AppError(
        429,
        'Tra cứu quá nhiều lần',
        `Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ${wait} giây.`,
      );
    }
  };
}
