/**
 * The council's work on a cycle (issue #18): the plan and its timetable, the
 * report text's comments and versions, publication, the evidence quota.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../core/access/scope.ts';
import { AppError } from '../../core/errors.ts';
import { createFileStore } from '../../core/files/store.ts';
import type { Db } from '../../db/connection.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, scopeAt, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { addMember } from './add-member.ts';
import type { CycleDetail } from './contract.ts';
import { createCampaign } from './create-campaign.ts';
import { getCycle } from './get-cycle.ts';
import { openCycle } from './open-cycle.ts';
import { addPlanTask, markPlanTask, removePlanTask } from './plan.ts';
import { addFileEvidence } from './add-file-evidence.ts';
import { addLinkEvidence } from './add-link-evidence.ts';
import { buildReport } from './build-report.ts';
import { listPublicResults, publishResult, withdrawResult } from './publish.ts';
import { rateRequirement } from './rate-requirement.ts';
import { reportModel } from './report-model.ts';
import { saveAnalysisUseCase } from './save-analysis.ts';
import { saveCriterionTextUseCase } from './save-criterion-text.ts';
import { addComment, listTextVersions, resolveThread } from './text-comments.ts';

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let department: Scope;
let adminA: Scope;
let teacherA: Scope;
let adminB: Scope;
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

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  department = await scopeAt(db, ids.SGD!, 'department_staff');
  adminA = await scopeAt(db, ids.THA!, 'school_admin');
  teacherA = await scopeAt(db, ids.THA!, 'teacher');
  adminB = await scopeAt(db, ids.THB!, 'school_admin');
  const campaign = await createCampaign(db, department, {
    name: 'Tự đánh giá 2026-2027',
    setId: 'tt57-2026',
    schoolYear: '2026-2027',
  });
  cycleA = await openCycle(db, adminA, { campaignId: campaign.id, schoolId: ids.THA! });
  cycleA = await addMember(db, adminA, {
    cycleId: cycleA.id,
    member: { fullName: 'Trần Văn Bình', role: 'chair', criteria: ['1.1'] },
  });
  cycleA = await addMember(db, adminA, {
    cycleId: cycleA.id,
    member: { fullName: 'Lê Thị Hoa', role: 'secretary', criteria: ['3.2'] },
  });
});

afterAll(async () => {
  await close();
});

describe('the self-assessment plan and its timetable', () => {
  it('the principal adds tasks per criterion given to council members, sorted by date', async () => {
    const hoa = cycleA.members.find((m) => m.fullName === 'Lê Thị Hoa')!;
    const binh = cycleA.members.find((m) => m.fullName === 'Trần Văn Bình')!;
    await addPlanTask(db, adminA, {
      cycleId: cycleA.id,
      task: {
        step: 'analysis',
        criterionCode: '3.2',
        memberId: hoa.id,
        startsOn: '10/11/2026',
        dueOn: '20/11/2026',
      },
    });
    const plan = await addPlanTask(db, adminA, {
      cycleId: cycleA.id,
      task: {
        step: 'council',
        title: 'Quyết định thành lập hội đồng',
        memberId: binh.id,
        startsOn: '2026-10-01',
        dueOn: '05/10/2026',
      },
    });
    expect(plan.plan.map((t) => [t.step, t.criterionCode, t.member?.fullName])).toEqual([
      ['council', null, 'Trần Văn Bình'],
      ['analysis', '3.2', 'Lê Thị Hoa'],
    ]);
    expect(plan.plan[1]!.title).toBe('Phân tích nội hàm tiêu chí — tiêu chí 3.2');
    expect(plan.plan[0]).toMatchObject({ startsOn: '2026-10-01', dueOn: '2026-10-05' });
    expect(plan.canPlan).toBe(true);
    // Past due and not done: overdue (the dates are before today's test run).
    expect(plan.plan[0]!.overdue).toBe('2026-10-05' < todayInVietnam());
    cycleA = plan;
  });

  it('refuses a bad task naming each field, and changes nothing', async () => {
    const bad = await refusal(
      addPlanTask(db, adminA, {
        cycleId: cycleA.id,
        task: {
          step: 'rating',
          criterionCode: '9.9',
          memberId: '01900000-0000-7000-8000-000000000999',
          startsOn: '31/02/2027',
          dueOn: '1/1/2027',
        },
      }),
      400,
    );
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['criterionCode', 'memberId', 'startsOn']);
    expect(bad.errors.find((e) => e.path === 'startsOn')!.message).toContain('31/02/2027');
    const backwards = await refusal(
      addPlanTask(db, adminA, {
        cycleId: cycleA.id,
        task: { step: 'report', startsOn: '10/12/2026', dueOn: '01/12/2026' },
      }),
      400,
    );
    expect(backwards.errors).toEqual([
      { path: 'dueOn', message: 'Hạn hoàn thành không được trước ngày bắt đầu.' },
    ]);
    expect((await getCycle(db, adminA, cycleA.id)).plan).toHaveLength(2);
  });

  it('only the school principal plans; a council member marks a task done, another school may not', async () => {
    await refusal(
      addPlanTask(db, teacherA, {
        cycleId: cycleA.id,
        task: { step: 'report', startsOn: '01/12/2026', dueOn: '10/12/2026' },
      }),
      403,
    );
    await refusal(
      addPlanTask(db, adminB, {
        cycleId: cycleA.id,
        task: { step: 'report', startsOn: '01/12/2026', dueOn: '10/12/2026' },
      }),
      403,
    );
    const task = cycleA.plan[1]!;
    await refusal(
      markPlanTask(db, adminB, { cycleId: cycleA.id, taskId: task.id, done: true }),
      403,
    );
    const done = await markPlanTask(db, teacherA, {
      cycleId: cycleA.id,
      taskId: task.id,
      done: true,
    });
    const marked = done.plan.find((t) => t.id === task.id)!;
    expect(marked.doneAt).not.toBeNull();
    expect(marked.doneBy).toBe(teacherA.actor.name);
    expect(marked.overdue).toBe(false);
    await refusal(
      markPlanTask(db, teacherA, {
        cycleId: cycleA.id,
        taskId: '01900000-0000-7000-8000-000000000998',
        done: true,
      }),
      404,
    );
    cycleA = done;
  });

  it('the plan is in the report, with the member in charge and the dates dd/mm/yyyy', () => {
    const model = reportModel(cycleA, 'Phòng Giáo dục');
    const table = model.blocks.find(
      (b) => b.kind === 'table' && b.header.includes('Người phụ trách'),
    );
    expect(table).toMatchObject({
      rows: [
        [
          '1',
          'Quyết định thành lập hội đồng',
          'Trần Văn Bình (Chủ tịch hội đồng)',
          '01/10/2026 – 05/10/2026',
          expect.stringMatching(/Quá hạn|Đang thực hiện/),
        ],
        [
          '2',
          'Phân tích nội hàm tiêu chí — tiêu chí 3.2',
          'Lê Thị Hoa (Thư ký)',
          '10/11/2026 – 20/11/2026',
          'Đã hoàn thành',
        ],
      ],
    });
  });

  it('the principal removes a task', async () => {
    const after = await removePlanTask(db, adminA, {
      cycleId: cycleA.id,
      taskId: cycleA.plan[0]!.id,
    });
    expect(after.plan.map((t) => t.step)).toEqual(['analysis']);
    await refusal(
      removePlanTask(db, adminA, { cycleId: cycleA.id, taskId: cycleA.plan[0]!.id }),
      404,
    );
    cycleA = after;
  });
});

const text = (description: string, version: number) => ({
  criterionCode: '1.1',
  description,
  strengths: 'Có kế hoạch chiến lược.',
  weaknesses: '',
  improvementPlan: '',
  version,
});

describe("a criterion's text: versions and the council's comments", () => {
  it('each save is kept as a version with who saved it; earlier ones can be read', async () => {
    await saveCriterionTextUseCase(db, teacherA, {
      cycleId: cycleA.id,
      text: text('Bản đầu của giáo viên.', 0),
    });
    const second = await saveCriterionTextUseCase(db, adminA, {
      cycleId: cycleA.id,
      text: text('Bản thứ hai của hiệu trưởng.', 1),
    });
    expect(second.standards[0]!.criteria.find((c) => c.code === '1.1')!.text.version).toBe(2);
    const versions = await listTextVersions(db, teacherA, {
      cycleId: cycleA.id,
      criterionCode: '1.1',
    });
    expect(versions.map((v) => [v.version, v.description, v.savedBy])).toEqual([
      [2, 'Bản thứ hai của hiệu trưởng.', adminA.actor.name],
      [1, 'Bản đầu của giáo viên.', teacherA.actor.name],
    ]);
    expect(versions[1]!.strengths).toBe('Có kế hoạch chiến lược.');
    // Another school's account reads none of it; an unknown criterion is a 404.
    await refusal(listTextVersions(db, adminB, { cycleId: cycleA.id, criterionCode: '1.1' }), 403);
    await refusal(listTextVersions(db, adminA, { cycleId: cycleA.id, criterionCode: '9.9' }), 404);
    cycleA = second;
  });

  it('a concurrent save from a stale form is refused, naming who saved the newer version; nothing is lost', async () => {
    // The teacher's form was loaded at version 1; the principal saved version 2 since.
    const stale = await refusal(
      saveCriterionTextUseCase(db, teacherA, {
        cycleId: cycleA.id,
        text: text('Bản sửa của giáo viên từ phiên bản cũ.', 1),
      }),
      409,
    );
    expect(stale.detail).toContain('Báo cáo tiêu chí 1.1 (phiên bản 2 do');
    expect(stale.detail).toContain(adminA.actor.name);
    expect(stale.detail).toContain('bạn mở phiên bản 1, hiện là phiên bản 2');
    const now = await getCycle(db, teacherA, cycleA.id);
    expect(now.standards[0]!.criteria.find((c) => c.code === '1.1')!.text.description).toBe(
      'Bản thứ hai của hiệu trưởng.',
    );
    expect(
      await listTextVersions(db, teacherA, { cycleId: cycleA.id, criterionCode: '1.1' }),
    ).toHaveLength(2);
    // Two saves at once from the same version: one wins, the other is refused.
    const results = await Promise.allSettled([
      saveCriterionTextUseCase(db, teacherA, { cycleId: cycleA.id, text: text('Song song A.', 2) }),
      saveCriterionTextUseCase(db, adminA, { cycleId: cycleA.id, text: text('Song song B.', 2) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected')!;
    expect((refused.reason as AppError).status).toBe(409);
    const versions = await listTextVersions(db, teacherA, {
      cycleId: cycleA.id,
      criterionCode: '1.1',
    });
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    cycleA = await getCycle(db, adminA, cycleA.id);
  });

  it('council members open comment threads, reply, resolve and reopen them', async () => {
    let c = await addComment(db, adminA, {
      cycleId: cycleA.id,
      comment: { criterionCode: '1.1', body: 'Cần dẫn mã minh chứng cho kế hoạch chiến lược.' },
    });
    const thread = c.comments[0]!;
    expect(thread).toMatchObject({
      criterionCode: '1.1',
      parentId: null,
      textVersion: 3,
      author: adminA.actor.name,
      resolvedAt: null,
    });
    expect(c.canComment).toBe(true);
    c = await addComment(db, teacherA, {
      cycleId: cycleA.id,
      comment: { criterionCode: '1.1', body: 'Đã bổ sung [H1.1.01.01].', parentId: thread.id },
    });
    c = await resolveThread(db, teacherA, {
      cycleId: cycleA.id,
      commentId: thread.id,
      resolved: true,
    });
    expect(c.comments.find((x) => x.id === thread.id)).toMatchObject({
      resolvedBy: teacherA.actor.name,
    });
    // A reply reopens a resolved thread.
    c = await addComment(db, adminA, {
      cycleId: cycleA.id,
      comment: { criterionCode: '1.1', body: 'Mã chưa đúng định dạng.', parentId: thread.id },
    });
    expect(c.comments.find((x) => x.id === thread.id)!.resolvedAt).toBeNull();
    expect(c.comments.map((x) => x.parentId)).toEqual([null, thread.id, thread.id]);
    const reply = c.comments[1]!;
    // A reply is not a thread; a reply to a reply, another criterion's thread, empty text: refused.
    await refusal(
      resolveThread(db, adminA, { cycleId: cycleA.id, commentId: reply.id, resolved: true }),
      400,
    );
    const bad = await refusal(
      addComment(db, adminA, {
        cycleId: cycleA.id,
        comment: { criterionCode: '3.2', body: '   ', parentId: thread.id },
      }),
      400,
    );
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['body', 'parentId']);
    expect(bad.errors.find((e) => e.path === 'parentId')!.message).toContain('tiêu chí 1.1');
    await refusal(
      addComment(db, adminB, {
        cycleId: cycleA.id,
        comment: { criterionCode: '1.1', body: 'Trường khác góp ý.' },
      }),
      403,
    );
    await refusal(
      resolveThread(db, adminA, {
        cycleId: cycleA.id,
        commentId: '01900000-0000-7000-8000-000000000997',
        resolved: true,
      }),
      404,
    );
    expect((await getCycle(db, adminA, cycleA.id)).comments).toHaveLength(3);
    cycleA = c;
  });

  it('a reviewer reads the comments but does not write them', async () => {
    const seen = await getCycle(db, department, cycleA.id);
    expect(seen.comments).toHaveLength(3);
    expect(seen.canComment).toBe(false);
    await refusal(
      addComment(db, department, {
        cycleId: cycleA.id,
        comment: { criterionCode: '1.1', body: 'Sở góp ý.' },
      }),
      403,
    );
  });
});

describe('the criterion analysis sheet (phiếu xác định nội hàm)', () => {
  const row = (version: number, meaning = 'Trường có chiến lược được công khai.') => ({
    requirementCode: '1.1.M1.a',
    meaning,
    questions: 'Chiến lược đã được phê duyệt chưa?',
    evidenceNeeded: 'Quyết định phê duyệt chiến lược.',
    sources: 'Văn phòng trường',
    evidenceIds: [] as string[],
    collectorMemberId: null as string | null,
    version,
  });

  it("a council member writes a requirement's row; a stale form and an unknown requirement are refused", async () => {
    const c = await saveAnalysisUseCase(db, teacherA, { cycleId: cycleA.id, analysis: row(0) });
    const r = c.standards[0]!.criteria[0]!.requirements.find((x) => x.code === '1.1.M1.a')!;
    expect(r.analysis).toMatchObject({
      meaning: 'Trường có chiến lược được công khai.',
      questions: 'Chiến lược đã được phê duyệt chưa?',
      evidenceNeeded: 'Quyết định phê duyệt chiến lược.',
      sources: 'Văn phòng trường',
      evidence: [],
      collector: null,
      version: 1,
    });
    expect(r.analysis.updatedBy).toContain(teacherA.user.username);
    const stale = await refusal(
      saveAnalysisUseCase(db, adminA, { cycleId: cycleA.id, analysis: row(0, 'Khác.') }),
      409,
    );
    expect(stale.detail).toContain('Phiếu nội hàm yêu cầu 1.1.M1.a (phiên bản 1 do');
    const unknown = await refusal(
      saveAnalysisUseCase(db, teacherA, {
        cycleId: cycleA.id,
        analysis: { ...row(0), requirementCode: '9.9.M1.a' },
      }),
      400,
    );
    expect(unknown.errors[0]!.path).toBe('requirementCode');
    await refusal(
      saveAnalysisUseCase(db, teacherA, {
        cycleId: cycleA.id,
        analysis: { ...row(1), meaning: ' ', questions: '', evidenceNeeded: '', sources: '' },
      }),
      400,
    );
    await refusal(saveAnalysisUseCase(db, adminB, { cycleId: cycleA.id, analysis: row(1) }), 403);
    cycleA = c;
  });

  it('links evidence of the cycle and names the council member who collects it', async () => {
    const link = await addLinkEvidence(db, teacherA, {
      cycleId: cycleA.id,
      evidence: {
        title: 'Chiến lược phát triển nhà trường 2025–2030',
        criterionCode: '1.1',
        url: 'https://example.edu.vn/chien-luoc.pdf',
      },
    });
    const member = cycleA.members[0]!;
    const saved = await saveAnalysisUseCase(db, teacherA, {
      cycleId: cycleA.id,
      analysis: { ...row(1), evidenceIds: [link.id], collectorMemberId: member.id },
    });
    const r = saved.standards[0]!.criteria[0]!.requirements.find((x) => x.code === '1.1.M1.a')!;
    expect(r.analysis.evidence).toEqual([{ id: link.id, code: link.code }]);
    expect(r.analysis.collector).toEqual({ id: member.id, fullName: member.fullName });
    expect(r.analysis.version).toBe(2);
    // Evidence not in the cycle, a collector not of its council: refused, nothing written.
    const foreign = await refusal(
      saveAnalysisUseCase(db, teacherA, {
        cycleId: cycleA.id,
        analysis: { ...row(2), evidenceIds: [link.id, '01930000-0000-7000-8000-000000000000'] },
      }),
      400,
    );
    expect(foreign.errors[0]!.path).toBe('evidenceIds');
    const stranger = await refusal(
      saveAnalysisUseCase(db, teacherA, {
        cycleId: cycleA.id,
        analysis: { ...row(2), collectorMemberId: '01930000-0000-7000-8000-000000000001' },
      }),
      400,
    );
    expect(stranger.errors[0]!.path).toBe('collectorMemberId');
    const after = await getCycle(db, teacherA, cycleA.id);
    const again = after.standards[0]!.criteria[0]!.requirements.find((x) => x.code === '1.1.M1.a')!;
    expect(again.analysis.version).toBe(2);
    expect(again.analysis.evidence).toHaveLength(1);
    // Unlinking: saving with no evidence removes the link, the evidence stays in the list.
    const unlinked = await saveAnalysisUseCase(db, teacherA, {
      cycleId: cycleA.id,
      analysis: { ...row(2), collectorMemberId: member.id },
    });
    const u = unlinked.standards[0]!.criteria[0]!.requirements.find((x) => x.code === '1.1.M1.a')!;
    expect(u.analysis.evidence).toEqual([]);
    expect(unlinked.evidence.some((e) => e.id === link.id)).toBe(true);
    cycleA = unlinked;
  });

  it('the report carries the sheet with the requirement text, read back from the DOCX', async () => {
    const report = await buildReport(db, adminA, { cycleId: cycleA.id, format: 'docx' });
    const xml = await (
      await JSZip.loadAsync(report.bytes)
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('PHIẾU XÁC ĐỊNH NỘI HÀM');
    expect(xml).toContain('Trường có chiến lược được công khai.');
    expect(xml).toContain('Quyết định phê duyệt chiến lược.');
    // The plan is in Part II A too.
    expect(xml).toContain('Người phụ trách');
    expect(xml).toContain('Lê Thị Hoa (Thư ký)');
  });
});

describe('publishing the result', () => {
  it('is refused until every criterion is rated, and only for the school principal', async () => {
    const early = await refusal(
      publishResult(db, adminA, { cycleId: cycleA.id, body: { note: '' } }),
      400,
    );
    expect(early.detail).toContain('tiêu chí chưa đánh giá');
    await refusal(publishResult(db, teacherA, { cycleId: cycleA.id, body: { note: '' } }), 403);
    await refusal(publishResult(db, adminB, { cycleId: cycleA.id, body: { note: '' } }), 403);
    expect(await listPublicResults(db, { schoolCode: 'THA' })).toEqual([]);
  });

  it('publishes the level and every criterion level, frozen; anyone reads it by the school code', async () => {
    const link = await addLinkEvidence(db, teacherA, {
      cycleId: cycleA.id,
      evidence: { title: 'Chiến lược', criterionCode: '1.1', url: 'https://truong.example.vn/cl' },
    });
    let c = cycleA;
    for (const cr of c.standards.flatMap((s) => s.criteria))
      for (const r of cr.requirements)
        c = await rateRequirement(db, teacherA, {
          cycleId: cycleA.id,
          rating:
            r.code === '1.1.M1.a'
              ? { requirementCode: r.code, met: true, justification: `Có ${link.code}.` }
              : { requirementCode: r.code, met: false, justification: 'Chưa đạt.' },
        });
    c = await publishResult(db, adminA, {
      cycleId: cycleA.id,
      body: { note: 'Niêm yết tại bảng tin và trang thông tin điện tử của trường.' },
    });
    expect(c.publication).toMatchObject({ outdated: false, publishedBy: adminA.actor.name });
    expect(c.publication!.summary.criteria.find((x) => x.code === '1.1')!.level).toBe(1);
    const published = await listPublicResults(db, { schoolCode: 'THA' });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      school: { code: 'THA' },
      note: 'Niêm yết tại bảng tin và trang thông tin điện tử của trường.',
      recognition: null,
      summary: { level: 0, schoolYear: '2026-2027' },
    });
    expect(published[0]!.summary.reasons[0]).toContain('Chưa đạt Mức 1');
    expect(published[0]!.summary.criteria).toHaveLength(
      c.standards.flatMap((s) => s.criteria).length,
    );
    // Another school's code shows nothing of A's.
    expect(await listPublicResults(db, { schoolCode: 'THB' })).toEqual([]);

    // A rating changes: the published result stays as published, marked outdated.
    c = await rateRequirement(db, teacherA, {
      cycleId: cycleA.id,
      rating: { requirementCode: '1.1.M1.a', met: false, justification: 'Xem lại.' },
    });
    expect(c.publication!.outdated).toBe(true);
    expect(
      (await listPublicResults(db, { schoolCode: 'THA' }))[0]!.summary.criteria.find(
        (x) => x.code === '1.1',
      )!.level,
    ).toBe(1);
    // Publishing again replaces it (one active publication).
    c = await publishResult(db, adminA, { cycleId: cycleA.id, body: { note: '' } });
    expect(c.publication!.outdated).toBe(false);
    const again = await listPublicResults(db, { schoolCode: 'THA' });
    expect(again).toHaveLength(1);
    expect(again[0]!.summary.criteria.find((x) => x.code === '1.1')!.level).toBe(0);
    cycleA = c;
  });

  it('the principal withdraws it; the public no longer sees it', async () => {
    const c = await withdrawResult(db, adminA, cycleA.id);
    expect(c.publication).toBeNull();
    expect(await listPublicResults(db, { schoolCode: 'THA' })).toEqual([]);
    await refusal(withdrawResult(db, adminA, cycleA.id), 409);
  });
});

describe("the school's evidence quota", () => {
  const dir = mkdtempSync(join(tmpdir(), 'sogd-accreditation-quota-'));
  const files = createFileStore(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const upload = (bytes: Buffer, criterionCode: string) => async () => ({
    ...(await files.put(bytes, { maxBytes: 1024 })),
    fileName: 'minh-chung.pdf',
    fields: { title: 'Biên bản', criterionCode },
  });
  const first = Buffer.alloc(600, 'a');
  const second = Buffer.alloc(500, 'b');

  it('counts each file once: the same file cited again takes no more room', async () => {
    const c = await getCycle(db, adminA, cycleA.id);
    // Publication withdrawn, the cycle is in progress: evidence may be added.
    expect(c.status).toBe('in_progress');
    await addFileEvidence(db, teacherA, {
      cycleId: cycleA.id,
      receive: upload(first, '1.1'),
      quotaBytes: 1000,
    });
    const again = await addFileEvidence(db, teacherA, {
      cycleId: cycleA.id,
      receive: upload(first, '3.2'),
      quotaBytes: 1000,
    });
    expect(again.criterionCode).toBe('3.2');
  });

  it('refuses an upload beyond the quota, saying the usage, and records nothing', async () => {
    const before = (await getCycle(db, adminA, cycleA.id)).evidence.length;
    const over = await refusal(
      addFileEvidence(db, teacherA, {
        cycleId: cycleA.id,
        receive: upload(second, '1.1'),
        quotaBytes: 1000,
      }),
      413,
    );
    expect(over.detail).toBe(
      'Trường đã dùng 600 byte trên 1.000 byte dung lượng minh chứng; tệp này (500 byte) sẽ vượt hạn mức. Chưa lưu gì: hãy thay tệp lớn bằng đường dẫn hoặc bỏ bớt minh chứng không dùng.',
    );
    expect((await getCycle(db, adminA, cycleA.id)).evidence).toHaveLength(before);
    // Once the quota is used up, refused before the file is even received.
    let received = false;
    const full = await refusal(
      addFileEvidence(db, teacherA, {
        cycleId: cycleA.id,
        receive: async () => {
          received = true;
          return upload(second, '1.1')();
        },
        quotaBytes: 600,
      }),
      413,
    );
    expect(received).toBe(false);
    expect(full.detail).toContain('Trường đã dùng hết 600 byte trên 600 byte');
  });
});
