import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openDatabase } from '../../src/db/connection.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite pass: a tarball of a migrated data folder, which each file loads (db.ts). */
    pgliteSnapshot: string;
    /** PostgreSQL pass: a migrated database each file copies with CREATE DATABASE … TEMPLATE. */
    postgresTemplate: string;
  }
}

/** On the PostgreSQL pass of the suite (scripts/test-matrix.js), TEST_DATABASE_URL's server. */
export function postgresServer(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && process.env.SOGD_TEST_TARGET === 'postgres' ? url : undefined;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database; plain DROP first, since FORCE would cut a connection still closing and make noise. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin
      .query(`DROP DATABASE IF EXISTS ${name}`)
      .catch(() => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  } finally {
    await admin.end();
  }
}

/**
 * Vitest globalSetup: runs the migrations once per run instead of once per
 * test file (they were most of a file's start-up), and hands the result to
 * the files through `inject` (test/helpers/db.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = postgresServer();
  if (serverUrl) {
    const template = `sogd_template_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    // Closed before any file copies it: CREATE DATABASE … TEMPLATE refuses a
    // template that has open connections.
    const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, template) });
    try {
      await migrateToLatest(database.db);
    } finally {
      await database.close();
    }
    project.provide('postgresTemplate', template);
    return () => dropDatabase(serverUrl, template);
  }
  const dir = mkdtempSync(join(tmpdir(), 'sogd-test-snapshot-'));
  const database = await openDatabase({ memory: true });
  try {
    await migrateToLatest(database.db);
    // Uncompressed (42 MB, against 4.9 MB gzipped): every file loads it, and
    // gunzip cost each 0.3–0.6 s of CPU more (measured).
    const tarball = await database.dump!('none');
    writeFileSync(join(dir, 'pgdata.tar'), Buffer.from(await tarball.arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('pgliteSnapshot', join(dir, 'pgdata.tar'));
  return () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
}
