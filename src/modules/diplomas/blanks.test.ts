import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import {
  graduate,
  makeIssuerKey,
  TEST_SIGNING as context,
} from '../../../test/helpers/factories/diplomas.ts';
import { makeTree, scopeAt, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { blankStock } from './blank-stock.ts';
import { importGraduates } from './import-graduates.ts';
import { issueDiplomas } from './issue-diplomas.ts';
import { lookupDiploma } from './lookup-diploma.ts';
import { receiveBlanks } from './receive-blanks.ts';
import { spoilBlank } from './spoil-blank.ts';
import type { GraduateEntry } from './issue-batch.ts';

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let scope: Scope;

const batch = (entries: GraduateEntry[], issueDate = '2026-07-20') => ({
  authorityId: ids.SGD!,
  diplomaType: 'upper_secondary' as const,
  issueDate,
  signerName: 'Nguyễn Thị Thúy',
  signerTitle: 'Giám đốc',
  entries,
});
const delivery = (firstSerial: string, lastSerial: string) => ({
  authorityId: ids.SGD!,
  diplomaType: 'upper_secondary' as const,
  firstSerial,
  lastSerial,
  receivedOn: '2026-06-01',
  reference: 'Phiếu xuất kho 12/PX',
});
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => ({ status: 0, detail: 'no error' }),
    (e: { status: number; detail: string }) => ({ status: e.status, detail: e.detail }),
  );
/** `p` fails with `status` and a detail containing `text`. */
async function expectRefused(p: Promise<unknown>, status: number, text = '') {
  const r = await rejection(p);
  expect(r.status).toBe(status);
  expect(r.detail).toContain(text);
}
const serialsOf = async (scopeUsed = scope) =>
  (await blankStock(db, scopeUsed, { authorityId: ids.SGD! })).types[0];

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  scope = await scopeAt(db, ids.SGD!, 'department_staff');
  await makeIssuerKey(db, ids.SGD!);
});
afterAll(async () => close?.());

describe('blank diploma forms (phôi)', () => {
  it('numbers serials itself until a delivery of forms is recorded', async () => {
    const [d] = await issueDiplomas(db, scope, batch([graduate(1)]), context);
    expect(d!.serialNumber).toBe('THPT0000001');
    expect((await blankStock(db, scope, { authorityId: ids.SGD! })).types).toEqual([]);
  });

  it('refuses a range of two series, upside down, overlapping, or over serials in the register', async () => {
    await expectRefused(
      receiveBlanks(db, scope, delivery('A0000010', 'B0000020')),
      400,
      'không cùng dãy',
    );
    await expectRefused(receiveBlanks(db, scope, delivery('A0000020', 'A0000010')), 400, 'nhỏ hơn');
    await expectRefused(
      receiveBlanks(db, scope, delivery('THPT0000001', 'THPT0000009')),
      409,
      'THPT0000001 đã có trong sổ gốc',
    );
    await receiveBlanks(db, scope, delivery('a0000100', 'A0000104'));
    await expectRefused(
      receiveBlanks(db, scope, delivery('A0000090', 'A0000100')),
      409,
      'trùng với dãy phôi đã nhập A0000100–A0000104',
    );
    expect(await serialsOf()).toEqual({
      diplomaType: 'upper_secondary',
      received: 5,
      issued: 0,
      spoiled: 0,
      remaining: 5,
      next: 'A0000100',
    });
  });

  it('prints each diploma on the next form in stock, skipping spoiled forms', async () => {
    await spoilBlank(db, scope, {
      authorityId: ids.SGD!,
      serial: 'A0000101',
      reason: 'In lệch dòng',
    });
    const issued = await issueDiplomas(db, scope, batch([graduate(2), graduate(3)]), context);
    expect(issued.map((d) => d.serialNumber)).toEqual(['A0000100', 'A0000102']);
    const stock = await blankStock(db, scope, { authorityId: ids.SGD! });
    expect(stock.types[0]).toMatchObject({ issued: 2, spoiled: 1, remaining: 2, next: 'A0000103' });
    expect(stock.spoiledForms.map((f) => [f.serial, f.reason])).toEqual([
      ['A0000101', 'In lệch dòng'],
    ]);
    // The serial on the form is the one the public finds, typed in any case.
    const found = await lookupDiploma(db, {
      serial: 'a0000102',
      fullName: graduate(3).fullName,
      birthDate: graduate(3).birthDate,
    });
    expect(found.diplomas.map((d) => d.serialNumber)).toEqual(['A0000102']);
  });

  it('refuses to spoil a form used, spoiled, or never received', async () => {
    const spoil = (serial: string) =>
      spoilBlank(db, scope, { authorityId: ids.SGD!, serial, reason: 'Rách' });
    await expectRefused(spoil('A0000100'), 409, 'đã được dùng để in văn bằng');
    await expectRefused(spoil('A0000101'), 409, 'đã được ghi là hỏng');
    await expectRefused(spoil('A0000999'), 404);
  });

  it('refuses a batch larger than the stock, whole', async () => {
    const before = await serialsOf();
    await expectRefused(
      issueDiplomas(db, scope, batch([graduate(4), graduate(5), graduate(6)]), context),
      409,
      'Còn 2 phôi văn bằng, cần 3',
    );
    expect(await serialsOf()).toEqual(before);
    await receiveBlanks(db, scope, delivery('A0000105', 'A0000109'));
    const issued = await issueDiplomas(
      db,
      scope,
      batch([graduate(4), graduate(5), graduate(6)]),
      context,
    );
    expect(issued.map((d) => d.serialNumber)).toEqual(['A0000103', 'A0000104', 'A0000105']);
  });

  it('lets two clerks issue at once without sharing a form', async () => {
    const runs = await Promise.all(
      [10, 20].map((k) => issueDiplomas(db, scope, batch([graduate(k), graduate(k + 1)]), context)),
    );
    const serials = runs.flat().map((d) => d.serialNumber);
    expect(new Set(serials).size).toBe(4);
    expect(serials.sort()).toEqual(['A0000106', 'A0000107', 'A0000108', 'A0000109']);
  });

  it('leaves the stock to those who may write the register', async () => {
    const school = await scopeAt(db, ids.THB!, 'school_admin');
    await expectRefused(receiveBlanks(db, school, delivery('C0000001', 'C0000002')), 403);
    await expectRefused(blankStock(db, school, { authorityId: ids.SGD! }), 403);
  });
});

describe('issue dates', () => {
  it('refuses an issue date in the future, by every way of issuing', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);
    await expectRefused(
      issueDiplomas(db, scope, batch([graduate(50)], tomorrow), context),
      400,
      'là ngày trong tương lai',
    );
    await expectRefused(
      importGraduates(
        db,
        scope,
        {
          file: () => Promise.resolve(Buffer.from('not read')),
          authorityId: ids.SGD!,
          diplomaType: 'upper_secondary',
          issueDate: tomorrow,
          signerName: 'Nguyễn Thị Thúy',
          signerTitle: 'Giám đốc',
          dryRun: true,
        },
        context,
      ),
      400,
      'tương lai',
    );
    // Today is fine.
    await receiveBlanks(db, scope, delivery('A0000200', 'A0000201'));
    const today = await issueDiplomas(db, scope, batch([graduate(51)], todayInVietnam()), context);
    expect(today).toHaveLength(1);
  });
});
