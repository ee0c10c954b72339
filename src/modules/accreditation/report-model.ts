/**
 * The self-assessment report (báo cáo tự đánh giá) as blocks, in the
 * structure of CV 5932/BGDĐT-QLCL: Part I the school's data, Part II per
 * criterion (current state, strengths, weaknesses, improvement plan, level)
 * and the conclusion, Part III the evidence list. Rendered to DOCX and PDF.
 */
import { formatVietnameseDate, todayInVietnam } from '../../lib/dates.ts';
import type { CycleDetail } from './contract.ts';
import { COUNCIL_ROLE_LABELS } from './labels.ts';

export type Block =
  | { kind: 'title' | 'heading' | 'subheading' | 'paragraph' | 'label'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface ReportModel {
  unitAbove: string;
  school: string;
  place: string;
  blocks: Block[];
}

interface Frozen {
  years?: string[];
  classes?: {
    school_year: string;
    grade: number | null;
    classes: string;
    students: string | null;
  }[];
  staff?: { position: string; count: string }[];
  facilities?: { school_year: string; room_type: string; condition: string; room_count: number }[];
}

const n = (v: string | number | null | undefined) => Number(v ?? 0).toLocaleString('vi-VN');

export function reportModel(cycle: CycleDetail, unitAbove: string): ReportModel {
  const blocks: Block[] = [];
  const p = (text: string) => blocks.push({ kind: 'paragraph', text });
  blocks.push({ kind: 'title', text: 'BÁO CÁO TỰ ĐÁNH GIÁ' });
  p(`${cycle.school.name} — ${cycle.campaign.set.name}, năm học ${cycle.campaign.schoolYear}`);

  blocks.push({ kind: 'heading', text: 'Phần I. CƠ SỞ DỮ LIỆU' });
  blocks.push({
    kind: 'table',
    header: ['Thông tin', 'Giá trị'],
    rows: [
      ['Tên trường', cycle.school.name],
      ['Mã trường', cycle.school.code],
      ['Cơ quan quản lý trực tiếp', unitAbove],
    ],
  });
  const frozen = (cycle.frozenData ?? {}) as Frozen;
  if (!cycle.frozenData)
    p(
      'Số liệu của sogd được chốt khi trường nộp hồ sơ; bản này chưa nộp nên chưa có số liệu chốt.',
    );
  if (frozen.classes?.length) {
    blocks.push({ kind: 'subheading', text: 'Số lớp, số học sinh (theo năm học và khối)' });
    blocks.push({
      kind: 'table',
      header: ['Năm học', 'Khối', 'Số lớp', 'Số học sinh'],
      rows: frozen.classes.map((c) => [
        c.school_year,
        c.grade === null ? '—' : String(c.grade),
        n(c.classes),
        n(c.students),
      ]),
    });
  }
  if (frozen.staff?.length) {
    blocks.push({
      kind: 'subheading',
      text: 'Cán bộ quản lý, giáo viên, nhân viên (đang làm việc)',
    });
    blocks.push({
      kind: 'table',
      header: ['Vị trí', 'Số người'],
      rows: frozen.staff.map((s) => [s.position, n(s.count)]),
    });
  }
  if (frozen.facilities?.length) {
    blocks.push({ kind: 'subheading', text: 'Cơ sở vật chất' });
    blocks.push({
      kind: 'table',
      header: ['Năm học', 'Loại phòng', 'Tình trạng', 'Số phòng'],
      rows: frozen.facilities.map((f) => [
        f.school_year,
        f.room_type,
        f.condition,
        n(f.room_count),
      ]),
    });
  }

  blocks.push({ kind: 'heading', text: 'Phần II. TỰ ĐÁNH GIÁ' });
  blocks.push({ kind: 'subheading', text: 'A. ĐẶT VẤN ĐỀ' });
  p(
    `Nhà trường tự đánh giá theo ${cycle.campaign.set.legalBasis[0] ?? cycle.campaign.set.name}. Hội đồng tự đánh giá gồm ${cycle.members.length} thành viên.`,
  );
  if (cycle.members.length)
    blocks.push({
      kind: 'table',
      header: ['Họ và tên', 'Chức vụ', 'Nhiệm vụ', 'Tiêu chí phụ trách'],
      rows: cycle.members.map((m) => [
        m.fullName,
        m.position ?? '',
        COUNCIL_ROLE_LABELS[m.role].vi,
        m.criteria.join(', '),
      ]),
    });
  if (cycle.plan.length) {
    // The plan and its timetable (CV 5932/BGDĐT-QLCL Phần II: kế hoạch tự đánh giá).
    p('Kế hoạch tự đánh giá:');
    blocks.push({
      kind: 'table',
      header: ['TT', 'Công việc', 'Người phụ trách', 'Thời gian', 'Tình trạng'],
      rows: cycle.plan.map((t, i) => [
        String(i + 1),
        t.title,
        t.member ? `${t.member.fullName} (${COUNCIL_ROLE_LABELS[t.member.role].vi})` : '',
        `${formatVietnameseDate(t.startsOn)} – ${formatVietnameseDate(t.dueOn)}`,
        t.doneAt ? 'Đã hoàn thành' : t.overdue ? 'Quá hạn' : 'Đang thực hiện',
      ]),
    });
  }
  blocks.push({ kind: 'subheading', text: 'B. TỰ ĐÁNH GIÁ THEO CÁC TIÊU CHUẨN, TIÊU CHÍ' });
  for (const s of cycle.standards) {
    blocks.push({ kind: 'heading', text: `Tiêu chuẩn ${s.code}: ${s.name}` });
    for (const c of s.criteria) {
      blocks.push({ kind: 'subheading', text: `Tiêu chí ${c.code}: ${c.name}` });
      blocks.push({
        kind: 'table',
        header: ['Yêu cầu', 'Kết quả', 'Lý giải, minh chứng'],
        rows: c.requirements.map((r) => [
          `Mức ${r.level} ${r.letter})`,
          r.met === null ? 'Chưa đánh giá' : r.met ? 'Đạt' : 'Không đạt',
          [r.justification, r.evidence.map((e) => e.code).join(' ')].filter(Boolean).join(' — '),
        ]),
      });
      const sections: [string, string][] = [
        ['1. Mô tả hiện trạng', c.text.description],
        ['2. Điểm mạnh', c.text.strengths],
        ['3. Điểm yếu', c.text.weaknesses],
        ['4. Kế hoạch cải tiến chất lượng', c.text.improvementPlan],
      ];
      for (const [label, body] of sections) {
        blocks.push({ kind: 'label', text: label });
        for (const line of (body || '(chưa viết)').split(/\n+/)) p(line);
      }
      blocks.push({ kind: 'label', text: '5. Tự đánh giá' });
      p(c.level === 0 ? 'Chưa đạt Mức 1.' : `Đạt Mức ${c.level}.`);
    }
  }
  levelFourSection(cycle, blocks);
  blocks.push({ kind: 'subheading', text: 'C. KẾT LUẬN' });
  const criteria = cycle.standards.flatMap((s) => s.criteria);
  const top = Math.max(1, ...criteria.flatMap((c) => c.requirements.map((r) => r.level)));
  for (let level = 1; level <= top; level++)
    p(
      `Số tiêu chí đạt Mức ${level} trở lên: ${criteria.filter((c) => c.level >= level).length}/${criteria.length}.`,
    );
  const four = cycle.levelFour;
  if (four && four.version > 0)
    p(
      `Số tiêu chí Mức ${four.level} (danh sách riêng) đạt: ${four.criteria.filter((c) => c.met === true).length}/${four.criteria.length}.`,
    );
  // The level is the one computed with Mức 4 (rules.ts evaluateWithLevelFour).
  p(
    cycle.evaluation.level === 0
      ? 'Trường chưa đạt Mức 1.'
      : `Trường đạt Mức ${cycle.evaluation.level} (theo ${cycle.evaluation.articles[cycle.evaluation.level - 1] ?? 'quy tắc của bộ tiêu chuẩn'}).`,
  );
  for (const reason of cycle.evaluation.reasons) p(reason);
  if (!cycle.evaluation.confirmed)
    p(
      'Lưu ý: quy tắc tính mức của trường (ngưỡng các mức, Mức 4) chưa được đối chiếu đầy đủ với văn bản gốc.',
    );

  blocks.push({ kind: 'heading', text: 'Phần III. PHỤ LỤC: DANH MỤC MINH CHỨNG' });
  blocks.push({
    kind: 'table',
    header: [
      'TT',
      'Mã minh chứng',
      'Tên minh chứng',
      'Số, ngày ban hành',
      'Nơi ban hành',
      'Dùng cho tiêu chí',
    ],
    rows: cycle.evidence.map((e, i) => [
      String(i + 1),
      e.code,
      e.title,
      e.issuedOn ? formatVietnameseDate(e.issuedOn) : '',
      e.issuer ?? '',
      e.citedBy.join(', '),
    ]),
  });
  // The analysis sheets written (phiếu xác định nội hàm, CV 5932/BGDĐT-QLCL Phụ lục 2).
  const analysed = cycle.standards
    .flatMap((s) => s.criteria)
    .filter((c) => c.requirements.some((r) => r.analysis.version > 0));
  if (analysed.length) {
    blocks.push({ kind: 'heading', text: 'PHỤ LỤC: PHIẾU XÁC ĐỊNH NỘI HÀM' });
    for (const c of analysed) {
      blocks.push({ kind: 'subheading', text: `Tiêu chí ${c.code}: ${c.name}` });
      blocks.push({
        kind: 'table',
        header: [
          'Yêu cầu',
          'Nội hàm',
          'Câu hỏi đặt ra',
          'Minh chứng cần thu thập',
          'Nơi thu thập',
          'Người thu thập',
        ],
        rows: c.requirements.map((r) => [
          `Mức ${r.level} ${r.letter}) ${r.text}`,
          r.analysis.meaning,
          r.analysis.questions,
          [r.analysis.evidenceNeeded, r.analysis.evidence.map((e) => e.code).join(', ')]
            .filter(Boolean)
            .join('\n'),
          r.analysis.sources,
          r.analysis.collector?.fullName ?? '',
        ]),
      });
    }
  }
  return { unitAbove, school: cycle.school.name, place: '', blocks };
}

/**
 * Mức 4 (TT 17/18/19-2018: a separate list of criteria for a school at Mức
 * 3; its wording, count and rule are not confirmed, levelFour.note): the
 * list as the department entered it, with the school's rating and its
 * justification and evidence codes. Placed after the criteria of Mức 1–3,
 * before the conclusion — CV 5932's template is believed to have a part
 * "Tự đánh giá tiêu chí Mức 4" there (background knowledge, not checked).
 */
function levelFourSection(cycle: CycleDetail, blocks: Block[]): void {
  const four = cycle.levelFour;
  if (!four) return;
  const p = (text: string) => blocks.push({ kind: 'paragraph', text });
  blocks.push({
    kind: 'heading',
    text: `Tự đánh giá tiêu chí Mức ${four.level} (danh sách riêng)`,
  });
  if (!four.confirmed) p(`Lưu ý (chưa đối chiếu văn bản gốc): ${four.note}`);
  p(`Căn cứ: ${four.article}.`);
  if (four.version === 0) {
    p(
      `Sở chưa nhập nội dung các tiêu chí Mức ${four.level} từ văn bản gốc: trường chưa đánh giá được.`,
    );
    return;
  }
  p(
    `Nội dung các tiêu chí do Sở nhập theo: ${four.source ?? ''} (phiên bản ${four.version}${four.updatedAt ? `, ${formatVietnameseDate(todayInVietnam(new Date(four.updatedAt)))}` : ''}).`,
  );
  if (!four.open)
    p(
      `Trường chưa đạt Mức ${four.level - 1} theo đánh giá hiện tại nên chưa đánh giá các tiêu chí Mức ${four.level}.`,
    );
  blocks.push({
    kind: 'table',
    header: ['Tiêu chí', 'Nội dung', 'Kết quả', 'Lý giải, minh chứng'],
    rows: four.criteria.map((c) => [
      c.code,
      c.text ?? '',
      c.met === null ? 'Chưa đánh giá' : c.met ? 'Đạt' : 'Không đạt',
      [c.justification, c.evidence.map((e) => e.code).join(' ')].filter(Boolean).join(' — '),
    ]),
  });
}
