import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../core/access/scope.ts';
import { AppError } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, scopeAt, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { addLinkEvidence } from './add-link-evidence.ts';
import { buildReport } from './build-report.ts';
import type { CycleDetail, EvidenceItem } from './contract.ts';
import { createCampaign } from './create-campaign.ts';
import { getCycle } from './get-cycle.ts';
import {
  getLevelFour,
  importLevelFour,
  listLevelFourVersions,
  rateLevelFour,
} from './level-four.ts';
import { openCycle } from './open-cycle.ts';
import { rateExternal, rateExternalLevelFour } from './rate-external.ts';
import { submitCycle } from './submit-cycle.ts';
import { saveRating } from './repo.ts';

// Mức 4 of TT 17/2018 (primary): the set ships placeholders; the department
// enters the list; a school at Mức 3 rates it and reaches Mức 4 when all are met.
let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let department: Scope;
let adminA: Scope;
let teacherA: Scope;
let adminB: Scope;
let cycleA: CycleDetail;
let link: EvidenceItem;

async function refusal(work: Promise<unknown>, status: number): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  return error as AppError;
}

const LIST = [
  '1. Tiêu chí Mức 4 thứ nhất (nội dung nhập thử, không phải văn bản gốc).',
  '2) Tiêu chí Mức 4 thứ hai (nhập thử).',
  '3\tTiêu chí Mức 4 thứ ba (nhập thử).',
].join('\n');

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  department = await scopeAt(db, ids.SGD!, 'department_staff');
  adminA = await scopeAt(db, ids.THA!, 'school_admin');
  teacherA = await scopeAt(db, ids.THA!, 'teacher');
  adminB = await scopeAt(db, ids.THB!, 'school_admin');
  const campaign = await createCampaign(db, department, {
    name: 'Tự đánh giá tiểu học 2025-2026',
    setId: 'tt17-2018',
    schoolYear: '2025-2026',
  });
  cycleA = await openCycle(db, adminA, { campaignId: campaign.id, schoolId: ids.THA! });
  link = await addLinkEvidence(db, teacherA, {
    cycleId: cycleA.id,
    evidence: {
      title: 'Quyết định công nhận lần trước',
      criterionCode: '1.1',
      url: 'https://example.edu.vn/qd.pdf',
    },
  });
});

afterAll(async () => {
  await close();
  rmSync(tmp, { recursive: true, force: true });
});

const tmp = mkdtempSync(join(tmpdir(), 'sogd-level-four-'));

