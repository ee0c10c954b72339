import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemActor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, scopeAt, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { verifyDocument } from '../../lib/credentials/data-integrity.ts';
import { readStatusBit } from './credentials/diploma-credential.ts';
import { verifyDiplomaQr } from './credentials/qr.ts';
import { listIssuerKeys, rotateIssuerKey } from './keys.ts';
import { publicKeyFromMultibase } from '../../lib/credentials/multibase.ts';
import type { Scope } from '../../core/access/scope.ts';
import { correctDiploma } from './correct-diploma.ts';
import { getDiploma } from './get-diploma.ts';
import { issueDiplomas } from './issue-diplomas.ts';
import { lookupDiploma } from './lookup-diploma.ts';
import { formatNumber } from './numbers.ts';
import { revokeDiploma } from './revoke-diploma.ts';
import { statusListCredential, StatusListCache } from './status-list.ts';
import {
  graduate,
  makeDiplomas,
  makeIssuerKey,
  TEST_SIGNING as context,
} from '../../../test/helpers/factories/diplomas.ts';
import type { GraduateEntry } from './issue-batch.ts';

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let scope: Scope;
const actor = systemActor('test văn bằng');

const batch = (entries: GraduateEntry[], issueDate = '2026-07-20') => ({
  authorityId: ids.SGD!,
  diplomaType: 'upper_secondary' as const,
  issueDate,
  signerName: 'Nguyễn Thị Thúy',
  signerTitle: 'Giám đốc',
  entries,
});

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  scope = await scopeAt(db, ids.SGD!, 'department_staff');
  await makeIssuerKey(db, ids.SGD!);
});
afterAll(async () => close?.());

