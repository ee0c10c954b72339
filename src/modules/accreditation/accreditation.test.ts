import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../core/access/scope.ts';
import { AppError } from '../../core/errors.ts';
import { createFileStore, type FileStore } from '../../core/files/store.ts';
import type { ReceivedUpload } from '../../core/files/upload.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, scopeAt, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { makeClasses } from '../../../test/helpers/factories/registry.ts';
import { addFileEvidence } from './add-file-evidence.ts';
import { addLinkEvidence } from './add-link-evidence.ts';
import { addMember } from './add-member.ts';
import { buildReport } from './build-report.ts';
import type { CycleDetail } from './contract.ts';
import { createCampaign } from './create-campaign.ts';
import { findCopies } from './find-copies.ts';
import { getCycle } from './get-cycle.ts';
import { getProgress } from './get-progress.ts';
import { listExpiring } from './list-expiring.ts';
import { listCampaigns } from './list-campaigns.ts';
import { openCycle } from './open-cycle.ts';
import { rateRequirement } from './rate-requirement.ts';
import { rateExternal } from './rate-external.ts';
import { recogniseSchool } from './recognise-school.ts';
import { reviewCycle } from './review-cycle.ts';
import { saveCriterionTextUseCase } from './save-criterion-text.ts';
import { submitCycle } from './submit-cycle.ts';

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let files: FileStore;
let filesDir: string;
let department: Scope;
let commune: Scope;
let adminA: Scope;
let teacherA: Scope;
let adminB: Scope;
let campaignId: string;
let cycleA: CycleDetail;

async function refusal(work: Promise<unknown>, status: number): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  return error as AppError;
}

/** What the route's receiveUpload hands the use case: the bytes in the store. */
function upload(bytes: Buffer, fields: Record<string, string>, fileName = 'bien-ban.pdf') {
  return async (): Promise<ReceivedUpload> => ({
    ...(await files.put(bytes, { maxBytes: 50 * 1024 * 1024 })),
    fileName,
    fields,
  });
}

const PDF = Buffer.from('%PDF-1.4\n% biên bản họp hội đồng tự đánh giá\n%%EOF\n');

/** Rates every requirement of the cycle's set up to `level`, citing `code`, except `overrides`. */
async function rateAll(
  scope: Scope,
  cycle: CycleDetail,
  code: string,
  level: (criterion: string) => number,
) {
  let last = cycle;
  for (const s of cycle.standards)
    for (const c of s.criteria)
      for (const r of c.requirements) {
        const met = r.level <= level(c.code);
        last = await rateRequirement(db, scope, {
          cycleId: cycle.id,
          rating: {
            requirementCode: r.code,
            met,
            justification: met ? `Đạt, có minh chứng ${code}.` : 'Chưa đạt: còn thiếu hồ sơ.',
          },
        });
      }
  return last;
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await makeClasses(db, [
    { schoolId: ids.THA!, name: '1A', schoolYear: '2026-2027' },
    { schoolId: ids.THA!, name: '1B', schoolYear: '2026-2027' },
  ]);
  filesDir = mkdtempSync(join(tmpdir(), 'sogd-accreditation-'));
  files = createFileStore(filesDir);
  department = await scopeAt(db, ids.SGD!, 'department_staff');
  commune = await scopeAt(db, ids.X01!, 'office_staff');
  adminA = await scopeAt(db, ids.THA!, 'school_admin');
  teacherA = await scopeAt(db, ids.THA!, 'teacher');
  adminB = await scopeAt(db, ids.THB!, 'school_admin');
});

