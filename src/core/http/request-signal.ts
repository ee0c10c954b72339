import type { FastifyReply } from 'fastify';

/**
 * The reason a request's work is stopped: its client is gone (closed the
 * page, lost the connection) before the answer was sent. 499 as nginx logs
 * it; nobody reads the answer, and nothing is written (the import's
 * transaction rolls back).
 */
export class RequestGoneError extends Error {
  readonly statusCode = 499;
  constructor() {
    super(
      'Người gửi đã đóng kết nối trước khi có kết quả; việc nhập tệp đã dừng, không có gì được ghi.',
    );
  }
}

/**
 * Aborted when the connection closes before the reply is finished: long
 * work (an import reading a large file) passes it down and stops there,
 * instead of going on for nobody.
 */
export function requestGoneSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new RequestGoneError());
  });
  return controller.signal;
}