/** The report's text, read back from the DOCX (word/document.xml) or the PDF (pdftotext). */
async function reportText(scope: Scope, format: 'docx' | 'pdf'): Promise<string> {
  const report = await buildReport(db, scope, { cycleId: cycleA.id, format });
  if (format === 'docx') {
    const xml = await (
      await JSZip.loadAsync(report.bytes)
    )
      .file('word/document.xml')!
      .async('string');
    return xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
  }
  const file = join(tmp, 'report.pdf');
  writeFileSync(file, report.bytes);
  // Without -layout: table cells wrap, so compare with spaces collapsed.
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the Mức 4 list of a set', () => {
  it('ships placeholders without text, unconfirmed; the school cannot rate them yet', async () => {
    const four = await getLevelFour(db, adminA, 'tt17-2018');
    expect(four.version).toBe(0);
    expect(four.confirmed).toBe(false);
    expect(four.criteria.length).toBeGreaterThan(0);
    expect(four.criteria.every((c) => c.text === null)).toBe(true);
    const early = await refusal(
      rateLevelFour(db, teacherA, {
        cycleId: cycleA.id,
        rating: { code: 'M4.1', met: false, justification: 'Chưa đạt.' },
      }),
      409,
    );
    expect(early.detail).toContain('Sở chưa nhập nội dung');
    await refusal(getLevelFour(db, department, 'tt57-2026'), 400);
  });

  it('the department imports it; bad lines are named and nothing is written; a stale import is refused', async () => {
    await refusal(
      importLevelFour(db, adminA, {
        setId: 'tt17-2018',
        body: { source: 'TT 17/2018', lines: LIST, version: 0 },
      }),
      403,
    );
    const bad = await refusal(
      importLevelFour(db, department, {
        setId: 'tt17-2018',
        body: { source: 'TT 17/2018', lines: '1. Một\n3. Ba\n\n4.', version: 0 },
      }),
      400,
    );
    expect(bad.errors.map((e) => e.message)).toEqual([
      'Dòng 2: số thứ tự 3, cần 2 (các tiêu chí đánh số liên tiếp từ 1).',
      'Dòng 4: số thứ tự 4, cần 3 (các tiêu chí đánh số liên tiếp từ 1).',
      'Dòng 4: thiếu nội dung tiêu chí sau số thứ tự.',
    ]);
    const noSource = await refusal(
      importLevelFour(db, department, {
        setId: 'tt17-2018',
        body: { source: ' ', lines: LIST, version: 0 },
      }),
      400,
    );
    expect(noSource.errors[0]!.path).toBe('source');
    expect((await getLevelFour(db, department, 'tt17-2018')).version).toBe(0);

    const four = await importLevelFour(db, department, {
      setId: 'tt17-2018',
      body: { source: 'Thông tư 17/2018/TT-BGDĐT (nhập thử)', lines: LIST, version: 0 },
    });
    expect(four.version).toBe(1);
    expect(four.criteria).toEqual([
      {
        code: 'M4.1',
        text: 'Tiêu chí Mức 4 thứ nhất (nội dung nhập thử, không phải văn bản gốc).',
      },
      { code: 'M4.2', text: 'Tiêu chí Mức 4 thứ hai (nhập thử).' },
      { code: 'M4.3', text: 'Tiêu chí Mức 4 thứ ba (nhập thử).' },
    ]);
    expect(four.updatedBy).toContain(department.user.username);
    const stale = await refusal(
      importLevelFour(db, department, {
        setId: 'tt17-2018',
        body: { source: 'TT 17/2018', lines: '1. Khác', version: 0 },
      }),
      409,
    );
    expect(stale.detail).toContain('Danh sách tiêu chí Mức 4 (phiên bản 1 do');
    expect((await getLevelFour(db, adminB, 'tt17-2018')).criteria).toHaveLength(3);
  });

  it('keeps every version: who saved it, when, the source, and the list as it was', async () => {
    const second = LIST.replace('thứ hai (nhập thử)', 'thứ hai, sửa lại (nhập thử)');
    const four = await importLevelFour(db, department, {
      setId: 'tt17-2018',
      body: { source: 'Thông tư 17/2018/TT-BGDĐT, bản sửa (nhập thử)', lines: second, version: 1 },
    });
    expect(four.version).toBe(2);
    // A refused import leaves no version behind.
    await refusal(
      importLevelFour(db, department, {
        setId: 'tt17-2018',
        body: { source: 'x', lines: '2. Sai số', version: 2 },
      }),
      400,
    );
    const versions = await listLevelFourVersions(db, adminB, 'tt17-2018');
    expect(versions.map((v) => [v.version, v.source])).toEqual([
      [2, 'Thông tư 17/2018/TT-BGDĐT, bản sửa (nhập thử)'],
      [1, 'Thông tư 17/2018/TT-BGDĐT (nhập thử)'],
    ]);
    expect(versions[1]!.criteria[1]).toEqual({
      code: 'M4.2',
      text: 'Tiêu chí Mức 4 thứ hai (nhập thử).',
    });
    expect(versions[0]!.criteria[1]!.text).toBe('Tiêu chí Mức 4 thứ hai, sửa lại (nhập thử).');
    expect(versions[0]!.savedBy).toContain(department.user.username);
    expect(Date.parse(versions[0]!.savedAt)).toBeGreaterThanOrEqual(
      Date.parse(versions[1]!.savedAt),
    );
    expect(await listLevelFourVersions(db, department, 'tt18-2018')).toEqual([]);
    await refusal(listLevelFourVersions(db, department, 'tt57-2026'), 400);
    await refusal(listLevelFourVersions(db, department, 'khong-co'), 404);
  });
});

