import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `sogd --help` must answer in under 0.5 s (issue #12): loading the
 * registry's command declarations may not load ExcelJS, pdfkit or a database
 * driver; the actions import those when they run. Checked on the static
 * import graph (type-only imports and `await import()` excluded).
 */

const HEAVY = ['exceljs', 'pdfkit', '@electric-sql/pglite', 'pg', 'pg-copy-streams', 'kysely'];

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

describe('the registry CLI declarations', () => {
  it('load no ExcelJS, pdfkit, query builder or database driver', () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const loaded = [...packagesLoadedBy(cli)];
    expect(loaded.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('see through the project files (the check would find a heavy import)', () => {
    const commands = fileURLToPath(new URL('./imports/commands.ts', import.meta.url));
    expect([...packagesLoadedBy(commands)]).toEqual(
      expect.arrayContaining(['exceljs', '@electric-sql/pglite', 'pg']),
    );
  });
});
