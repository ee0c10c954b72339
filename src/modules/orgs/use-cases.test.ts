import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../core/access/scope.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import {
  makeSmallProvince,
  makeUnit,
  makeUser,
  scopeAt,
} from '../../../test/helpers/factories/orgs.ts';
import { listAudit } from './audit/list-audit.ts';
import { unitHistory } from './audit/unit-history.ts';
import { createUnit } from './units/create-unit.ts';
import { getUnit } from './units/get-unit.ts';
import { listChildren } from './units/list-children.ts';
import { mergeUnits } from './units/merge-units.ts';
import { moveUnit } from './units/move-unit.ts';
import { searchUnits } from './units/search-units.ts';
import { setUnitActive } from './units/set-unit-active.ts';
import { updateUnit } from './units/update-unit.ts';
import { getUser } from './users/get-user.ts';
import { listUsers } from './users/list-users.ts';
import { resetPassword } from './users/reset-password.ts';
import { updateUser } from './users/update-user.ts';

// The anatomy's promise (docs/ARCHITECTURE.md): every use case checks access
// itself, so a caller that skips the routes (a CLI, a job, another module)
// still cannot reach outside its Scope. Called here directly, with no route.

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let schoolA: Scope;
let schoolAdminA: Scope;
let department: Scope;
let teacherB: string;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeSmallProvince(db);
  teacherB = await makeUser(db, ids.THB!, 'teacher', 'gv.b');
  schoolA = await scopeAt(db, ids.THA!, 'school_staff');
  schoolAdminA = await scopeAt(db, ids.THA!, 'school_admin');
  department = await scopeAt(db, ids.SGD!, 'department_admin');
});

afterAll(async () => {
  await close?.();
});

const refusal = (status: number): unknown => expect.objectContaining({ status }) as unknown;

describe('use cases called without a route', () => {
  it('refuse another school’s units, and changes to the tree without org.structure', async () => {
    const b = ids.THB!;
    const calls: [string, () => Promise<unknown>][] = [
      ['getUnit', () => getUnit(db, schoolA, b)],
      ['listChildren', () => listChildren(db, schoolA, ids.X01!)],
      ['unitHistory', () => unitHistory(db, schoolA, b)],
      ['updateUnit', () => updateUnit(db, schoolA, { id: b, name: 'Bị đổi tên' })],
      ['moveUnit', () => moveUnit(db, schoolA, { id: ids.THA!, parentId: ids.X02! })],
      ['mergeUnits', () => mergeUnits(db, schoolA, { id: ids.THA!, intoId: b })],
      ['setUnitActive', () => setUnitActive(db, schoolA, { id: ids.THA!, active: false })],
      [
        'createUnit',
        () => createUnit(db, schoolA, { code: 'MOI', name: 'Mới', kind: 'other', parentId: b }),
      ],
    ];
    for (const [name, call] of calls) await expect(call(), name).rejects.toEqual(refusal(403));
    expect((await getUnit(db, department, b)).name).toBe('Trường THCS Nguyễn Du');
  });

  it('search only inside the caller’s subtree', async () => {
    expect(await searchUnits(db, schoolA, { q: 'nguyen du' })).toEqual([]);
    const found = await searchUnits(db, department, { q: 'nguyen du' });
    expect(found.map((u) => u.id)).toEqual([ids.THB]);
  });

  it('refuse accounts of another school, and account work without user.manage', async () => {
    await expect(getUser(db, schoolAdminA, teacherB)).rejects.toEqual(refusal(403));
    await expect(resetPassword(db, schoolAdminA, teacherB)).rejects.toEqual(refusal(403));
    await expect(
      updateUser(db, schoolAdminA, { id: teacherB, fullName: 'Đổi tên' }),
    ).rejects.toEqual(refusal(403));
    await expect(
      listUsers(db, schoolAdminA, { orgUnitId: ids.THB!, page: 1, pageSize: 20 }),
    ).rejects.toEqual(refusal(403));
    await expect(listUsers(db, schoolA, { page: 1, pageSize: 20 })).rejects.toEqual(refusal(403));
    const own = await listUsers(db, schoolAdminA, { page: 1, pageSize: 20 });
    expect(own.items.map((u) => u.username)).not.toContain('gv.b');
  });

  it('refuse the audit log without audit.read, and another unit’s part of it', async () => {
    await expect(listAudit(db, schoolAdminA, { page: 1, pageSize: 20 })).rejects.toEqual(
      refusal(403),
    );
    const auditorA = await scopeAt(db, ids.THA!, 'auditor');
    await expect(
      listAudit(db, auditorA, { orgUnitId: ids.THB!, page: 1, pageSize: 20 }),
    ).rejects.toEqual(refusal(403));
  });
});