describe('diploma register', () => {
  it('formats numbers with the documented defaults', () => {
    expect(formatNumber('{type}{n:7}', { type: 'THPT', year: 2026, n: 123 })).toBe('THPT0000123');
    expect(formatNumber('{year}/{type}/{n:5}', { type: 'THPT', year: 2026, n: 45 })).toBe(
      '2026/THPT/00045',
    );
  });

  it('numbers serials continuously and entry numbers per calendar year', async () => {
    const first = await issueDiplomas(db, scope, batch([graduate(1), graduate(2)]), context);
    // An earlier calendar year (an issue date is never in the future): its own entry numbers.
    const second = await issueDiplomas(db, scope, batch([graduate(3)], '2025-12-05'), context);
    expect(first.map((d) => d.serialNumber)).toEqual(['THPT0000001', 'THPT0000002']);
    expect(first.map((d) => d.registerNumber)).toEqual(['2026/THPT/00001', '2026/THPT/00002']);
    expect(second[0]).toMatchObject({
      serialNumber: 'THPT0000003',
      registerNumber: '2025/THPT/00001',
    });
  });

  it('never gives two concurrent issuers the same number', async () => {
    const runs = await Promise.all(
      Array.from({ length: 4 }, (_, k) =>
        issueDiplomas(
          db,
          scope,
          batch(Array.from({ length: 5 }, (_, i) => graduate(100 + k * 10 + i))),
          context,
        ),
      ),
    );
    const serials = runs.flat().map((d) => d.serialNumber);
    expect(new Set(serials).size).toBe(20);
    const all = await db
      .selectFrom('diploma')
      .select(['serial_number', 'register_number', 'status_index'])
      .execute();
    expect(new Set(all.map((d) => d.serial_number)).size).toBe(all.length);
    expect(new Set(all.map((d) => d.register_number)).size).toBe(all.length);
    expect(new Set(all.map((d) => d.status_index)).size).toBe(all.length);
  });

  it('signs a credential and a QR that verify', async () => {
    const [d] = await issueDiplomas(db, scope, batch([graduate(7)]), context);
    const row = await db
      .selectFrom('diploma')
      .selectAll()
      .where('id', '=', d!.id)
      .executeTakeFirstOrThrow();
    expect(verifyDocument(row.credential)).toMatchObject({ ok: true });
    const keys = (await listIssuerKeys(db)).map((k) => ({
      kid: Uint8Array.from(Buffer.from(k.kid, 'hex')),
      publicKey: publicKeyFromMultibase(k.publicKeyMultibase),
    }));
    const qr = await verifyDiplomaQr(row.qr, keys);
    expect(qr.status).toBe('valid');
    expect(qr.fields?.serial).toBe(d!.serialNumber);
  });

  it('keeps every correction in the history and re-signs; the register refuses deletes', async () => {
    const [d] = await issueDiplomas(
      db,
      scope,
      batch([graduate(8, { fullName: 'Trần Văn Nam' })]),
      context,
    );
    await correctDiploma(
      db,
      scope,
      {
        id: d!.id,
        decisionNumber: '99/QĐ-SGDĐT',
        decisionDate: '2026-09-01',
        reason: 'Cải chính hộ tịch',
        changes: { fullName: 'Trần Văn Nhân' },
      },
      context,
    );
    const row = await db
      .selectFrom('diploma')
      .selectAll()
      .where('id', '=', d!.id)
      .executeTakeFirstOrThrow();
    expect(row.full_name).toBe('Trần Văn Nhân');
    expect(row.status).toBe('corrected');
    const events = await db
      .selectFrom('diploma_event')
      .selectAll()
      .where('diploma_id', '=', d!.id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['issue', 'correction']);
    expect(events[1]!.before).toMatchObject({ full_name: 'Trần Văn Nam' });
    expect(events[1]!.after).toMatchObject({ full_name: 'Trần Văn Nhân' });
    expect(verifyDocument(row.credential)).toMatchObject({ ok: true });
    await expect(sql`DELETE FROM diploma WHERE id = ${d!.id}`.execute(db)).rejects.toThrow(
      /không được xoá/,
    );
  });

  it('revocation flips the status-list bit of that diploma only', async () => {
    const [a, b] = await issueDiplomas(db, scope, batch([graduate(20), graduate(21)]), context);
    const slot = async (id: string) =>
      (
        await db
          .selectFrom('diploma')
          .select('status_index')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status_index;
    const bit = async (id: string) => {
      const list = await statusListCredential(db, { code: 'SGD' }, context);
      expect(verifyDocument(list)).toMatchObject({ ok: true });
      const subject = list.credentialSubject as { encodedList: string };
      return readStatusBit(subject.encodedList, await slot(id));
    };
    expect(await bit(a!.id)).toBe(false);
    await revokeDiploma(db, scope, {
      id: a!.id,
      decisionNumber: '5/QĐ-SGDĐT',
      decisionDate: '2026-10-01',
      reason: 'Gian lận thi cử',
    });
    expect(await bit(a!.id)).toBe(true);
    expect(await bit(b!.id)).toBe(false);
    await expect(
      revokeDiploma(db, scope, {
        id: a!.id,
        decisionNumber: '6',
        decisionDate: '2026-10-02',
        reason: 'x',
      }),
    ).rejects.toThrow(/đã bị thu hồi/);
  });

  it('looks up publicly by serial or entry number with name (no diacritics needed) and date of birth', async () => {
    const [d] = await issueDiplomas(
      db,
      scope,
      batch([graduate(30, { fullName: 'Đặng Thị Ngọc Ánh' })]),
      context,
    );
    const { diplomas: found } = await lookupDiploma(db, {
      serial: d!.serialNumber,
      fullName: 'dang thi ngoc anh',
      birthDate: '2008-03-15',
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      fullName: 'Đặng Thị Ngọc Ánh',
      status: 'valid',
      serialNumber: d!.serialNumber,
    });
    expect(Object.keys(found[0]!)).not.toContain('birthPlace');
    expect(JSON.stringify(found[0])).not.toContain('Đồng Hới');
    const lookup = async (query: Parameters<typeof lookupDiploma>[1]) =>
      (await lookupDiploma(db, query)).diplomas;
    expect(
      await lookup({
        registerNumber: d!.registerNumber,
        fullName: 'Đặng Thị Ngọc Ánh',
        birthDate: '2008-03-15',
      }),
    ).toHaveLength(1);
    expect(
      await lookup({
        serial: d!.serialNumber,
        fullName: 'Đặng Thị Ngọc',
        birthDate: '2008-03-15',
      }),
    ).toEqual([]);
    expect(
      await lookup({
        serial: d!.serialNumber,
        fullName: 'Đặng Thị Ngọc Ánh',
        birthDate: '2008-03-16',
      }),
    ).toEqual([]);
  });

  it('checks access in each use case, before asking for the signing key', async () => {
    const [d] = await makeDiplomas(db, { authority: ids.SGD!, entries: [graduate(60)] });
    const clerk = await scopeAt(db, ids.THA!, 'school_staff');
    const noKeyYet = () => {
      throw new Error('signing context asked for before the access check');
    };
    const decided = { decisionNumber: '1/QĐ', decisionDate: '2026-10-01', reason: 'Thử' };
    // Each called only when awaited, so no refusal goes unhandled meanwhile.
    for (const attempt of [
      () => issueDiplomas(db, clerk, batch([graduate(61)]), noKeyYet),
      () => correctDiploma(db, clerk, { id: d!.id, ...decided, changes: {} }, noKeyYet),
      () => revokeDiploma(db, clerk, { id: d!.id, ...decided }),
      () => getDiploma(db, clerk, { id: d!.id }),
    ])
      await expect(attempt()).rejects.toMatchObject({ status: 403 });
    await expect(getDiploma(db, clerk, { id: 'khong-phai-uuid' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('rotating the key keeps earlier credentials verifiable', async () => {
    const [before] = await issueDiplomas(db, scope, batch([graduate(40)]), context);
    await rotateIssuerKey(db, actor, ids.SGD!, context.passphrase);
    const [after] = await issueDiplomas(db, scope, batch([graduate(41)]), context);
    const rows = await db
      .selectFrom('diploma')
      .select(['key_id', 'credential'])
      .where('id', 'in', [before!.id, after!.id])
      .execute();
    expect(new Set(rows.map((r) => r.key_id)).size).toBe(2);
    for (const r of rows) expect(verifyDocument(r.credential)).toMatchObject({ ok: true });
    expect(
      (await listIssuerKeys(db)).filter((k) => k.retiredAt !== null).length,
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('status list cache', () => {
  it('signs a list once, and again only after an issue, a revocation or a key rotation', async () => {
    const cache = new StatusListCache();
    const get = () => statusListCredential(db, { code: 'SGD' }, context, cache);
    const first = await get();
    await get();
    await get();
    expect(cache.signatures).toBe(1);
    expect(await get()).toBe(first);

    const [d] = await issueDiplomas(db, scope, batch([graduate(50)]), context);
    const issued = await get();
    expect(cache.signatures).toBe(2);
    await get();
    expect(cache.signatures).toBe(2);

    await revokeDiploma(db, scope, {
      id: d!.id,
      decisionNumber: '9/QĐ-SGDĐT',
      decisionDate: '2026-10-03',
      reason: 'Cấp nhầm',
    });
    const revoked = await get();
    expect(cache.signatures).toBe(3);
    const slot = (
      await db
        .selectFrom('diploma')
        .select('status_index')
        .where('id', '=', d!.id)
        .executeTakeFirstOrThrow()
    ).status_index;
    const subject = (c: typeof first) =>
      (c.credentialSubject as { encodedList: string }).encodedList;
    expect(readStatusBit(subject(issued), slot)).toBe(false);
    expect(readStatusBit(subject(revoked), slot)).toBe(true);

    // A second cache stands for another process: it sees the same version and signs its own once.
    const other = new StatusListCache();
    await statusListCredential(db, { code: 'SGD' }, context, other);
    await statusListCredential(db, { code: 'SGD' }, context, other);
    expect(other.signatures).toBe(1);

    await rotateIssuerKey(db, actor, ids.SGD!, context.passphrase);
    const rotated = await get();
    expect(cache.signatures).toBe(4);
    expect(verifyDocument(rotated)).toMatchObject({ ok: true });
    expect(rotated.issuer).not.toBe(revoked.issuer);

    // Concurrent misses share one signature.
    const fresh = new StatusListCache();
    await Promise.all(
      [1, 2, 3, 4].map(() => statusListCredential(db, { code: 'SGD' }, context, fresh)),
    );
    expect(fresh.signatures).toBe(1);
  });

  it('answers 404 for a unit that issues no diplomas and for an unknown code', async () => {
    for (const code of ['THA', 'X01', 'KHONGCO'])
      await expect(statusListCredential(db, { code }, context)).rejects.toMatchObject({
        status: 404,
        detail: expect.stringContaining(`mã đơn vị "${code}"`) as unknown,
      });
  });
});
