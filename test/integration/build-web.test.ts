import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importedFiles, staleBecause, writeManifest } from '../../scripts/web-inputs.js';

// Issue #12: `scripts/build-web.js` rebuilds web/dist when any file the web
// imports changes (a change to qr.ts once left web/dist stale). Checked on a
// copy of the sources, so that no file of the checkout is touched, with a
// manifest written as a build would write it (no Vite build: --check only).
const REPO = join(import.meta.dirname, '../..');
let copy: string;

const check = () => {
  const run = spawnSync(process.execPath, [join(copy, 'scripts/build-web.js'), '--check'], {
    encoding: 'utf8',
  });
  return { status: run.status, out: run.stdout + run.stderr };
};

/** Changes a file of the copy for the duration of `body`. */
function changed<T>(file: string, body: () => T): T {
  const path = join(copy, file);
  const before = readFileSync(path);
  appendFileSync(path, '\n// changed\n');
  try {
    return body();
  } finally {
    writeFileSync(path, before);
  }
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'sogd-build-web-'));
  for (const part of ['src', 'scripts', 'vite.config.ts', 'package-lock.json'])
    cpSync(join(REPO, part), join(copy, part), { recursive: true });
  cpSync(join(REPO, 'web'), join(copy, 'web'), {
    recursive: true,
    filter: (path) => !/[/\\]web[/\\](dist|\.dist-inputs\.json)/.test(path),
  });
  symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
  mkdirSync(join(copy, 'web/dist'), { recursive: true });
  writeFileSync(join(copy, 'web/dist/index.html'), '<!doctype html>');
  writeManifest(copy, []);
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('build-web --check', () => {
  it('follows the web imports into src/, type-only ones included', () => {
    const files = importedFiles(REPO);
    for (const file of [
      'src/modules/diplomas/credentials/qr.ts',
      'src/lib/credentials/base45.ts',
      'src/modules/orgs/contract.ts',
      'src/modules/registry/contract.ts',
      'src/modules/diplomas/contract.ts',
      'src/core/jobs/contract.ts',
      'src/modules/registry/labels.ts',
    ])
      expect(files).toContain(file);
    // Server code the web does not import is no input.
    expect(files).not.toContain('src/modules/registry/schools/repo.ts');
  });

  it('says so, exit 0, right after a build; exit 1 naming qr.ts once qr.ts changed', () => {
    expect(check()).toMatchObject({ status: 0 });
    const { status, out } = changed('src/modules/diplomas/credentials/qr.ts', check);
    expect(status).toBe(1);
    expect(out).toContain('tệp đã đổi src/modules/diplomas/credentials/qr.ts');
  });

  // The same check in this process (the command above is only its printout).
  it.each([
    'src/lib/credentials/cbor.ts',
    'src/modules/registry/contract.ts',
    'src/modules/orgs/labels.ts',
    'src/core/contract.ts',
    'web/src/App.tsx',
  ])('must rebuild when %s changes', (file) => {
    expect(changed(file, () => staleBecause(copy))).toBe(`tệp đã đổi ${file}`);
  });

  it('trusts unchanged sizes and times without reading, and re-hashes when only the time changed', () => {
    const file = 'web/src/App.tsx';
    const path = join(copy, file);
    const manifest = () =>
      JSON.parse(readFileSync(join(copy, 'web/.dist-inputs.json'), 'utf8')) as {
        stats: Record<string, [number, number]>;
      };
    // Same bytes, a new time (as a fresh checkout writes them): still fresh, and the time recorded.
    writeFileSync(path, readFileSync(path));
    expect(staleBecause(copy)).toBeNull();
    expect(manifest().stats[file]![1]).toBe(statSync(path).mtimeMs);
    // Same size, other bytes: the time differs, so the hash is read and sees it.
    const before = readFileSync(path);
    const flipped = Buffer.from(before);
    flipped[flipped.length - 1] = flipped[flipped.length - 1] === 0x0a ? 0x20 : 0x0a;
    writeFileSync(path, flipped);
    try {
      expect(staleBecause(copy)).toBe(`tệp đã đổi ${file}`);
    } finally {
      writeFileSync(path, before);
    }
    // A new file under web/ is never trusted to the times.
    writeFileSync(join(copy, 'web/src/new-page.tsx'), 'export {};\n');
    try {
      expect(staleBecause(copy)).toBe('tệp mới web/src/new-page.tsx');
    } finally {
      rmSync(join(copy, 'web/src/new-page.tsx'));
    }
  });

  it('need not rebuild for server code the web does not import', () => {
    expect(staleBecause(copy)).toBeNull();
    expect(changed('src/modules/registry/schools/repo.ts', () => staleBecause(copy))).toBeNull();
  });
});