describe("a school's Mức 4", () => {
  it('is closed below Mức 3', async () => {
    const c = await getCycle(db, teacherA, cycleA.id);
    expect(c.levelFour!.open).toBe(false);
    expect(c.evaluation.level).toBe(0);
    const closed = await refusal(
      rateLevelFour(db, teacherA, {
        cycleId: cycleA.id,
        rating: { code: 'M4.1', met: true, justification: `Có ${link.code}.` },
      }),
      409,
    );
    expect(closed.detail).toContain('chưa đạt Mức 3');
  });

  it('at Mức 3 the school rates each criterion citing evidence; Mức 4 when all are met', async () => {
    // Every requirement of the set met (set up through the repository: 81 ratings).
    await writeTransaction(db, teacherA.actor, async (tx) => {
      for (const s of cycleA.standards)
        for (const c of s.criteria)
          for (const r of c.requirements)
            await saveRating(
              tx,
              {
                cycle_id: cycleA.id,
                requirement_code: r.code,
                met: true,
                justification: `Đạt ${link.code}.`,
                updated_by: teacherA.actor.name,
              },
              [link.id],
            );
    });
    const atThree = await getCycle(db, teacherA, cycleA.id);
    expect(atThree.evaluation.level).toBe(3);
    expect(atThree.levelFour!.open).toBe(true);
    expect(atThree.evaluation.reasons).toEqual([
      'Chưa đạt Mức 4 vì tiêu chí Mức 4 M4.1, M4.2, M4.3 chưa đạt.',
    ]);

    const noEvidence = await refusal(
      rateLevelFour(db, teacherA, {
        cycleId: cycleA.id,
        rating: { code: 'M4.1', met: true, justification: 'Đạt.' },
      }),
      400,
    );
    expect(noEvidence.errors[0]!.path).toBe('justification');
    const unknown = await refusal(
      rateLevelFour(db, teacherA, {
        cycleId: cycleA.id,
        rating: { code: 'M4.9', met: true, justification: `Có ${link.code}.` },
      }),
      400,
    );
    expect(unknown.errors[0]!.path).toBe('code');
    await refusal(
      rateLevelFour(db, adminB, {
        cycleId: cycleA.id,
        rating: { code: 'M4.1', met: true, justification: `Có ${link.code}.` },
      }),
      403,
    );

    let c = atThree;
    for (const code of ['M4.1', 'M4.2'])
      c = await rateLevelFour(db, teacherA, {
        cycleId: cycleA.id,
        rating: { code, met: true, justification: `Đạt, xem ${link.code}.` },
      });
    c = await rateLevelFour(db, teacherA, {
      cycleId: cycleA.id,
      rating: { code: 'M4.3', met: false, justification: 'Chưa đạt: chưa có hồ sơ.' },
    });
    expect(c.evaluation.level).toBe(3);
    expect(c.evaluation.reasons).toEqual(['Chưa đạt Mức 4 vì tiêu chí Mức 4 M4.3 chưa đạt.']);
    c = await rateLevelFour(db, teacherA, {
      cycleId: cycleA.id,
      rating: { code: 'M4.3', met: true, justification: `Đạt ${link.code}.` },
    });
    expect(c.evaluation.level).toBe(4);
    expect(c.evaluation.reasons).toEqual([]);
    expect(c.evaluation.confirmed).toBe(false);
    const m41 = c.levelFour!.criteria.find((x) => x.code === 'M4.1')!;
    expect(m41).toMatchObject({ met: true, evidence: [{ id: link.id, code: link.code }] });
    expect(c.evidence.find((e) => e.id === link.id)!.citedBy).toContain('M4.1');
  });
});

