import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app/app.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { makeIssuerKey } from '../../../test/helpers/factories/diplomas.ts';

// Issue 13 items 15 and 16 over HTTP: serials in any case, a malformed date
// said to be malformed, a day not in the calendar said not to exist, a
// future issue date refused on its field.
let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let admin: Client;
let issued: { serialNumber: string; registerNumber: string };
const PASSPHRASE = 'khoa-ky-cua-so-thu-nghiem';

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}
const lookup = async (query: Record<string, string>) => {
  const r = await app.inject({
    method: 'GET',
    url: `/api/public/diplomas/lookup?${new URLSearchParams(query).toString()}`,
  });
  return { status: r.statusCode, body: r.json<Problem & { found: boolean }>() };
};
const messages = (p: Problem) => [p.detail, ...(p.errors ?? []).map((e) => e.message)].join(' | ');

beforeAll(async () => {
  process.env.SOGD_KEY_PASSPHRASE = PASSPHRASE;
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await makeUser(db, ids.SGD!, 'department_admin', 'admin');
  await makeIssuerKey(db, ids.SGD!, PASSPHRASE);
  app = await buildApp({
    db,
    webDir: null,
    lookupsPerMinute: 100,
    publicUrl: 'https://sogd.example.gov.vn',
  });
  admin = await signIn(app, 'admin', 'mat-khau-rat-dai-1');
  const r = await admin.send('POST', '/api/diplomas/issue', {
    authorityId: ids.SGD,
    diplomaType: 'upper_secondary',
    issueDate: '20/07/2026',
    signerName: 'Nguyễn Thị Thúy',
    signerTitle: 'Giám đốc',
    entries: [
      {
        fullName: 'Trần Thị Thanh Hương',
        // Typed as people type them: dd/mm/yyyy and d/m/yyyy.
        birthDate: '2/9/2008',
        gender: 'female',
        schoolName: 'Trường THPT Chuyên Võ Nguyên Giáp',
        graduationYear: 2026,
        decisionNumber: '1234/QĐ-SGDĐT',
        decisionDate: '15/07/2026',
      },
    ],
  });
  expect(r.status).toBe(201);
  issued = (r.body as { serialNumber: string; registerNumber: string }[])[0]!;
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

describe('public lookup', () => {
  it('finds a serial or register entry number typed in any case', async () => {
    const person = { fullName: 'tran thi thanh huong', birthDate: '02/09/2008' };
    for (const serial of [issued.serialNumber, issued.serialNumber.toLowerCase()]) {
      const r = await lookup({ serial, ...person });
      expect(r.status).toBe(200);
      expect(r.body.found).toBe(true);
    }
    const byEntry = await lookup({
      registerNumber: issued.registerNumber.toLowerCase(),
      ...person,
    });
    expect(byEntry.body.found).toBe(true);
    expect((await lookup({ serial: 'THPT9999999', ...person })).body.found).toBe(false);
  });

  it('says a malformed date is malformed, and a day not in the calendar does not exist', async () => {
    const base = { serial: issued.serialNumber, fullName: 'Trần Thị Thanh Hương' };
    const malformed = await lookup({ ...base, birthDate: '2008' });
    expect(malformed.status).toBe(400);
    expect(messages(malformed.body)).toContain('Ngày sinh "2008" không đúng dạng: cần dd/mm/yyyy');
    const noSuchDay = await lookup({ ...base, birthDate: '31/02/2008' });
    expect(noSuchDay.status).toBe(400);
    expect(messages(noSuchDay.body)).toContain(
      'Ngày sinh 31/02/2008 không có trong lịch: tháng 2/2008 có 29 ngày.',
    );
    expect(messages(noSuchDay.body)).not.toContain('không đúng dạng');
  });
});

describe('dates on the issuing forms', () => {
  const issue = (dates: {
    birthDate?: string;
    decisionDate?: string;
    issueDate?: string;
    ethnicity?: string;
  }) =>
    admin.send('POST', '/api/diplomas/issue', {
      authorityId: ids.SGD,
      diplomaType: 'upper_secondary',
      issueDate: dates.issueDate ?? '20/07/2026',
      signerName: 'Nguyễn Thị Thúy',
      signerTitle: 'Giám đốc',
      entries: [
        {
          fullName: 'Lê Minh Khôi',
          birthDate: dates.birthDate ?? '01/01/2008',
          ethnicity: dates.ethnicity ?? null,
          gender: 'male',
          schoolName: 'Trường THPT Đào Duy Từ',
          graduationYear: 2026,
          decisionNumber: '1234/QĐ-SGDĐT',
          decisionDate: dates.decisionDate ?? '15/07/2026',
        },
      ],
    });

  it('names the field and says why, changing nothing', async () => {
    const before = await db.selectFrom('diploma').select('id').execute();
    const day = await issue({ decisionDate: '31/02/2026' });
    expect(day.status).toBe(400);
    expect(messages(day.body as Problem)).toContain(
      'Ngày quyết định 31/02/2026 không có trong lịch: tháng 2/2026 có 28 ngày.',
    );
    const shape = await issue({ birthDate: '2008-13' });
    expect(messages(shape.body as Problem)).toContain('Ngày sinh "2008-13" không đúng dạng');
    const future = await issue({ issueDate: `01/01/${new Date().getFullYear() + 1}` });
    expect(future.status).toBe(400);
    const problem = future.body as Problem;
    expect(problem.detail).toContain('là ngày trong tương lai');
    expect(problem.errors?.[0]?.path).toBe('body.issueDate');
    expect(await db.selectFrom('diploma').select('id').execute()).toHaveLength(before.length);
  });

  it('checks the ethnic group against the 54 groups, keeping the list’s name', async () => {
    const wrong = await issue({ ethnicity: 'Kinh tế' });
    expect(wrong.status).toBe(400);
    expect(messages(wrong.body as Problem)).toContain('không có trong danh mục 54 dân tộc');
    const usual = await issue({ ethnicity: 'Mông' });
    expect(usual.status).toBe(201);
    const [d] = usual.body as { id: string }[];
    const detail = await admin.get(`/api/diplomas/${d!.id}`);
    expect((detail.body as { ethnicity: string }).ethnicity).toBe("H'Mông");
  });
});
