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
