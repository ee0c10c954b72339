import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
const DATA_DIR = mkdtempSync(join(tmpdir(), 'sogd-services-cli-'));

/** `sogd services …` as an outside tool runs it (docs/formats/services.md). */
function sogd(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/sogd.js', 'services', ...args], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  return { code: r.status, json: JSON.parse(last) as Record<string, unknown>, stderr: r.stderr };
}

describe('sogd services due', { timeout: 300_000 }, () => {
  it('answers the contract line for a copy received after 15:00 on a Friday', () => {
    const r = sogd(
      'due',
      '--procedure',
      'ban-sao-van-bang',
      '--received',
      '2026-12-04T15:30:00+07:00',
    );
    expect(r.code).toBe(0);
    expect(r.json).toEqual({
      procedure: 'ban-sao-van-bang',
      received: '2026-12-04T15:30:00+07:00',
      dueDate: '2026-12-07',
    });
  });

  it('exits 2 for an unknown procedure or an unreadable time', () => {
    const unknown = sogd(
      'due',
      '--procedure',
      'khong-co',
      '--received',
      '2026-12-04T10:00:00+07:00',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.json.error).toContain('khong-co');
    const unreadable = sogd(
      'due',
      '--procedure',
      'ban-sao-van-bang',
      '--received',
      '2026-12-04 10:00',
    );
    expect(unreadable.code).toBe(2);
    const noOffset = sogd(
      'due',
      '--procedure',
      'ban-sao-van-bang',
      '--received',
      '2026-12-04T10:00:00',
    );
    expect(noOffset.code).toBe(2);
  });

  it('uses the calendar the department imported', () => {
    const file = join(DATA_DIR, 'lich-2026.csv');
    writeFileSync(file, 'date,kind,name\n2026-12-07,nghỉ,Nghỉ theo thông báo\n');
    const imported = sogd('calendar', 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.json).toEqual({ years: [2026], days: 1 });
    const r = sogd(
      'due',
      '--procedure',
      'ban-sao-van-bang',
      '--received',
      '2026-12-04T15:30:00+07:00',
    );
    expect(r.json.dueDate).toBe('2026-12-08');
  });
});
