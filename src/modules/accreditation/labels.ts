/**
 * The accreditation module's value names in vi and en (plain data: the web
 * imports it without zod).
 */

export type CycleStatus = 'not_started' | 'in_progress' | 'submitted' | 'returned' | 'accepted';
export type CouncilRole = 'chair' | 'vice_chair' | 'secretary' | 'member';
export type SetConfidence = 'confirmed' | 'partly_confirmed' | 'unconfirmed';

type Labels<T extends string> = Record<T, { vi: string; en: string }>;

export const CYCLE_STATUS_LABELS: Labels<CycleStatus> = {
  not_started: { vi: 'Chưa bắt đầu', en: 'Not started' },
  in_progress: { vi: 'Đang tự đánh giá', en: 'In progress' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  returned: { vi: 'Trả lại để hoàn thiện', en: 'Returned' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
};

export const COUNCIL_ROLE_LABELS: Labels<CouncilRole> = {
  chair: { vi: 'Chủ tịch hội đồng', en: 'Chair' },
  vice_chair: { vi: 'Phó Chủ tịch', en: 'Vice chair' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
  member: { vi: 'Ủy viên', en: 'Member' },
};

export const CONFIDENCE_LABELS: Labels<SetConfidence> = {
  confirmed: { vi: 'Đã đối chiếu văn bản gốc', en: 'Checked against the official text' },
  partly_confirmed: { vi: 'Đối chiếu một phần', en: 'Partly checked' },
  unconfirmed: { vi: 'Chưa xác nhận', en: 'Unconfirmed' },
};

/**
 * The steps of the self-assessment process (quy trình tự đánh giá), in order:
 * TT 17/2018 and TT 18/2018/TT-BGDĐT, Chương III Mục 1 (the article number is
 * not checked against the official text: docs/accreditation.md) and CV
 * 5932/BGDĐT-QLCL Phần II — set up the council, write the plan, collect and
 * analyse evidence (the "phiếu xác định nội hàm"), rate each criterion, write
 * the report, publish it, carry out the improvement plan afterwards.
 */
export type PlanStep =
  'council' | 'plan' | 'evidence' | 'analysis' | 'rating' | 'report' | 'publish' | 'improve';

export const PLAN_STEP_LABELS: Labels<PlanStep> = {
  council: { vi: 'Thành lập hội đồng tự đánh giá', en: 'Set up the council' },
  plan: { vi: 'Lập kế hoạch tự đánh giá', en: 'Write the plan' },
  evidence: { vi: 'Thu thập, xử lý minh chứng', en: 'Collect and process evidence' },
  analysis: { vi: 'Phân tích nội hàm tiêu chí', en: "Analyse the criterion's content" },
  rating: { vi: 'Đánh giá mức đạt của tiêu chí', en: 'Rate the criterion' },
  report: { vi: 'Viết báo cáo tự đánh giá', en: 'Write the report' },
  publish: { vi: 'Công bố báo cáo tự đánh giá', en: 'Publish the report' },
  improve: { vi: 'Triển khai kế hoạch cải tiến', en: 'Carry out the improvements' },
};