afterAll(async () => {
  await close();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('a campaign and its progress', () => {
  it('refuses an unknown set and an evidence format missing a part, naming the field', async () => {
    const bad = await refusal(
      createCampaign(db, department, {
        name: 'Đợt thử',
        setId: 'tt99-2030',
        schoolYear: '2026-2027',
      }),
      400,
    );
    expect(bad.errors[0]).toMatchObject({ path: 'setId' });
    expect(bad.errors[0]!.message).toContain('tt18-2018');
    const format = await refusal(
      createCampaign(db, department, {
        name: 'Đợt thử',
        setId: 'tt57-2026',
        schoolYear: '2026-2027',
        evidenceFormat: '[Hn.bc.de]',
      }),
      400,
    );
    expect(format.errors[0]).toMatchObject({ path: 'evidenceFormat' });
    // A set not in force that school year.
    await refusal(
      createCampaign(db, department, {
        name: 'Đợt cũ',
        setId: 'tt57-2026',
        schoolYear: '2024-2025',
      }),
      400,
    );
    await refusal(
      createCampaign(db, adminA, { name: 'Đợt', setId: 'tt57-2026', schoolYear: '2026-2027' }),
      403,
    );
  });

  it('the department opens one; every school of the set\'s levels is "not started"', async () => {
    const campaign = await createCampaign(db, department, {
      name: 'Tự đánh giá năm học 2026-2027',
      setId: 'tt57-2026',
      schoolYear: '2026-2027',
    });
    campaignId = campaign.id;
    expect(campaign.evidenceFormat).toBe('[Hn.a.bc.de]');
    expect(campaign.set.confidence).toBe('unconfirmed');
    const progress = await getProgress(db, department, { campaignId, page: 1, pageSize: 100 });
    expect(progress.total).toBe(3);
    expect(progress.counts.not_started).toBe(3);
    // The commune sees its own two schools only; school A sees the campaign.
    const communeView = await getProgress(db, commune, { campaignId, page: 1, pageSize: 100 });
    expect(communeView.items.map((i) => i.school.code).sort()).toEqual(['THA', 'THB']);
    expect((await listCampaigns(db, adminA)).map((c) => c.id)).toContain(campaignId);
  });
});

describe("school A's self-assessment", () => {
  it('opens the cycle once (idempotent), not for another school', async () => {
    cycleA = await openCycle(db, teacherA, { campaignId, schoolId: ids.THA! });
    expect((await openCycle(db, adminA, { campaignId, schoolId: ids.THA! })).id).toBe(cycleA.id);
    await refusal(openCycle(db, adminB, { campaignId, schoolId: ids.THA! }), 403);
    await refusal(getCycle(db, adminB, cycleA.id), 403);
    expect(cycleA.status).toBe('in_progress');
    expect(cycleA.canSeeCopies).toBe(false);
    // sogd's figures are offered live until submission freezes them.
    expect(cycleA.liveFigures).toMatchObject({
      years: ['2024-2025', '2025-2026', '2026-2027'],
      classes: [{ school_year: '2026-2027', grade: 1, classes: 2, students: 0 }],
    });
    expect((await getCycle(db, commune, cycleA.id)).canSeeCopies).toBe(true);
    expect(cycleA.evaluation.level).toBe(0);
  });

  it('the principal sets up the council with assigned criteria; a teacher may not', async () => {
    const withMember = await addMember(db, adminA, {
      cycleId: cycleA.id,
      member: {
        fullName: 'Nguyễn Thị Lan',
        position: 'Phó hiệu trưởng',
        role: 'vice_chair',
        criteria: ['3.2'],
      },
    });
    expect(withMember.members).toHaveLength(1);
    const c32 = withMember.standards[2]!.criteria.find((c) => c.code === '3.2')!;
    expect(c32.assignedTo).toEqual(['Nguyễn Thị Lan']);
    await refusal(
      addMember(db, teacherA, {
        cycleId: cycleA.id,
        member: { fullName: 'X', role: 'member', criteria: [] },
      }),
      403,
    );
    const unknown = await refusal(
      addMember(db, adminA, {
        cycleId: cycleA.id,
        member: { fullName: 'Y', role: 'member', criteria: ['9.9'] },
      }),
      400,
    );
    expect(unknown.errors[0]!.message).toContain('9.9');
  });

  it('evidence: a file stored once by checksum and a link, coded [Hn.a.bc.de]', async () => {
    const file = await addFileEvidence(db, teacherA, {
      cycleId: cycleA.id,
      receive: upload(PDF, {
        title: 'Biên bản kiểm tra phòng học',
        criterionCode: '3.2',
        issuer: 'Trường',
        issuedOn: '15/10/2026',
      }),
    });
    expect(file.code).toBe('[H3.3.02.01]');
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await files.verify(file.sha256!)).toBe(true);
    expect(file.issuedOn).toBe('2026-10-15');
    const link = await addLinkEvidence(db, teacherA, {
      cycleId: cycleA.id,
      evidence: {
        title: 'Kế hoạch chiến lược',
        criterionCode: '1.1',
        url: 'https://truong.example.vn/ke-hoach',
      },
    });
    expect(link.code).toBe('[H1.1.01.01]');
    const second = await addLinkEvidence(db, teacherA, {
      cycleId: cycleA.id,
      evidence: { title: 'Nghị quyết', criterionCode: '1.1', url: 'https://truong.example.vn/nq' },
    });
    expect(second.code).toBe('[H1.1.01.02]');
    const bad = await refusal(
      addLinkEvidence(db, teacherA, {
        cycleId: cycleA.id,
        evidence: { title: 'X', criterionCode: '7.1', url: 'ftp://x' },
      }),
      400,
    );
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['criterionCode', 'url']);
  });

  it('a rating cites evidence by code; unknown codes and "met" without evidence are refused', async () => {
    const missing = await refusal(
      rateRequirement(db, teacherA, {
        cycleId: cycleA.id,
        rating: { requirementCode: '3.2.M1.a', met: true, justification: 'Có [H3.3.02.09].' },
      }),
      400,
    );
    expect(missing.detail).toContain('[H3.3.02.09]');
    const bare = await refusal(
      rateRequirement(db, teacherA, {
        cycleId: cycleA.id,
        rating: { requirementCode: '3.2.M1.a', met: true, justification: 'Đạt.' },
      }),
      400,
    );
    expect(bare.errors[0]).toMatchObject({ path: 'justification' });
    const rated = await rateRequirement(db, teacherA, {
      cycleId: cycleA.id,
      rating: {
        requirementCode: '3.2.M1.a',
        met: true,
        justification: 'Đủ phòng học [H3.3.02.01].',
      },
    });
    const c32 = rated.standards[2]!.criteria.find((c) => c.code === '3.2')!;
    expect(c32.level).toBe(1);
    expect(c32.requirements[0]!.evidence.map((e) => e.code)).toEqual(['[H3.3.02.01]']);
    // The same file cited by another criterion: referenced, not copied.
    const again = await rateRequirement(db, teacherA, {
      cycleId: cycleA.id,
      rating: { requirementCode: '3.1.M1.a', met: true, justification: 'Xem [H3.3.02.01].' },
    });
    expect(again.evidence.find((e) => e.code === '[H3.3.02.01]')!.citedBy).toEqual(['3.1', '3.2']);
    expect(again.evidence).toHaveLength(3);
    // The department's administrator holds the permission (to hand out school roles) but rates no school's cycle.
    const deptAdmin = await scopeAt(db, ids.SGD!, 'department_admin');
    const notOwn = await refusal(
      rateRequirement(db, deptAdmin, {
        cycleId: cycleA.id,
        rating: { requirementCode: '3.2.M1.a', met: false, justification: 'Sở sửa hộ.' },
      }),
      403,
    );
    expect(notOwn.detail).toContain('chính trường');
  });

  it('the level is recomputed live and explained', async () => {
    const [link] = cycleA.evidence.length ? cycleA.evidence : [];
    void link;
    // Everything at Mức 2 except 3.2 at Mức 1.
    const rated = await rateAll(teacherA, cycleA, '[H1.1.01.01]', (c) => (c === '3.2' ? 1 : 2));
    expect(rated.evaluation.level).toBe(1);
    expect(rated.evaluation.reasons).toEqual([
      'Chưa đạt Mức 2 vì tiêu chí 3.2 mới đạt Mức 1 (tiêu chí bắt buộc).',
    ]);
    expect(rated.evaluation.confirmed).toBe(false);
  });

  it("submits only the caller's own school's cycle (canSubmit says the same)", async () => {
    // School B's principal: A's cycle is outside its subtree.
    await refusal(submitCycle(db, adminB, { cycleId: cycleA.id, body: { comment: '' } }), 403);
    // A school account placed above the school (its subtree holds A) and the
    // department's administrator: both hold accreditation.submit, neither is A's own.
    const above = await scopeAt(db, ids.X01!, 'school_admin');
    const deptAdmin = await scopeAt(db, ids.SGD!, 'department_admin');
    for (const scope of [above, deptAdmin]) {
      const seen = await getCycle(db, scope, cycleA.id);
      expect(seen.canSubmit).toBe(false);
      expect(seen.canAssess).toBe(false);
      const notOwn = await refusal(
        submitCycle(db, scope, {
          cycleId: cycleA.id,
          body: { comment: '', version: seen.version },
        }),
        403,
      );
      expect(notOwn.detail).toContain('chính trường');
    }
    const own = await getCycle(db, adminA, cycleA.id);
    expect(own.canSubmit).toBe(true);
    expect(own.status).toBe('in_progress');
  });

  it('the principal submits; figures are frozen; nothing changes after', async () => {
    await refusal(submitCycle(db, teacherA, { cycleId: cycleA.id, body: { comment: '' } }), 403);
    await saveCriterionTextUseCase(db, teacherA, {
      cycleId: cycleA.id,
      text: {
        criterionCode: '3.2',
        description:
          'Nhà trường có đủ phòng học cho các lớp học hai buổi trong ngày, phòng học được trang bị bàn ghế đúng quy cách và đủ ánh sáng theo quy định [H3.3.02.01].',
        strengths: 'Phòng học kiên cố.',
        weaknesses: 'Thiếu phòng bộ môn.',
        improvementPlan: 'Tham mưu xây thêm hai phòng bộ môn trong năm học 2027-2028.',
        version: 0,
      },
    });
    const stale = await refusal(
      saveCriterionTextUseCase(db, teacherA, {
        cycleId: cycleA.id,
        text: {
          criterionCode: '3.2',
          description: 'x',
          strengths: '',
          weaknesses: '',
          improvementPlan: '',
          version: 0,
        },
      }),
      409,
    );
    expect(stale.detail).toContain('3.2');
    const submitted = await submitCycle(db, adminA, {
      cycleId: cycleA.id,
      body: { comment: 'Kính gửi Sở.' },
    });
    expect(submitted.status).toBe('submitted');
    expect(submitted.frozenData).toMatchObject({
      years: ['2024-2025', '2025-2026', '2026-2027'],
      classes: [{ school_year: '2026-2027', grade: 1, classes: 2, students: 0 }],
    });
    expect(submitted.liveFigures).toBeNull();
    await refusal(
      rateRequirement(db, teacherA, {
        cycleId: cycleA.id,
        rating: { requirementCode: '3.2.M2.a', met: true, justification: '[H3.3.02.01]' },
      }),
      409,
    );
    const progress = await getProgress(db, department, { campaignId, page: 1, pageSize: 100 });
    expect(progress.counts).toMatchObject({ submitted: 1, not_started: 2 });
    const onlySubmitted = await getProgress(db, department, {
      campaignId,
      status: 'submitted',
      page: 1,
      pageSize: 100,
    });
    expect(onlySubmitted.items.map((i) => i.school.code)).toEqual(['THA']);
    cycleA = submitted;
  });

  it('the reviewer returns it with a comment, the school resubmits, the reviewer accepts', async () => {
    await refusal(
      reviewCycle(db, department, {
        cycleId: cycleA.id,
        decision: 'return',
        body: { comment: ' ' },
      }),
      400,
    );
    await refusal(
      reviewCycle(db, adminA, { cycleId: cycleA.id, decision: 'accept', body: { comment: '' } }),
      403,
    );
    const returned = await reviewCycle(db, commune, {
      cycleId: cycleA.id,
      decision: 'return',
      body: { comment: 'Tiêu chí 3.2: bổ sung biên bản kiểm kê.', version: cycleA.version },
    });
    expect(returned.status).toBe('returned');
    expect(returned.events.at(-1)).toMatchObject({
      kind: 'returned',
      comment: 'Tiêu chí 3.2: bổ sung biên bản kiểm kê.',
    });
    const fixed = await rateRequirement(db, teacherA, {
      cycleId: cycleA.id,
      rating: { requirementCode: '3.2.M2.a', met: true, justification: 'Đã bổ sung [H3.3.02.01].' },
    });
    expect(fixed.evaluation.level).toBe(2);
    const again = await submitCycle(db, adminA, { cycleId: cycleA.id, body: { comment: '' } });
    // The external review team rates 3.2 lower than the school did: the difference is marked.
    const external = await rateExternal(db, department, {
      cycleId: cycleA.id,
      rating: { criterionCode: '3.2', level: 1, comment: 'Thiếu biên bản kiểm kê.' },
    });
    const c32 = external.standards[2]!.criteria.find((c) => c.code === '3.2')!;
    expect(c32).toMatchObject({
      level: 2,
      differs: true,
      external: { level: 1, comment: 'Thiếu biên bản kiểm kê.' },
    });
    expect(external.standards[0]!.criteria[0]!.differs).toBe(false);
    expect(external.externalEvaluation!.level).toBe(0);
    await refusal(
      rateExternal(db, adminA, {
        cycleId: cycleA.id,
        rating: { criterionCode: '3.2', level: 2, comment: '' },
      }),
      403,
    );
    await refusal(
      rateExternal(db, department, {
        cycleId: cycleA.id,
        rating: { criterionCode: '3.2', level: 5, comment: '' },
      }),
      400,
    );
    // A stale decision is refused.
    await refusal(
      reviewCycle(db, department, {
        cycleId: cycleA.id,
        decision: 'accept',
        body: { comment: '', version: 1 },
      }),
      409,
    );
    const accepted = await reviewCycle(db, department, {
      cycleId: cycleA.id,
      decision: 'accept',
      body: { comment: 'Đạt yêu cầu.', version: again.version },
    });
    expect(accepted.status).toBe('accepted');
    expect(accepted.canAssess).toBe(false);
  });

  it('the recognition decision updates the school profile through the registry', async () => {
    await refusal(
      recogniseSchool(db, commune, {
        cycleId: cycleA.id,
        body: { level: 2, decision: '1', decidedOn: '01/11/2026' },
      }),
      403,
    );
    const bad = await refusal(
      recogniseSchool(db, department, {
        cycleId: cycleA.id,
        body: { level: 7, decision: '', decidedOn: '31/02/2026' },
      }),
      400,
    );
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['decidedOn', 'decision', 'level']);
    const rec = await recogniseSchool(db, department, {
      cycleId: cycleA.id,
      body: { level: 2, decision: '1234/QĐ-SGDĐT', decidedOn: '20/11/2026' },
    });
    expect(rec).toMatchObject({
      accreditationLevel: 2,
      nationalStandardLevel: 2,
      validUntil: '2031-11-20',
    });
    const profile = await db
      .selectFrom('registry_school_year_v')
      .selectAll()
      .where('school_id', '=', ids.THA!)
      .where('school_year', '=', '2026-2027')
      .executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ accreditation_level: 2, national_standard_level: 2 });
    await refusal(
      recogniseSchool(db, department, {
        cycleId: cycleA.id,
        body: { level: 2, decision: 'x', decidedOn: '20/11/2026' },
      }),
      409,
    );
    // Listed as expiring within a year of 2031-01-01, not of 2026-12-01; not to another commune.
    expect((await listExpiring(db, department, '2031-01-01')).map((r) => r.school.code)).toEqual([
      'THA',
    ]);
    expect(await listExpiring(db, department, '2026-12-01')).toEqual([]);
    const otherCommune = await scopeAt(db, ids.X02!, 'office_staff');
    expect(await listExpiring(db, otherCommune, '2031-01-01')).toEqual([]);
    await refusal(listExpiring(db, adminA), 403);
  });
});