describe('unit rules', () => {
  it('a unit with an active child cannot be deactivated; the child first, then the parent', async () => {
    const office = await makeUnit(db, {
      code: 'PHONG1',
      name: 'Phòng Một',
      kind: 'office',
      parentId: ids.SGD!,
    });
    const school = await makeUnit(db, {
      code: 'TRUONG1',
      name: 'Trường Một',
      kind: 'school',
      parentId: office.id,
    });
    await expect(setUnitActive(db, department, { id: office.id, active: false })).rejects.toEqual(
      expect.objectContaining({
        status: 400,
        detail: expect.stringContaining('"Trường Một"') as string,
      }),
    );
    expect((await setUnitActive(db, department, { id: school.id, active: false })).active).toBe(
      false,
    );
    expect((await setUnitActive(db, department, { id: office.id, active: false })).active).toBe(
      false,
    );
  });

  it('a new code needs org.structure; a stale version is refused and changes nothing', async () => {
    const unit = await makeUnit(db, {
      code: 'TRUONG2',
      name: 'Trường Hai',
      kind: 'school',
      parentId: ids.X01!,
    });
    const staff = await scopeAt(db, ids.SGD!, 'department_staff');
    await expect(updateUnit(db, staff, { id: unit.id, code: 'TRUONG2B' })).rejects.toEqual(
      refusal(403),
    );
    const renamed = await updateUnit(db, staff, {
      id: unit.id,
      name: 'Trường Hai Mới',
      version: unit.version,
    });
    expect(renamed.version).toBe(unit.version + 1);
    await expect(
      updateUnit(db, staff, { id: unit.id, name: 'Cũ', version: unit.version }),
    ).rejects.toEqual(refusal(409));
    expect((await getUnit(db, staff, unit.id)).name).toBe('Trường Hai Mới');
  });

  it('a school’s location is set, read back, changed and cleared; a point outside Viet Nam changes nothing', async () => {
    const created = await createUnit(db, department, {
      code: 'TRUONG3',
      name: 'Trường Ba',
      kind: 'school',
      parentId: ids.X01!,
      levels: ['primary'],
      ownership: 'public',
      location: { lat: 21.0285, lon: 105.8542 },
    });
    expect(created.location).toEqual({ lat: 21.0285, lon: 105.8542 });
    expect((await getUnit(db, department, created.id)).location).toEqual({
      lat: 21.0285,
      lon: 105.8542,
    });
    const moved = await updateUnit(db, department, {
      id: created.id,
      location: { lat: 20.8612, lon: 106.6834 },
      version: created.version,
    });
    expect(moved.location).toEqual({ lat: 20.8612, lon: 106.6834 });
    expect(moved.version).toBe(created.version + 1);

    // A lost decimal point, and a swapped pair: refused with the field and why, nothing written.
    await expect(
      updateUnit(db, department, {
        id: created.id,
        location: { lat: 210.28, lon: 106.6834 },
        version: moved.version,
      }),
    ).rejects.toEqual(
      expect.objectContaining({
        status: 400,
        errors: [
          {
            path: 'location.lat',
            message:
              'Vĩ độ 210,28 nằm ngoài lãnh thổ Việt Nam: cần một số thập phân từ 8 đến 24 (xem lại dấu thập phân, và vĩ độ, kinh độ có bị đổi chỗ không).',
          },
        ],
      }),
    );
    await expect(
      updateUnit(db, department, {
        id: created.id,
        location: { lat: 106.6834, lon: 20.8612 },
        version: moved.version,
      }),
    ).rejects.toEqual(
      expect.objectContaining({
        errors: [
          expect.objectContaining({ path: 'location.lat' }),
          expect.objectContaining({ path: 'location.lon' }),
        ],
      }),
    );
    await expect(
      createUnit(db, department, {
        code: 'TRUONG4',
        name: 'Trường Bốn',
        kind: 'school',
        parentId: ids.X01!,
        levels: ['primary'],
        ownership: 'public',
        location: { lat: 21.03, lon: 1058.542 },
      }),
    ).rejects.toEqual(refusal(400));
    const after = await getUnit(db, department, created.id);
    expect(after.location).toEqual({ lat: 20.8612, lon: 106.6834 });
    expect(after.version).toBe(moved.version);
    expect((await searchUnits(db, department, { q: 'truong bon' })).length).toBe(0);

    const cleared = await updateUnit(db, department, {
      id: created.id,
      location: null,
      version: moved.version,
    });
    expect(cleared.location).toBeNull();
    // An edit that does not send the location keeps it (none here), and the name is saved.
    const renamed = await updateUnit(db, department, {
      id: created.id,
      name: 'Trường Ba Mới',
      version: cleared.version,
    });
    expect(renamed.location).toBeNull();
  });
});
