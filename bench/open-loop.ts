/**
 * An open-loop HTTP load generator: requests leave on a fixed schedule
 * (`rate` per second) whatever the answers do, and each latency is counted
 * from the request's scheduled time, so a slow server cannot hide its queue
 * (no coordinated omission). Exact percentiles from every sample, p95 included.
 */
import http from 'node:http';

export interface OpenLoopResult {
  sent: number;
  /** Requests per second actually sent over the run. */
  rate: number;
  status: Record<string, number>;
  errors: number;
  latencyMs: { p50: number; p90: number; p95: number; p99: number; max: number };
}

/** A request other than a GET of one of `paths`: the i-th request's method, path, headers, body. */
export interface PlannedRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export async function openLoop(
  baseUrl: string,
  paths: string[],
  options: {
    rate: number;
    seconds: number;
    connections: number;
    plan?: (i: number) => PlannedRequest;
    /** Told of each answer (its index and status), e.g. to count what was accepted. */
    onAnswer?: (i: number, status: number) => void;
  },
): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.seconds);
  const latency = new Float64Array(total);
  const status: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  let done = 0;
  const started = performance.now();
  const interval = 1000 / options.rate;
  await new Promise<void>((finish) => {
    const send = (i: number) => {
      const scheduled = started + i * interval;
      const planned = options.plan?.(i) ?? { method: 'GET', path: paths[i % paths.length]! };
      const request = http.request(
        `${baseUrl}${planned.path}`,
        { agent, method: planned.method, headers: planned.headers ?? {} },
        (response) => {
          response.resume();
          response.on('end', () => {
            latency[i] = performance.now() - scheduled;
            status[String(response.statusCode)] = (status[String(response.statusCode)] ?? 0) + 1;
            options.onAnswer?.(i, response.statusCode ?? 0);
            if (++done === total) finish();
          });
        },
      );
      request.on('error', () => {
        latency[i] = performance.now() - scheduled;
        errors++;
        if (++done === total) finish();
      });
      request.end(planned.body);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - started) / interval) + 1);
      while (sent < due) send(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latency.slice().sort();
  const at = (q: number) =>
    Number(sorted[Math.min(total - 1, Math.ceil(q * total) - 1)]!.toFixed(1));
  return {
    sent,
    rate: Math.round(sent / elapsed),
    status,
    errors,
    latencyMs: { p50: at(0.5), p90: at(0.9), p95: at(0.95), p99: at(0.99), max: at(1) },
  };
}
