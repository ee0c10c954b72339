import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../../core/access/scope.ts';
import type { Db } from '../../../db/connection.ts';
import type { Role } from '../../../db/schema.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { signPrepareCleanupJob } from '../jobs.ts';
import { officeModule } from '../index.ts';
import { registerOutgoing } from '../register-outgoing.ts';
import { saveSettings } from '../save-settings.ts';

// Issue #17 item 5: prepared token signatures (office_sign_prepare, each with
// a whole PDF) used or expired more than a day ago are deleted nightly.

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;

async function userScope(unit: string, role: Role, username: string): Promise<Scope> {
  const id = await makeUser(db, ids[unit]!, role, username);
  const u = await db
    .selectFrom('orgs_unit_v')
    .select('path')
    .where('id', '=', ids[unit]!)
    .executeTakeFirstOrThrow();
  return new Scope({
    id,
    username,
    fullName: `Người dùng ${username}`,
    role,
    orgUnitId: ids[unit]!,
    orgPath: u.path,
  });
}

const run = () =>
  signPrepareCleanupJob.handler({
    db,
    payload: {},
    jobId: 'test',
    attempt: 1,
    reportProgress: async () => {},
    signal: new AbortController().signal,
  });

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
});
afterAll(async () => {
  await close?.();
});

describe('office.sign-prepare-cleanup', () => {
  it('is scheduled nightly with the module', () => {
    expect(officeModule.jobs).toContain(signPrepareCleanupJob);
    expect(officeModule.schedules).toContainEqual({
      kind: signPrepareCleanupJob,
      cron: '10 3 * * *',
      payload: {},
    });
  });

  it('deletes prepares used or expired more than a day ago and keeps the others', async () => {
    const leader = await userScope('SGD', 'department_admin', 'giamdoc.sgd');
    const clerk = await userScope('SGD', 'office_staff', 'vanthu.sgd');
    await saveSettings(db, leader, { abbreviation: 'SGDĐT', divisions: ['VP'] });
    const doc = await registerOutgoing(db, clerk, {
      type: 'CV',
      subject: 'Về việc ký số',
      draftingUnit: 'VP',
    });
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    const rows = {
      open: { created: hoursAgo(0), expires: hoursAgo(-0.1), used: null },
      usedRecently: { created: hoursAgo(2), expires: hoursAgo(1.9), used: hoursAgo(2) },
      expiredRecently: { created: hoursAgo(23), expires: hoursAgo(22.9), used: null },
      usedLongAgo: { created: hoursAgo(50), expires: hoursAgo(49.9), used: hoursAgo(50) },
      expiredLongAgo: { created: hoursAgo(30), expires: hoursAgo(29.9), used: null },
    };
    const idOf: Record<string, string> = {};
    for (const [name, r] of Object.entries(rows)) {
      idOf[name] = uuidv7();
      await db
        .insertInto('office_sign_prepare')
        .values({
          id: idOf[name],
          unit_id: ids.SGD!,
          document_id: doc.id,
          user_id: leader.user.id,
          file_name: 'van-ban.pdf',
          pdf: Buffer.from('%PDF-1.7 thử'),
          byte_range: '[0 10 20 10]',
          digest: '0'.repeat(64),
          signing_time: r.created,
          expires_at: r.expires,
          used_at: r.used,
          created_at: r.created,
        })
        .execute();
    }
    expect(await run()).toEqual({ deletedPrepares: 2 });
    const left = await db.selectFrom('office_sign_prepare').select('id').execute();
    expect(left.map((r) => r.id).sort()).toEqual(
      [idOf.open, idOf.usedRecently, idOf.expiredRecently].sort(),
    );
    // A second run deletes nothing.
    expect(await run()).toEqual({ deletedPrepares: 0 });
  });
});
