import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db.ts';
import { copyField, Utf8Lines } from './copy-text.ts';
import { copyRowsFor } from './copy.ts';
import type { Db } from './connection.ts';

let db: Db;
let close: () => Promise<void>;
const utf8 = new TextEncoder();

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  await sql`CREATE TABLE copy_probe (id int PRIMARY KEY, note text)`.execute(db);
});
afterAll(async () => close?.());

describe("COPY's text format", () => {
  it('writes NULL as \\N and escapes backslashes and line breaks', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('Nguyễn Thị Lan')).toBe('Nguyễn Thị Lan');
    expect(copyField('a\\N')).toBe('a\\\\N');
    expect(copyField('a\tb\nc\rd')).toBe('a\\tb\\nc\\rd');
  });
});

describe('Utf8Lines', () => {
  it('gives the UTF-8 of all its lines, growing past its first guess', () => {
    const lines = Array.from(
      { length: 500 },
      (_, i) => `${i}\tNguyễn Thị Ánh ${'ễ'.repeat(i % 7)}\n`,
    );
    const writer = new Utf8Lines(16);
    for (const line of lines) writer.add(line);
    const bytes = writer.bytes();
    expect(Buffer.from(bytes).equals(Buffer.from(lines.join(''), 'utf8'))).toBe(true);
    // Its own memory, not a slice of Node's shared pool (a worker transfers it).
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBeGreaterThanOrEqual(bytes.length);
    expect(bytes.buffer.byteLength).toBeGreaterThan(Buffer.poolSize);
  });
});

describe('COPY on the transaction’s own connection', () => {
  it('is offered inside a transaction', async () => {
    await db.transaction().execute(async (tx) => {
      expect(await copyRowsFor(db, tx)).not.toBeNull();
    });
  });

  it('is not offered for a transaction of another database handle', async () => {
    const other = await freshDatabase();
    try {
      await db.transaction().execute(async (tx) => {
        expect(await copyRowsFor(other.db, tx)).toBeNull();
      });
    } finally {
      await other.close();
    }
  });

  it('loads rows exactly, inside the transaction', async () => {
    const notes = ['Xóm 5\\7', 'tab\there', null, 'dòng\nmới'];
    const text = notes.map((n, i) => `${i + 1}\t${copyField(n)}\n`).join('');
    await expect(
      db.transaction().execute(async (tx) => {
        const copy = (await copyRowsFor(db, tx))!;
        expect(await copy('copy_probe', ['id', 'note'], utf8.encode(text))).toBe(4);
        // Seen by the same transaction before it commits: the same connection.
        const seen = await tx
          .selectFrom('copy_probe' as never)
          .selectAll()
          .execute();
        expect(seen).toHaveLength(4);
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(await sql`SELECT 1 FROM copy_probe`.execute(db).then((r) => r.rows)).toHaveLength(0);

    await db.transaction().execute(async (tx) => {
      await (await copyRowsFor(db, tx))!('copy_probe', ['id', 'note'], utf8.encode(text));
    });
    const { rows } = await sql<{ note: string | null }>`
      SELECT note FROM copy_probe ORDER BY id`.execute(db);
    expect(rows.map((r) => r.note)).toEqual(notes);
  });

  it('fails with the database’s error and the transaction writes nothing', async () => {
    await sql`TRUNCATE copy_probe`.execute(db);
    await expect(
      db.transaction().execute(async (tx) => {
        const copy = (await copyRowsFor(db, tx))!;
        await copy('copy_probe', ['id', 'note'], utf8.encode('1\tmột\n'));
        await copy('copy_probe', ['id', 'note'], utf8.encode('2\thai\n1\tlại một\n'));
      }),
    ).rejects.toThrow(/duplicate key|trùng/);
    expect(await sql`SELECT 1 FROM copy_probe`.execute(db).then((r) => r.rows)).toHaveLength(0);
    // The connection is healthy afterwards: the pool hands it out again.
    expect(await sql`SELECT 1 AS one`.execute(db).then((r) => r.rows)).toEqual([{ one: 1 }]);
  });
});
