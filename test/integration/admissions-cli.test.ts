import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { REPO } from '../helpers/server.ts';

// The campaign commands of docs/formats/admissions-campaign.md on the
// embedded database; the use cases run on PostgreSQL in src/modules/admissions.
const dir = mkdtempSync(join(tmpdir(), 'sogd-adm-cli-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sogd(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/sogd.js', ...args], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lastJson = (out: string) =>
  JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number | string>;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe.skipIf(process.env.SOGD_TEST_TARGET === 'postgres')(
  'sogd admissions campaign commands',
  () => {
    it('set up, issue, score, export and allocate as the contract says', async () => {
      expect(sogd('seed-demo', '--schools', '8', '--students', '300').code).toBe(0);
      const database = await openDatabase({ dataDir });
      const upper = await database.db
        .selectFrom('org_unit')
        .select('code')
        .where(sql<boolean>`'upper_secondary' = ANY(levels)`)
        .orderBy('code')
        .execute();
      const year = (
        await database.db
          .selectFrom('admission_campaign')
          .select('school_year')
          .executeTakeFirstOrThrow()
      ).school_year;
      await database.close();
      const school = upper[0]!.code;

      const now = Date.now();
      const iso = (ms: number) => new Date(ms).toISOString();
      const bad = sogd(
        'admissions',
        'campaign',
        'create',
        '--name',
        'X',
        '--year',
        year,
        '--opens',
        iso(now),
        '--closes',
        iso(now - 1000),
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('Thời gian đóng đăng ký phải sau thời gian mở');
      expect(
        sogd(
          'admissions',
          'campaign',
          'create',
          '--name',
          'X',
          '--year',
          year,
          '--opens',
          'hôm nay',
          '--closes',
          iso(now),
        ).code,
      ).toBe(2);
      const created = sogd(
        'admissions',
        'campaign',
        'create',
        '--name',
        'Tuyển sinh CLI',
        '--year',
        year,
        '--opens',
        iso(now - 60_000),
        '--closes',
        iso(now + 8_000),
        '--max-preferences',
        '2',
        '--rank-penalty',
        '0.5',
      );
      expect(created.code).toBe(0);
      const campaign = lastJson(created.stdout).campaign as string;

      expect(sogd('admissions', 'programs', 'import', campaign, join(dir, 'none.csv')).code).toBe(
        2,
      );
      const badPrograms = sogd(
        'admissions',
        'programs',
        'import',
        campaign,
        file('bad.csv', `program,school_code,quota\nA,${school},-1\nB,NOPE,3\n`),
      );
      expect(badPrograms.code).toBe(1);
      expect(badPrograms.stderr).toContain('bad.csv:2');
      expect(badPrograms.stderr).toContain('bad.csv:3');
      expect(lastJson(badPrograms.stdout)).toMatchObject({ rows: 2, added: 0, errors: 2 });
      const programs = sogd(
        'admissions',
        'programs',
        'import',
        campaign,
        file(
          'programs.csv',
          `program,school_code,quota,track\nA,${school},1,thường\nB,${school},3,thường\n`,
        ),
      );
      expect(programs.code).toBe(0);
      expect(lastJson(programs.stdout)).toMatchObject({
        rows: 2,
        added: 2,
        updated: 0,
        unchanged: 0,
        errors: 0,
      });

      const slips = join(dir, 'slips.csv');
      const issued = sogd('admissions', 'candidates', 'issue', campaign, '--out', slips);
      expect(issued.code).toBe(0);
      const { issued: n } = lastJson(issued.stdout) as { issued: number };
      expect(n).toBeGreaterThanOrEqual(3);
      const rows = readFileSync(slips, 'utf8').trim().split('\n');
      expect(rows[0]).toBe('code,pin,student_code,full_name,school_code');
      expect(rows).toHaveLength(n + 1);
      const again = sogd(
        'admissions',
        'candidates',
        'issue',
        campaign,
        '--out',
        join(dir, 'again.csv'),
      );
      expect(lastJson(again.stdout)).toEqual({ issued: 0, existing: n });

      // Families register over HTTP (routes.test.ts, the e2e test): none has here.
      const codes = rows.slice(1).map((r) => r.split(',')[0]!);
      const badScores = sogd(
        'admissions',
        'scores',
        'import',
        campaign,
        file('bad-scores.csv', `code,score\n${codes[0]},27.505\nNOPE,20\n${codes[1]},101\n`),
      );
      expect(badScores.code).toBe(1);
      expect(lastJson(badScores.stdout)).toMatchObject({ errors: 3, added: 0 });
      const scores = sogd(
        'admissions',
        'scores',
        'import',
        campaign,
        file(
          'scores.csv',
          `code,score\n${codes.map((c, i) => `${c},${20 + (i % 9)}.25`).join('\n')}\n`,
        ),
      );
      expect(lastJson(scores.stdout)).toMatchObject({
        rows: codes.length,
        added: codes.length,
        errors: 0,
      });

      const early = sogd('admissions', 'allocate-campaign', campaign, '--out', join(dir, 'early'));
      expect(early.code).toBe(1);
      await new Promise((r) => setTimeout(r, Math.max(0, now + 8_500 - Date.now())));
      const exported = sogd('admissions', 'export', campaign, '--out', join(dir, 'export'));
      expect(exported.code).toBe(0);
      expect(lastJson(exported.stdout)).toEqual({ candidates: 0, applications: 0, programs: 2 });
      expect(readFileSync(join(dir, 'export', 'programs.csv'), 'utf8')).toBe(
        'program,quota\nA,1\nB,3\n',
      );
      expect(readFileSync(join(dir, 'export', 'applications.csv'), 'utf8')).toBe(
        'candidate,rank,program,score\n',
      );
      const allocated = sogd(
        'admissions',
        'allocate-campaign',
        campaign,
        '--out',
        join(dir, 'out'),
      );
      // The engine needs at least one application: refused, with a reason, nothing stored.
      expect(allocated.code).toBe(1);
      expect(allocated.stderr).toContain('không có gì để xét tuyển');
    }, 240_000);

    it('creates an entry-grade campaign with its published seed and the commune order', async () => {
      const year = '2031-2032';
      const now = Date.now();
      const iso = (ms: number) => new Date(ms).toISOString();
      const args = (...extra: string[]) => [
        'admissions',
        'campaign',
        'create',
        '--name',
        'Lớp 1',
        '--year',
        year,
        '--grade',
        '1',
        '--opens',
        iso(now),
        '--closes',
        iso(now + 3_600_000),
        ...extra,
      ];
      const repeated = sogd(...args('--criteria', 'sibling,sibling'));
      expect(repeated.code).toBe(1);
      expect(repeated.stderr).toContain('một tiêu chí hai lần');
      const unknown = sogd(...args('--documents', 'residence,passport'));
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('documents');
      const created = sogd(
        ...args(
          '--seed',
          '7',
          '--criteria',
          'sibling,permanent-residence',
          '--documents',
          'residence, birth-certificate',
        ),
      );
      expect(created.code).toBe(0);
      const id = lastJson(created.stdout).campaign as string;
      const database = await openDatabase({ dataDir });
      const row = await database.db
        .selectFrom('admission_campaign')
        .select(['grade', 'max_preferences', 'entry_rules'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await database.close();
      expect(row).toEqual({
        grade: 1,
        max_preferences: 1,
        entry_rules: {
          order: ['sibling', 'permanent-residence'],
          seed: 7,
          overflowInCommune: true,
          documents: ['residence', 'birth-certificate'],
        },
      });
    }, 60_000);
  },
);
