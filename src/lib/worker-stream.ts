import { parentPort, Worker } from 'node:worker_threads';

/**
 * An async sequence produced in a worker thread and consumed here, with flow
 * control: the worker runs at most WORKER_WINDOW items ahead, so a fast
 * producer never piles a whole file up in memory. Used where reading a file
 * competes with the embedded database for the main thread (PGlite runs on it).
 */

type ToParent<T> =
  | { type: 'item'; item: T }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string; stack?: string };

/** The module that registers tsx in the worker before loading the TypeScript module (workers do not inherit loaders). */
const BOOTSTRAP = new URL('../../bin/ts-worker.js', import.meta.url);
/** Compiled to dist/ (`npm run build`): workers load the compiled `.js` beside this file, no tsx. */
const COMPILED = import.meta.url.endsWith('.js');

const WORKER_WINDOW = 12;

/**
 * Runs `module` (a TypeScript module calling `serveToParent`) in a worker,
 * which finds `data` as `workerData.data`, and yields what it produces.
 * Errors thrown there are thrown here, rebuilt by `reviveError` from their
 * class name and message. Leaving the loop early stops the worker, and so
 * does `signal` (the request is gone): its reason is thrown at once.
 */
export async function* iterateInWorker<T>(
  module: URL,
  data: unknown,
  reviveError: (name: string, message: string) => Error = (_n, m) => new Error(m),
  signal?: AbortSignal,
): AsyncGenerator<T> {
  signal?.throwIfAborted();
  const worker = COMPILED
    ? new Worker(new URL(module.href.replace(/\.ts$/, '.js')), { workerData: { data } })
    : new Worker(BOOTSTRAP, { workerData: { module: module.href, data } });
  const queue: ToParent<T>[] = [];
  let wake: (() => void) | null = null;
  const state: { failure: Error | null; exited: boolean } = { failure: null, exited: false };
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: ToParent<T>) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    state.failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    state.exited = true;
    if (code !== 0 && !state.failure)
      state.failure = new Error(`Luồng đọc tệp dừng bất thường (mã ${code}).`);
    notify();
  });
  signal?.addEventListener('abort', notify, { once: true });
  try {
    for (;;) {
      signal?.throwIfAborted();
      const message = queue.shift();
      if (!message) {
        if (state.failure) throw state.failure;
        if (state.exited) throw new Error('Luồng đọc tệp kết thúc trước khi đọc xong.');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'done') return;
      if (message.type === 'error') {
        const error = reviveError(message.name, message.message);
        if (message.stack) error.stack = message.stack;
        throw error;
      }
      worker.postMessage('ack');
      yield message.item;
    }
  } finally {
    signal?.removeEventListener('abort', notify);
    await worker.terminate();
  }
}

/**
 * The worker's side: posts each item, waiting while WORKER_WINDOW of them are
 * unconsumed. The buffers `transfer` names for an item move to the parent
 * without a copy (they are then unusable here).
 */
export async function serveToParent<T>(
  source: AsyncIterable<T>,
  transfer: (item: T) => ArrayBuffer[] = () => [],
): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveToParent runs only in a worker thread');
  let unacknowledged = 0;
  let resume: (() => void) | null = null;
  port.on('message', () => {
    unacknowledged--;
    resume?.();
    resume = null;
  });
  try {
    for await (const item of source) {
      port.postMessage({ type: 'item', item } satisfies ToParent<T>, transfer(item));
      if (++unacknowledged >= WORKER_WINDOW)
        await new Promise<void>((resolve) => (resume = resolve));
    }
    port.postMessage({ type: 'done' } satisfies ToParent<T>);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({
      type: 'error',
      name: e.constructor.name,
      message: e.message,
      stack: e.stack,
    } satisfies ToParent<T>);
  } finally {
    // The parent's acks keep the port open; the work is done.
    port.close();
  }
}
