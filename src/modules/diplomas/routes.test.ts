import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRADUATE_HEADERS } from './import.ts';
import type { Db } from '../../db/connection.ts';
import { buildApp, type App } from '../../app/app.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import { verifyDocument } from '../../lib/credentials/data-integrity.ts';
import { readStatusBit } from './credentials/diploma-credential.ts';
import { makeIssuerKey } from '../../../test/helpers/factories/diplomas.ts';
import { STATUS_LISTS_PER_MINUTE } from './routes.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let admin: Client;
const PASSPHRASE = 'khoa-ky-cua-so-thu-nghiem';
const PUBLIC_URL = 'https://sogd.example.gov.vn';

beforeAll(async () => {
  process.env.SOGD_KEY_PASSPHRASE = PASSPHRASE;
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await makeUser(db, ids.SGD!, 'department_admin', 'admin');
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  await makeIssuerKey(db, ids.SGD!, PASSPHRASE);
  app = await buildApp({ db, webDir: null, lookupsPerMinute: 4, publicUrl: PUBLIC_URL });
  admin = await signIn(app, 'admin', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const entry = {
  fullName: 'Hoàng Thị Thu Hà',
  birthDate: '2008-11-02',
  birthPlace: 'Lệ Thuỷ, Quảng Bình',
  gender: 'female',
  ethnicity: 'Kinh',
  schoolName: 'Trường THPT Phan Bội Châu',
  graduationYear: 2026,
  decisionNumber: '1234/QĐ-SGDĐT',
  decisionDate: '2026-07-15',
};

describe('diplomas over HTTP', () => {
  let issued: { id: string; serialNumber: string; registerNumber: string }[];

  it('issues from the back office, and a clerk of another unit cannot see the register', async () => {
    const r = await admin.send('POST', '/api/diplomas/issue', {
      authorityId: ids.SGD,
      diplomaType: 'upper_secondary',
      issueDate: '2026-07-20',
      signerName: 'Nguyễn Thị Thúy',
      signerTitle: 'Giám đốc',
      entries: [entry, { ...entry, fullName: 'Lê Văn Tám', gender: 'male' }],
    });
    expect(r.status).toBe(201);
    issued = r.body as typeof issued;
    expect(issued).toHaveLength(2);
    const list = await admin.get(`/api/diplomas?authorityId=${ids.SGD}&q=thu ha`);
    expect((list.body as { total: number }).total).toBe(1);
    const clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
    expect((await clerk.get(`/api/diplomas?authorityId=${ids.SGD}`)).status).toBe(403);
    expect((await clerk.get(`/api/diplomas/${issued[0]!.id}`)).status).toBe(403);
    expect((await clerk.get(`/api/diplomas/${issued[0]!.id}/credential.json`)).status).toBe(403);
  });

  it('answers the public lookup with only what proves the diploma, then limits the rate', async () => {
    const url = `/api/public/diplomas/lookup?serial=${issued[0]!.serialNumber}&fullName=${encodeURIComponent('hoang thi thu ha')}&birthDate=02/11/2008`;
    const r = await app.inject({ method: 'GET', url });
    expect(r.statusCode).toBe(200);
    const body = r.json<{ found: boolean; diplomas: Record<string, unknown>[] }>();
    expect(body.found).toBe(true);
    expect(body.diplomas[0]).toEqual({
      fullName: 'Hoàng Thị Thu Hà',
      diplomaType: 'upper_secondary',
      schoolName: expect.any(String) as string,
      graduationYear: expect.any(Number) as number,
      serialNumber: issued[0]!.serialNumber,
      status: 'valid',
    });
    // DESIGN: no date of birth in full in a public answer (nor the credential, which holds it).
    expect(r.body).not.toContain('2008-11-02');
    expect(r.body).not.toContain('Lệ Thuỷ');
    expect(r.body).not.toContain('Kinh');
    const partial = await app.inject({
      method: 'GET',
      url: `/api/public/diplomas/lookup?serial=${issued[0]!.serialNumber}&fullName=Ha&birthDate=2008`,
    });
    expect(partial.statusCode).toBe(400);
    const noNumber = await app.inject({
      method: 'GET',
      url: '/api/public/diplomas/lookup?fullName=Hoàng Thị Thu Hà&birthDate=02/11/2008',
    });
    expect(noNumber.statusCode).toBe(400);
    // The 4 per minute of this test app are used up by now.
    const limited = await app.inject({ method: 'GET', url });
    const again = limited.statusCode === 429 ? limited : await app.inject({ method: 'GET', url });
    expect(again.statusCode).toBe(429);
    expect(again.headers['retry-after']).toBeDefined();
    expect(again.json<{ detail: string }>().detail).toContain('quá nhiều lần');
  });

  it('publishes keys and a did:web document, and revocation flips the status list bit', async () => {
    const keys = (await app.inject({ method: 'GET', url: '/api/public/keys' })).json<
      { kid: string }[]
    >();
    expect(keys).toHaveLength(1);
    // The schema lists what is public of a key: the authority's id is dropped.
    expect(Object.keys(keys[0]!).sort()).toEqual(
      ['createdAt', 'did', 'kid', 'publicKeyMultibase', 'retiredAt'].sort(),
    );
    const did = (await app.inject({ method: 'GET', url: '/.well-known/did.json' })).json<{
      verificationMethod: unknown[];
    }>();
    expect(did.verificationMethod).toHaveLength(1);
    const revoke = await admin.send('POST', `/api/diplomas/${issued[1]!.id}/revoke`, {
      decisionNumber: '7/QĐ-SGDĐT',
      decisionDate: '2026-10-01',
      reason: 'Phát hiện gian lận',
    });
    expect(revoke.status).toBe(200);
    const detail = revoke.body as {
      status: string;
      credential: { credentialStatus: { statusListIndex: string } };
      history: { kind: string }[];
    };
    expect(detail.status).toBe('revoked');
    expect(detail.history.map((h) => h.kind)).toEqual(['issue', 'revocation']);
    const list = (await app.inject({ method: 'GET', url: '/api/public/status/SGD' })).json<{
      credentialSubject: { encodedList: string };
    }>();
    expect(verifyDocument(list)).toMatchObject({ ok: true });
    expect(
      readStatusBit(
        list.credentialSubject.encodedList,
        Number(detail.credential.credentialStatus.statusListIndex),
      ),
    ).toBe(true);
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/diplomas/register.pdf?authorityId=${ids.SGD}`,
      headers: { cookie: admin.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const sheet = await app.inject({
      method: 'GET',
      url: `/api/diplomas/${issued[0]!.id}/sheet.pdf`,
      headers: { cookie: admin.cookie },
    });
    expect(sheet.headers['content-type']).toBe('application/pdf');
    const qr = await app.inject({
      method: 'GET',
      url: `/api/diplomas/${issued[0]!.id}/qr.png`,
      headers: { cookie: admin.cookie },
    });
    expect(qr.headers['content-type']).toBe('image/png');
  });

  it('records a certified copy with its copy-book number and serves it as PDF, only within scope', async () => {
    const r = await admin.send('POST', `/api/diplomas/${issued[0]!.id}/copy`, {
      requester: 'Hoàng Thị Thu Hà',
      copies: 1,
      reason: 'Mất bản chính',
    });
    expect(r.status).toBe(200);
    const copy = (
      r.body as { history: { id: string; kind: string; after: { copyNumber: string } }[] }
    ).history.find((h) => h.kind === 'copy')!;
    expect(copy.after.copyNumber).toMatch(/^\d{4}\/BS\/00001$/);
    const url = `/api/diplomas/${issued[0]!.id}/copies/${copy.id}/ban-sao.pdf`;
    const pdf = await app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
    expect((await clerk.get(url)).status).toBe(403);
    const unknown = await app.inject({
      method: 'GET',
      url: `/api/diplomas/${issued[0]!.id}/copies/${issued[0]!.id}/ban-sao.pdf`,
      headers: { cookie: admin.cookie },
    });
    expect(unknown.statusCode).toBe(404);
    const revoked = await admin.send('POST', `/api/diplomas/${issued[1]!.id}/copy`, {
      requester: 'Lê Văn Tám',
      copies: 1,
      reason: 'Mất bản chính',
    });
    expect(revoked.status).toBe(400);
  });

  it('takes a graduation list upload: dry run, every error with row and column, then issues', async () => {
    const workbook = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('DS');
      ws.addRow(Object.values(GRADUATE_HEADERS));
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const post = async (bytes: Buffer, dryRun: '0' | '1') => {
      const boundary = '----sogd';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ds.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const query = new URLSearchParams({
        authorityId: ids.SGD!,
        diplomaType: 'upper_secondary',
        issueDate: '2026-07-21',
        signerName: 'Nguyễn Thị Thúy',
        signerTitle: 'Giám đốc',
        dryRun,
      });
      return app.inject({
        method: 'POST',
        url: `/api/diplomas/import?${query.toString()}`,
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: body,
      });
    };
    const row = [
      'Bùi Thị Mai',
      '01/06/2008',
      'Huế',
      'Nữ',
      'Kinh',
      'Trường THPT Quốc Học',
      '',
      2026,
      '55/QĐ-SGDĐT',
      '15/07/2026',
      '',
    ];
    const bad = await post(
      await workbook([
        row,
        [
          'Đỗ Văn C',
          '30/02/2008',
          '',
          'Nam',
          '',
          'Trường THPT Quốc Học',
          '',
          2026,
          '55/QĐ-SGDĐT',
          '15/07/2026',
          '',
        ],
      ]),
      '1',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ errorList: { row: number; column: string }[] }>().errorList[0]).toMatchObject(
      { row: 3, column: 'Ngày sinh' },
    );
    const dry = await post(await workbook([row]), '1');
    expect(dry.json<{ summary: { added: number } }>().summary.added).toBe(1);
    const real = await post(await workbook([row]), '0');
    expect(real.statusCode).toBe(200);
    expect(real.json<{ issued: { fullName: string }[] }>().issued[0]!.fullName).toBe('Bùi Thị Mai');
  });

  it('builds every public URL from the configured address, never from the Host header', async () => {
    const evil = { host: 'evil.example', 'x-forwarded-host': 'evil.example' };
    const issue = await app.inject({
      method: 'POST',
      url: '/api/diplomas/issue',
      headers: { ...evil, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: {
        authorityId: ids.SGD,
        diplomaType: 'upper_secondary',
        issueDate: '2026-07-22',
        signerName: 'Nguyễn Thị Thúy',
        signerTitle: 'Giám đốc',
        entries: [{ ...entry, fullName: 'Trịnh Văn Khải', gender: 'male' }],
      },
    });
    expect(issue.statusCode).toBe(201);
    const [issuedNow] = issue.json<{ id: string }[]>();
    const corrected = await app.inject({
      method: 'POST',
      url: `/api/diplomas/${issuedNow!.id}/correct`,
      headers: { ...evil, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: {
        decisionNumber: '8/QĐ-SGDĐT',
        decisionDate: '2026-10-02',
        reason: 'Sai chính tả họ tên',
        changes: { fullName: 'Trịnh Văn Khải' },
      },
    });
    expect(corrected.statusCode).toBe(200);
    const credential = await app.inject({
      method: 'GET',
      url: `/api/diplomas/${issuedNow!.id}/credential.json`,
      headers: { ...evil, cookie: admin.cookie },
    });
    expect(credential.body).toContain(`${PUBLIC_URL}/api/public/status/SGD`);
    const did = await app.inject({ method: 'GET', url: '/.well-known/did.json', headers: evil });
    expect(did.json<{ id: string }>().id).toBe('did:web:sogd.example.gov.vn');
    const list = await app.inject({ method: 'GET', url: '/api/public/status/SGD', headers: evil });
    expect(list.json<{ id: string }>().id).toBe(`${PUBLIC_URL}/api/public/status/SGD`);
    for (const r of [issue, corrected, credential, did, list]) expect(r.body).not.toContain('evil');
  });

  it('signs the status list once until it changes, 404 for a unit issuing none, and limits the rate', async () => {
    const get = () => app.inject({ method: 'GET', url: '/api/public/status/SGD' });
    const first = await get();
    // Signing again would stamp a later second into the proof.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await get();
    expect(second.body).toBe(first.body);
    const revoke = await admin.send('POST', `/api/diplomas/${issued[0]!.id}/revoke`, {
      decisionNumber: '10/QĐ-SGDĐT',
      decisionDate: '2026-10-04',
      reason: 'Cấp sai đối tượng',
    });
    expect(revoke.status).toBe(200);
    const third = await get();
    expect(third.body).not.toBe(first.body);
    const index = (revoke.body as { credential: { credentialStatus: { statusListIndex: string } } })
      .credential.credentialStatus.statusListIndex;
    expect(
      readStatusBit(
        third.json<{ credentialSubject: { encodedList: string } }>().credentialSubject.encodedList,
        Number(index),
      ),
    ).toBe(true);

    for (const code of ['THA', 'KHONGCO']) {
      const r = await app.inject({ method: 'GET', url: `/api/public/status/${code}` });
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json<{ detail: string }>().detail).toContain('không cấp văn bằng');
    }

    let limited: Awaited<ReturnType<typeof get>> | undefined;
    // The bucket refills one a second meanwhile: on a loaded machine the loop is slow enough
    // to earn back more than the five asked above, so it may go past the minute's number.
    for (let i = 0; i < 3 * STATUS_LISTS_PER_MINUTE && !limited; i++) {
      const r = await get();
      if (r.statusCode === 429) limited = r;
      else expect(r.statusCode).toBe(200);
    }
    expect(limited?.headers['retry-after']).toBeDefined();
    expect(limited?.json<{ detail: string }>().detail).toContain('quá nhiều lần');
  });
});

describe('the diplomas contract', () => {
  it('documents a 2xx answer for every diplomas operation in /docs/json', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    }>();
    const paths = Object.keys(doc.paths).filter(
      (p) => p.startsWith('/api/diplomas') || p.startsWith('/api/public/'),
    );
    expect(paths.length).toBeGreaterThanOrEqual(15);
    for (const path of paths)
      for (const [method, operation] of Object.entries(doc.paths[path]!)) {
        const codes = Object.keys(operation.responses ?? {});
        expect(
          codes.some((c) => /^2\d\d$/.test(c)),
          `${method} ${path}`,
        ).toBe(true);
      }
  });
});