describe('the report', () => {
  it('DOCX read back: every criterion with its text, ratings and evidence codes; the evidence list', async () => {
    const report = await buildReport(db, commune, { cycleId: cycleA.id, format: 'docx' });
    expect(report.fileName).toBe('bao-cao-tu-danh-gia-THA.docx');
    const zip = await JSZip.loadAsync(report.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
    for (const part of [
      'Phần I. CƠ SỞ DỮ LIỆU',
      'Phần II. TỰ ĐÁNH GIÁ',
      'C. KẾT LUẬN',
      'Phần III. PHỤ LỤC',
    ])
      expect(text).toContain(part);
    for (const s of cycleA.standards)
      for (const c of s.criteria) expect(text).toContain(`Tiêu chí ${c.code}: ${c.name}`);
    expect(text).toContain('Nhà trường có đủ phòng học cho các lớp học hai buổi trong ngày');
    expect(text).toContain('Tham mưu xây thêm hai phòng bộ môn');
    expect(text).toContain('[H3.3.02.01]');
    expect(text).toContain('Biên bản kiểm tra phòng học');
    expect(text).toContain('Trường đạt Mức 2');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Xã Hoà Bình'.toUpperCase());
  });

  it('PDF read back with pdftotext', async () => {
    const report = await buildReport(db, adminA, { cycleId: cycleA.id, format: 'pdf' });
    const file = join(filesDir, 'report.pdf');
    writeFileSync(file, report.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('BÁO CÁO TỰ ĐÁNH GIÁ');
    expect(text).toContain('Tiêu chí 4.3');
    expect(text).toContain('[H3.3.02.01]');
    await refusal(buildReport(db, adminB, { cycleId: cycleA.id, format: 'pdf' }), 403);
  });
});

describe('against copying', () => {
  it("flags school B's file identical to A's and its paragraph copied from A's report", async () => {
    const cycleB = await openCycle(db, adminB, { campaignId, schoolId: ids.THB! });
    await addFileEvidence(db, adminB, {
      cycleId: cycleB.id,
      receive: upload(PDF, { title: 'Biên bản', criterionCode: '3.2' }, 'bb.pdf'),
    });
    await saveCriterionTextUseCase(db, adminB, {
      cycleId: cycleB.id,
      text: {
        criterionCode: '3.2',
        description:
          'Nhà trường có đủ phòng học cho các lớp học hai buổi trong ngày, phòng học được trang bị bàn ghế đúng quy cách và đủ ánh sáng theo quy định [H3.3.02.01].\nĐây là đoạn văn riêng của trường Nguyễn Du về phòng học bộ môn tin học mới xây năm ngoái.',
        strengths: '',
        weaknesses: '',
        improvementPlan: '',
        version: 0,
      },
    });
    const findings = await findCopies(db, department, cycleB.id);
    expect(findings.identicalFiles).toEqual([
      {
        code: '[H3.3.02.01]',
        title: 'Biên bản',
        otherSchool: { id: ids.THA, code: 'THA', name: 'Trường Tiểu học Kim Đồng' },
        otherCode: '[H3.3.02.01]',
      },
    ]);
    expect(findings.copiedParagraphs).toHaveLength(1);
    expect(findings.copiedParagraphs[0]).toMatchObject({
      criterionCode: '3.2',
      similarity: 1,
      otherSchool: { id: ids.THA, code: 'THA', name: 'Trường Tiểu học Kim Đồng' },
    });
    await refusal(findCopies(db, adminB, cycleB.id), 403);
  });
});
