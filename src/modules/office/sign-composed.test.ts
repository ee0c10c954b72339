import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../core/access/scope.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { Role } from '../../db/schema.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { annexPdf, vietnamIso, type AnnexDocument } from './annex-layout.ts';
import { registerOutgoing } from './register-outgoing.ts';
import { saveSettings } from './save-settings.ts';
import { signComposedOutgoing } from './sign-composed.ts';
import { signedFileOf } from './sign-outgoing.ts';

// Checked by poppler (Debian's poppler-utils): pdfsig verifies, pdftotext reads, pdftoppm renders.
const PDFSIG = '/usr/bin/pdfsig';
const PASSPHRASE = 'khoa-ky-van-ban-kiem-thu';
const dir = mkdtempSync(join(tmpdir(), 'sogd-sign-composed-'));
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

function poppler(tool: string, bytes: Buffer, args: string[] = [], after: string[] = []): Buffer {
  const file = join(dir, `${tool.split('/').pop()!}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync(tool, [...args, file, ...after], { env: { ...process.env, TZ: 'UTC' } });
  return Buffer.concat([r.stdout, r.stderr]);
}

/** Red and blue pixels of page 1 rendered at 50 dpi (pdftoppm's PPM: "P6 w h 255" then RGB). */
function colours(pdf: Buffer): { red: number; blue: number; redLowerRight: number } {
  const ppm = poppler('pdftoppm', pdf, ['-r', '50', '-f', '1', '-l', '1', '-singlefile']);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  let red = 0;
  let blue = 0;
  let redLowerRight = 0;
  for (let i = 0; i < w * h; i++) {
    const [r, g, b] = [data[3 * i]!, data[3 * i + 1]!, data[3 * i + 2]!];
    if (r > 170 && g < 110 && b < 110) {
      red++;
      if (i % w > w * 0.4 && i / w > h / 4) redLowerRight++;
    }
    if (b > 120 && r < 110 && g < 130) blue++;
  }
  return { red, blue, redLowerRight };
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
});
afterAll(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

const body = {
  body: 'Điều 1. Thành lập Hội đồng thi.\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.',
  authority: 'KT' as const,
  onBehalfOf: 'Giám đốc',
  signerTitle: 'Phó Giám đốc',
  place: 'Thử Nghiệm',
};

describe.skipIf(!existsSync(PDFSIG))(
  'signed outgoing PDF with its seal (Decree 30 Annex I)',
  () => {
    it('lays out, draws the signature and the red seal, then signs: pdfsig valid, pdftotext reads the signer', async () => {
      const leader = await userScope('SGD', 'department_admin', 'giamdoc.sgd');
      await saveSettings(db, leader, { abbreviation: 'SGDĐT', divisions: ['VP'] });
      const out = await registerOutgoing(db, leader, {
        type: 'QĐ',
        subject: 'Về việc thành lập Hội đồng thi chọn học sinh giỏi',
        draftingUnit: 'VP',
        signerName: 'Nguyễn Văn An',
        recipientIds: [ids.THA!],
      });
      const detail = await signComposedOutgoing(db, leader, out.id, {
        ...body,
        passphrase: () => PASSPHRASE,
      });
      expect(detail.signedFile?.sha256).toMatch(/^[0-9a-f]{64}$/);
      const signed = await signedFileOf(db, leader, out.id);

      const report = poppler(PDFSIG, signed).toString('utf8');
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Total document signed');
      expect(report).toContain('Signer Certificate Common Name: Sở Giáo dục và Đào tạo Thử Nghiệm');

      const text = poppler('pdftotext', signed, ['-enc', 'UTF-8'], ['-'])
        .toString('utf8')
        .replace(/\s+/g, ' ');
      expect(text).toContain('Ký bởi: Nguyễn Văn An');
      expect(text).toContain('Cơ quan: Sở Giáo dục và Đào tạo Thử Nghiệm');
      expect(text).toContain('KT. GIÁM ĐỐC');
      // The time printed is the signature's: ISO 8601 in Việt Nam time, as pdfsig reads /M (in UTC here).
      const iso = /Thời gian ký: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00)/.exec(text)?.[1];
      expect(iso).toBeDefined();
      const at = new Date(iso!);
      const month = at.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
      const utc = at.toISOString();
      expect(report).toContain(
        `Signing Time: ${month} ${utc.slice(8, 10)} ${utc.slice(0, 4)} ${utc.slice(11, 19)}`,
      );
      expect(vietnamIso(at)).toBe(iso);

      // The seal is red and sits in the signing block (right of the page, below the heading); the signature image is blue.
      const seen = colours(signed);
      expect(seen.red).toBeGreaterThan(200);
      expect(seen.redLowerRight / seen.red).toBeGreaterThan(0.9);
      expect(seen.blue).toBeGreaterThan(30);

      // Changed after signing: pdfsig says so.
      const tampered = Buffer.from(signed);
      const at2 = Math.floor(signed.indexOf('/Contents <') / 2);
      tampered[at2] = tampered[at2] === 0x30 ? 0x31 : 0x30;
      expect(poppler(PDFSIG, tampered).toString('utf8')).not.toContain('Signature is Valid.');

      // Signed once: a second time is refused, the stored file kept.
      const again = await signComposedOutgoing(db, leader, out.id, {
        ...body,
        passphrase: () => PASSPHRASE,
      }).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(AppError);
      expect((again as AppError).status).toBe(409);
      expect((await signedFileOf(db, leader, out.id)).equals(signed)).toBe(true);
    });

    it('signs once when two signings run at once: the other is refused and keeps no file', async () => {
      const leader = await userScope('SGD', 'department_admin', 'giamdoc3.sgd');
      const out = await registerOutgoing(db, leader, {
        type: 'TB',
        subject: 'Thông báo ký đồng thời',
        draftingUnit: 'VP',
        recipientIds: [],
      });
      const files = async () =>
        Number(
          (
            await db
              .selectFrom('office_file')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await files();
      const results = await Promise.allSettled(
        [1, 2].map(() =>
          signComposedOutgoing(db, leader, out.id, { ...body, passphrase: () => PASSPHRASE }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect((refused?.reason as AppError).status).toBe(409);
      expect(await files()).toBe(before + 1);
    });

    it('draws no seal nor signature on a PDF laid out without signing', async () => {
      const layout: AnnexDocument = {
        parentName: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
        agencyName: 'Sở Giáo dục và Đào tạo Thử Nghiệm',
        notation: '05/QĐ-SGDĐT',
        place: 'Thử Nghiệm',
        date: '2026-03-05',
        typeName: 'Quyết định',
        isLetter: false,
        subject: 'Về việc thử',
        body: 'Điều 1. Thử.',
        authority: null,
        onBehalfOf: null,
        signerTitle: 'Giám đốc',
        signerName: 'Nguyễn Văn An',
        recipients: ['Lưu: VT'],
      };
      const plain = colours(await annexPdf(layout));
      expect(plain.red).toBe(0);
      expect(plain.blue).toBe(0);
    });

    it('refuses a caller without the right to sign, and another unit’s document, changing nothing', async () => {
      const clerkB = await userScope('THB', 'school_staff', 'vanthu.b');
      const teacher = await userScope('SGD', 'department_staff', 'chuyenvien.sgd');
      const leader = await userScope('SGD', 'department_admin', 'giamdoc2.sgd');
      const out = await registerOutgoing(db, leader, {
        type: 'TB',
        subject: 'Thông báo thử',
        draftingUnit: 'VP',
        recipientIds: [],
      });
      for (const [who, status] of [
        [teacher, 403],
        [clerkB, 403],
      ] as const) {
        const e = await signComposedOutgoing(db, who, out.id, {
          ...body,
          passphrase: () => PASSPHRASE,
        }).catch((x: unknown) => x);
        expect((e as AppError).status).toBe(status);
      }
      const schoolLeader = await userScope('THB', 'school_admin', 'hieutruong.b');
      const e = await signComposedOutgoing(db, schoolLeader, out.id, {
        ...body,
        passphrase: () => PASSPHRASE,
      }).catch((x: unknown) => x);
      expect((e as AppError).status).toBe(404);
      // A KT. without whom it is for: a Vietnamese 400.
      const bad = await signComposedOutgoing(db, leader, out.id, {
        ...body,
        onBehalfOf: null,
        passphrase: () => PASSPHRASE,
      }).catch((x: unknown) => x);
      expect((bad as AppError).status).toBe(400);
      expect((bad as AppError).detail).toContain('thay mặt cho ai');
      const row = await db
        .selectFrom('office_outgoing')
        .select('signed_file_id')
        .where('id', '=', out.id)
        .executeTakeFirstOrThrow();
      expect(row.signed_file_id).toBeNull();
    });
  },
);
