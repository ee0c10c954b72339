import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bufferLines,
  fileLines,
  parseApplications,
  parsePrograms,
  type LineSource,
} from './parse.ts';

const dir = mkdtempSync(join(tmpdir(), 'sogd-alloc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const REPO = resolve(import.meta.dirname, '../../../..');

const PROGRAMS = 'program,quota\nTHPT-LeQuyDon,2\nTHPT-ChuyenTranPhu-Toan,1\nTHPT-Moi,1\n';

function parse(programs: string, applications: string) {
  const p = parsePrograms(Buffer.from(programs));
  return parseApplications(Buffer.from(applications), p);
}

describe('bad input: file and line named, in Vietnamese', () => {
  const cases: [string, string, string, RegExp][] = [
    [
      'unknown program',
      PROGRAMS,
      'candidate,rank,program,score\nHS1,1,THPT-KhongCo,20\n',
      /^applications\.csv:2: chương trình "THPT-KhongCo" không có/,
    ],
    [
      'duplicate rank',
      PROGRAMS,
      'candidate,rank,program,score\nHS1,1,THPT-LeQuyDon,20\nHS1,1,THPT-Moi,20\n',
      /^applications\.csv:3: thí sinh "HS1" có hai dòng nguyện vọng 1 \(dòng 2 và dòng 3\)/,
    ],
    [
      'gappy ranks',
      PROGRAMS,
      'candidate,rank,program,score\nHS1,1,THPT-LeQuyDon,20\nHS1,3,THPT-Moi,20\n',
      /^applications\.csv:3: .*nguyện vọng 3 nhưng chỉ có 2/,
    ],
    [
      'repeated program',
      PROGRAMS,
      'candidate,rank,program,score\nHS1,1,THPT-LeQuyDon,20\nHS1,2,THPT-LeQuyDon,21\n',
      /^applications\.csv:3: .*hai lần/,
    ],
    [
      'score with 3 decimals',
      PROGRAMS,
      'candidate,rank,program,score\nHS1,1,THPT-LeQuyDon,20.125\n',
      /^applications\.csv:2: điểm "20\.125" không hợp lệ/,
    ],
    [
      'negative score',
      PROGRAMS,
      'candidate,rank,program,score\nHS1,1,THPT-LeQuyDon,-1\n',
      /^applications\.csv:2: điểm -1 âm/,
    ],
    [
      'negative quota',
      'program,quota\nTHPT-A,-5\n',
      'candidate,rank,program,score\n',
      /^programs\.csv:2: chỉ tiêu -5 âm/,
    ],
    [
      'missing column',
      PROGRAMS,
      'candidate,rank,program\nHS1,1,THPT-LeQuyDon\n',
      /^applications\.csv:1: thiếu cột "score"/,
    ],
    ['empty file', PROGRAMS, '', /^applications\.csv:1: tệp rỗng/],
    [
      'not a CSV file',
      PROGRAMS,
      '\x89PNG\r\n\x1a\n\x00\x00binary',
      /^applications\.csv:1: cột .* không có trong định dạng/,
    ],
    [
      'rank zero',
      PROGRAMS,
      'candidate,rank,program,score\nHS1,0,THPT-LeQuyDon,20\n',
      /^applications\.csv:2: nguyện vọng "0"/,
    ],
    [
      'bad id',
      PROGRAMS,
      'candidate,rank,program,score\nHS 1,1,THPT-LeQuyDon,20\n',
      /^applications\.csv:2: mã thí sinh/,
    ],
    [
      'wrong column count',
      PROGRAMS,
      'candidate,rank,program,score\nHS1,1,THPT-LeQuyDon\n',
      /^applications\.csv:2: cần 4 cột, có 3/,
    ],
  ];
  for (const [name, programs, applications, message] of cases)
    it(name, () => {
      expect(() => parse(programs, applications)).toThrow(message);
    });

  it('reads hundredths exactly and tiebreaks when the column is present', () => {
    const instance = parse(
      PROGRAMS,
      'candidate,rank,program,score,tiebreak\nHS2,1,THPT-Moi,27.5,-1.25\nHS1,1,THPT-LeQuyDon,0.07,3\n',
    );
    expect(instance.candidateIds).toEqual(['HS1', 'HS2']);
    expect([...instance.appScore]).toEqual([7, 2750]);
    expect([...instance.appTiebreak!]).toEqual([300, -125]);
  });
});

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/sogd.js', 'admissions', 'allocate', ...args], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sogd admissions allocate', () => {
  it('writes assignments, cutoffs and the explanation, ending with the JSON line', () => {
    const programs = join(dir, 'programs.csv');
    const applications = join(dir, 'applications.csv');
    writeFileSync(programs, PROGRAMS);
    writeFileSync(
      applications,
      [
        'candidate,rank,program,score',
        'HS000123,1,THPT-ChuyenTranPhu-Toan,38.25',
        'HS000123,2,THPT-LeQuyDon,27.50',
        'HS000124,1,THPT-ChuyenTranPhu-Toan,39',
        'HS000125,1,THPT-LeQuyDon,27.5',
        'HS000126,1,THPT-LeQuyDon,20',
        'HS000127,1,THPT-LeQuyDon,27.75',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const r = cli([
      '--programs',
      programs,
      '--applications',
      applications,
      '--out',
      out,
      '--rank-penalty',
      '1',
      '--explain',
      join(dir, 'explain.csv'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    expect(summary).toMatchObject({ candidates: 5, applications: 6, programs: 3, admitted: 3 });
    expect(typeof summary.allocateMs).toBe('number');
    // HS000123 needs 27.50 + 1 at rank 2: priority 26.50 loses to 27.50 and 27.75.
    expect(readFileSync(join(out, 'assignments.csv'), 'utf8')).toBe(
      'candidate,program,rank\nHS000123,,\nHS000124,THPT-ChuyenTranPhu-Toan,1\nHS000125,THPT-LeQuyDon,1\nHS000126,,\nHS000127,THPT-LeQuyDon,1\n',
    );
    expect(readFileSync(join(out, 'cutoffs.csv'), 'utf8')).toBe(
      'program,quota,admitted,cutoff\nTHPT-LeQuyDon,2,2,27.50\nTHPT-ChuyenTranPhu-Toan,1,1,39.00\nTHPT-Moi,1,0,\n',
    );
    const explain = readFileSync(join(dir, 'explain.csv'), 'utf8');
    expect(explain).toContain('program,,THPT-LeQuyDon,2,,,27.50,28.50,full');
    expect(explain).toContain(
      'candidate,HS000123,THPT-ChuyenTranPhu-Toan,1,38.25,38.25,39.00,39.00,below_cutoff',
    );
    expect(explain).toContain(
      'candidate,HS000123,THPT-LeQuyDon,2,27.50,26.50,27.50,28.50,below_cutoff',
    );
  });

  it('exits 2 with file and line on bad input, and writes no output', () => {
    const programs = join(dir, 'p2.csv');
    const applications = join(dir, 'a2.csv');
    writeFileSync(programs, PROGRAMS);
    writeFileSync(
      applications,
      'candidate,rank,program,score\nHS1,1,THPT-LeQuyDon,20\nHS2,1,THPT-X,20\n',
    );
    const out = join(dir, 'out-bad');
    const r = cli(['--programs', programs, '--applications', applications, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a2.csv:3: chương trình "THPT-X" không có trong programs.csv');
    expect(existsSync(join(out, 'assignments.csv'))).toBe(false);
  });
});

describe('streaming input', () => {
  it('reads lines cut across chunk boundaries exactly as from memory', () => {
    const text =
      'candidate,rank,program,score\r\n' +
      Array.from({ length: 500 }, (_, i) => `HS${i},1,THPT-LeQuyDon,${i % 40}.25`).join('\n');
    const file = join(dir, 'chunks.csv');
    writeFileSync(file, text);
    const collect = (source: LineSource) => {
      const out: string[] = [];
      source((buf, start, end, line) => out.push(`${line}:${buf.toString('utf8', start, end)}`));
      return out;
    };
    const expected = collect(bufferLines(Buffer.from(text)));
    expect(expected).toHaveLength(501);
    for (const chunk of [7, 16, 64, 1000])
      expect(collect(fileLines(file, chunk))).toEqual(expected);
  });
});
