/**
 * What this machine's HTTP stack can carry at all, beside which sogd's public
 * counts figure (issue #14: 5,000 requests/s, p95 < 50 ms) is to be read: a
 * bare `node:http` server in a child process answers a fixed JSON body of
 * the counts' size, and the same open-loop generator as
 * bench/admissions-load.ts (bench/open-loop.ts, from this process over
 * loopback) asks it at rising rates. Nothing of sogd runs: no routing, no
 * security headers, no database.
 *   npx tsx bench/http-ceiling.ts
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { openLoop } from './open-loop.ts';

const RATES = [1_000, 2_500, 5_000, 7_500, 10_000];
const SECONDS = 10;
// About the size of a 10-program campaign's counts answer.
const BODY_BYTES = 1_400;

const child = spawn(
  process.execPath,
  [
    '-e',
    `const body = Buffer.from(JSON.stringify({ updatedAt: new Date().toISOString(), pad: 'x'.repeat(${BODY_BYTES}) }));
     const server = require('node:http').createServer((req, res) => {
       res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
       res.end(body);
     });
     server.keepAliveTimeout = 60_000;
     server.listen(0, '127.0.0.1', () => console.log(server.address().port));`,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
const base = `http://127.0.0.1:${chunk.toString().trim()}`;

console.log(`bare node:http, ${BODY_BYTES} B body, ${SECONDS} s per rate, 64 connections`);
for (const rate of RATES) {
  const r = await openLoop(base, ['/counts'], { rate, seconds: SECONDS, connections: 64 });
  console.log(
    `  asked ${rate.toLocaleString('en')}/s: answered ${r.rate.toLocaleString('en')}/s, p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, errors ${r.errors}`,
  );
}
child.kill();
