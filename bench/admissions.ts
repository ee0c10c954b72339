/**
 * Admissions allocation benchmark (issue: engine). Generates realistic
 * instances, times the allocation alone in-process, then the whole CLI
 * (read, allocate, write) on the instance's CSV files as a child process,
 * with its peak memory (VmHWM).
 *
 *   npm run bench:admissions            # 1,000,000 × 5 × 1,000 and 850,000 × 9 × 20,000
 *   npm run bench:admissions -- --quick # 100,000 candidates, for a smoke run
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allocate } from '../src/modules/admissions/allocate/engine.ts';
import type { AllocationInstance } from '../src/modules/admissions/allocate/types.ts';

const REPO = resolve(import.meta.dirname, '..');
const OUT = join(REPO, 'bench/out/admissions');

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Spec {
  name: string;
  candidates: number;
  maxPrefs: number;
  programs: number;
  seatShare: number;
}

/** Zipf-popular programs, quotas summing to ~70 % of candidates, scores in 0.25 steps. */
function generate(spec: Spec): AllocationInstance {
  const r = rng(20_250_601);
  const weights = Float64Array.from({ length: spec.programs }, (_, p) => 1 / Math.pow(p + 1, 0.9));
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative = new Float64Array(spec.programs);
  let acc = 0;
  for (let p = 0; p < spec.programs; p++) cumulative[p] = acc += weights[p]! / total;
  // Seats: half proportional to popularity, half flat, so small schools exist too.
  const seats = spec.candidates * spec.seatShare;
  const quotas = Int32Array.from(weights, (w) =>
    Math.max(5, Math.round(seats * (0.5 * (w / total) + 0.5 / spec.programs))),
  );
  const pick = () => {
    const x = r();
    let lo = 0;
    let hi = spec.programs - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const appStart = new Int32Array(spec.candidates + 1);
  const programs: number[] = [];
  const scores: number[] = [];
  const chosen = new Int32Array(spec.programs).fill(-1);
  for (let c = 0; c < spec.candidates; c++) {
    // Ability ~ roughly normal around 25/50; per-program noise (specialised weighting).
    const ability = (r() + r() + r() + r() - 2) * 14 + 25;
    const k = 1 + Math.floor(r() * spec.maxPrefs);
    let n = 0;
    for (let tries = 0; n < k && tries < k * 4; tries++) {
      const p = pick();
      if (chosen[p] === c) continue;
      chosen[p] = c;
      const score = Math.min(50, Math.max(0, ability + (r() - 0.5) * 3));
      programs.push(p);
      scores.push(Math.round(score * 4) * 25);
      n++;
    }
    appStart[c + 1] = appStart[c]! + n;
  }
  return {
    programIds: Array.from({ length: spec.programs }, (_, p) => `P${String(p).padStart(5, '0')}`),
    quotas,
    candidateIds: Array.from(
      { length: spec.candidates },
      (_, c) => `HS${String(c).padStart(7, '0')}`,
    ),
    appStart,
    appProgram: Int32Array.from(programs),
    appScore: Int32Array.from(scores),
    appTiebreak: null,
  };
}

function writeCsv(instance: AllocationInstance, dir: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'programs.csv'),
    'program,quota\n' +
      instance.programIds.map((id, p) => `${id},${instance.quotas[p]}`).join('\n') +
      '\n',
  );
  const chunks: string[] = ['candidate,rank,program,score\n'];
  let lines: string[] = [];
  for (let c = 0; c < instance.candidateIds.length; c++)
    for (let a = instance.appStart[c]!; a < instance.appStart[c + 1]!; a++) {
      const s = instance.appScore[a]!;
      lines.push(
        `${instance.candidateIds[c]},${a - instance.appStart[c]! + 1},${instance.programIds[instance.appProgram[a]!]},${Math.floor(s / 100)}.${String(s % 100).padStart(2, '0')}`,
      );
      if (lines.length === 100_000) {
        chunks.push(lines.join('\n') + '\n');
        lines = [];
      }
    }
  if (lines.length) chunks.push(lines.join('\n') + '\n');
  writeFileSync(join(dir, 'applications.csv'), chunks.join(''));
}

function runCli(
  dir: string,
  D: string,
): Promise<{ seconds: number; peakMB: number; line: string }> {
  return new Promise((ok, fail) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        'bin/sogd.js',
        'admissions',
        'allocate',
        '--programs',
        join(dir, 'programs.csv'),
        '--applications',
        join(dir, 'applications.csv'),
        '--out',
        join(dir, `out-D${D}`),
        '--rank-penalty',
        D,
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    let peakKB = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKB = Math.max(peakKB, Number(m[1]));
      } catch {
        // exited
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) return fail(new Error(`CLI exited ${code}`));
      ok({
        seconds: (performance.now() - started) / 1000,
        peakMB: Math.round(peakKB / 1024),
        line: stdout.trim().split('\n').at(-1) ?? '',
      });
    });
  });
}

const quick = process.argv.includes('--quick');
const specs: Spec[] = quick
  ? [
      {
        name: 'quick 100k × 5 × 200',
        candidates: 100_000,
        maxPrefs: 5,
        programs: 200,
        seatShare: 0.7,
      },
    ]
  : [
      {
        name: 'province 1,000,000 × ≤5 × 1,000',
        candidates: 1_000_000,
        maxPrefs: 5,
        programs: 1_000,
        seatShare: 0.7,
      },
      {
        name: 'national 850,000 × ≤9 × 20,000',
        candidates: 850_000,
        maxPrefs: 9,
        programs: 20_000,
        seatShare: 0.7,
      },
    ];

for (const spec of specs) {
  console.log(`\n## ${spec.name}`);
  const instance = generate(spec);
  console.log(`applications: ${instance.appProgram.length.toLocaleString('en')}`);
  for (const D of [0, 100]) {
    allocate(instance, { rankPenalty: D, ties: 'admit-all', seed: 1 }); // warm-up
    const times: number[] = [];
    let admitted = 0;
    for (let i = 0; i < 3; i++) {
      const result = allocate(instance, { rankPenalty: D, ties: 'admit-all', seed: 1 });
      times.push(result.allocateMs);
      admitted = result.admitted.reduce((s, n) => s + n, 0);
    }
    allocate(instance, { rankPenalty: D, ties: 'tiebreak', seed: 1 }); // warm-up
    const tiebreakTimes: number[] = [];
    for (let i = 0; i < 3; i++)
      tiebreakTimes.push(
        allocate(instance, { rankPenalty: D, ties: 'tiebreak', seed: 1 }).allocateMs,
      );
    console.log(
      `D = ${D / 100}: allocation alone ${Math.min(...times).toFixed(0)} ms (best of 3, admit-all; tiebreak ${Math.min(...tiebreakTimes).toFixed(0)} ms, best of 3), admitted ${admitted.toLocaleString('en')}`,
    );
  }
  const dir = join(OUT, spec.name.split(' ')[0]!);
  writeCsv(instance, dir);
  for (const D of ['0', '1']) {
    const cli = await runCli(dir, D);
    console.log(
      `D = ${D}: whole CLI ${cli.seconds.toFixed(1)} s, peak memory ${cli.peakMB} MB — ${cli.line}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}