describe('Mức 4 in the report', () => {
  it('the DOCX lists the Mức 4 criteria with the rating and evidence; one not met: Mức 3 with the reason', async () => {
    await rateLevelFour(db, teacherA, {
      cycleId: cycleA.id,
      rating: { code: 'M4.2', met: false, justification: 'Chưa đạt: còn thiếu hồ sơ bồi dưỡng.' },
    });
    const text = await reportText(teacherA, 'docx');
    expect(text).toContain('Tự đánh giá tiêu chí Mức 4 (danh sách riêng)');
    expect(text).toContain('chưa đối chiếu văn bản gốc');
    expect(text).toContain('Thông tư 17/2018/TT-BGDĐT, bản sửa (nhập thử) (phiên bản 2');
    expect(text).toContain('Tiêu chí Mức 4 thứ hai, sửa lại (nhập thử).');
    expect(text).toContain(`Đạt, xem ${link.code}. — ${link.code}`);
    expect(text).toContain('Chưa đạt: còn thiếu hồ sơ bồi dưỡng.');
    expect(text).toContain('Số tiêu chí Mức 4 (danh sách riêng) đạt: 2/3.');
    expect(text).toContain('Trường đạt Mức 3 (');
    expect(text).toContain('Chưa đạt Mức 4 vì tiêu chí Mức 4 M4.2 chưa đạt.');
    expect(text).not.toContain('Trường đạt Mức 4');
  });

  it('all met: the PDF and the DOCX conclude Mức 4', async () => {
    await rateLevelFour(db, teacherA, {
      cycleId: cycleA.id,
      rating: { code: 'M4.2', met: true, justification: `Đạt ${link.code}.` },
    });
    const pdf = await reportText(adminA, 'pdf');
    expect(pdf).toContain('Tự đánh giá tiêu chí Mức 4 (danh sách riêng)');
    expect(pdf).toContain('M4.3');
    expect(pdf).toContain('Số tiêu chí Mức 4 (danh sách riêng) đạt: 3/3.');
    expect(pdf).toContain('Trường đạt Mức 4 (theo Thông tư 17/2018/TT-BGDĐT, điều quy định');
    expect(pdf).toContain('chưa được đối chiếu đầy đủ với văn bản gốc');
    const docx = await reportText(adminA, 'docx');
    expect(docx).toContain('Số tiêu chí Mức 4 (danh sách riêng) đạt: 3/3.');
    expect(docx).toContain('Trường đạt Mức 4 (');
    expect(docx).not.toContain('Chưa đạt Mức 4 vì');
  });
});

describe("the external team's Mức 4", () => {
  const rate = (code: string, met: boolean, scope: Scope = department) =>
    rateExternalLevelFour(db, scope, {
      cycleId: cycleA.id,
      rating: { code, met, comment: met ? '' : 'Chưa thấy minh chứng.' },
    });

  it('is recorded only on a submitted cycle, by a reviewer, for a code of the list', async () => {
    const early = await refusal(rate('M4.1', true), 409);
    expect(early.detail).toContain('đã nộp');
    const c = await getCycle(db, adminA, cycleA.id);
    await submitCycle(db, adminA, {
      cycleId: cycleA.id,
      body: { comment: '', version: c.version },
    });
    await refusal(rate('M4.1', true, adminA), 403);
    const unknown = await refusal(rate('M4.9', true), 400);
    expect(unknown.errors[0]!.path).toBe('code');
  });

  it('Mức 3 by its criterion levels and every Mức 4 criterion met: Mức 4; one not met: Mức 3', async () => {
    // Mức 4 ratings before the team's criterion levels reach Mức 3 do not count.
    let c = await rate('M4.1', true);
    expect(c.externalEvaluation!.level).toBe(0);
    for (const s of cycleA.standards)
      for (const cr of s.criteria)
        c = await rateExternal(db, department, {
          cycleId: cycleA.id,
          rating: { criterionCode: cr.code, level: 3, comment: '' },
        });
    expect(c.externalEvaluation!.level).toBe(3);
    expect(c.externalEvaluation!.reasons).toEqual([
      'Chưa đạt Mức 4 vì tiêu chí Mức 4 M4.2, M4.3 chưa đạt.',
    ]);
    c = await rate('M4.2', true);
    c = await rate('M4.3', false);
    expect(c.externalEvaluation!.level).toBe(3);
    expect(c.externalEvaluation!.reasons).toEqual([
      'Chưa đạt Mức 4 vì tiêu chí Mức 4 M4.3 chưa đạt.',
    ]);
    const m43 = c.levelFour!.criteria.find((x) => x.code === 'M4.3')!;
    expect(m43.external).toMatchObject({ met: false, comment: 'Chưa thấy minh chứng.' });
    expect(m43.differs).toBe(true);
    expect(c.levelFour!.criteria.find((x) => x.code === 'M4.1')!.differs).toBe(false);
    // The school's own level is unchanged by the team's ratings.
    expect(c.evaluation.level).toBe(4);
    c = await rate('M4.3', true);
    expect(c.externalEvaluation!.level).toBe(4);
    expect(c.externalEvaluation!.reasons).toEqual([]);
    expect(c.externalEvaluation!.confirmed).toBe(false);
    expect(c.levelFour!.criteria.every((x) => !x.differs)).toBe(true);
    // Another school's account cannot read it.
    await refusal(getCycle(db, adminB, cycleA.id), 403);
  });
});
