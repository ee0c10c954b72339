import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `sogd --help` must answer in under 0.5 s (issue #12; 0.37 s measured,
 * bench/RESULTS.md): starting the command line — every module's descriptor
 * and command declarations — may not load the web server, a database
 * driver, the query builder, the job queue, ExcelJS or pdfkit (zod is
 * loaded: job kinds declare their payload's schema); actions,
 * routes, hooks and job handlers import those when they run. Checked on the
 * static import graph (type-only imports and `await import()` excluded),
 * so the check does not depend on the machine's speed.
 */

const HEAVY = [
  'fastify',
  'exceljs',
  'pdfkit',
  '@electric-sql/pglite',
  'pg',
  'pg-copy-streams',
  'pg-boss',
  'kysely',
  '@node-rs/argon2',
];

function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)([^;]*?)\sfrom\s+'([^']+)'/gms))
    found.push(m[2]!);
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) found.push(m[1]!);
  return found;
}

/** Every package the file loads, directly or through the project's own files. */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:'))
        packages.add(
          spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  };
  visit(entry);
  return packages;
}

describe('the sogd command at start', () => {
  it('loads none of the heavy packages before an action runs', () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const loaded = [...packagesLoadedBy(main)];
    expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('sees through the project files (the check would find a heavy import)', () => {
    const app = fileURLToPath(new URL('../app.ts', import.meta.url));
    const imports = fileURLToPath(
      new URL('../../modules/registry/imports/commands.ts', import.meta.url),
    );
    expect([...packagesLoadedBy(app)]).toEqual(expect.arrayContaining(['fastify', 'zod']));
    expect([...packagesLoadedBy(imports)]).toEqual(
      expect.arrayContaining(['@electric-sql/pglite', 'pg', 'kysely']),
    );
  });

  it('leaves ExcelJS out of the server start (loaded on the first spreadsheet, src/lib/exceljs.ts)', () => {
    // About 0.18 s of a 2 s restart (issue #13 item 20); the dynamic import is not followed here.
    const app = fileURLToPath(new URL('../app.ts', import.meta.url));
    expect([...packagesLoadedBy(app)]).not.toContain('exceljs');
  });
});
