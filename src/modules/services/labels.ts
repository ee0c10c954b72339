/**
 * The names of the public services' values, in vi and en. Plain data (no
 * zod): the server, the command line and the web read these tables.
 */

export const APPLICATION_STATUSES = [
  'received',
  'additions',
  'handling',
  'approval',
  'done',
  'refused',
] as const;
export type ApplicationStatusName = (typeof APPLICATION_STATUSES)[number];

export const STATUS_LABELS: {
  vi: Record<ApplicationStatusName, string>;
  en: Record<ApplicationStatusName, string>;
} = {
  vi: {
    received: 'Đã tiếp nhận, chờ kiểm tra',
    additions: 'Chờ bổ sung hồ sơ (tạm dừng tính thời hạn)',
    handling: 'Đang giải quyết tại phòng chuyên môn',
    approval: 'Chờ lãnh đạo phê duyệt',
    done: 'Đã có kết quả',
    refused: 'Từ chối giải quyết',
  },
  en: {
    received: 'Received, awaiting the check',
    additions: 'Awaiting additions (deadline clock stopped)',
    handling: 'Being handled by the division',
    approval: 'Awaiting the leader’s approval',
    done: 'Result issued',
    refused: 'Refused',
  },
};

/** What the one-stop clerk, the division and the leader may do, in the order of the process. */
export const ACTIONS = [
  'request_additions',
  'additions_received',
  'hand_over',
  'submit',
  'approve',
  'return',
  'refuse',
] as const;
export type ApplicationAction = (typeof ACTIONS)[number];

export const ACTION_LABELS: {
  vi: Record<ApplicationAction, string>;
  en: Record<ApplicationAction, string>;
} = {
  vi: {
    request_additions: 'Yêu cầu bổ sung hồ sơ',
    additions_received: 'Đã nhận hồ sơ bổ sung',
    hand_over: 'Chuyển phòng chuyên môn',
    submit: 'Trình lãnh đạo',
    approve: 'Phê duyệt, trả kết quả',
    return: 'Trả lại phòng chuyên môn',
    refuse: 'Từ chối giải quyết',
  },
  en: {
    request_additions: 'Ask for additions',
    additions_received: 'Additions received',
    hand_over: 'Hand over to the division',
    submit: 'Submit to the leader',
    approve: 'Approve and issue the result',
    return: 'Return to the division',
    refuse: 'Refuse',
  },
};

/** Upload limits, documented in docs/services.md: PDF, JPEG or PNG, up to 10 MB, 10 files. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const UPLOAD_MAX_FILES = 10;
export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** A one-time code lives 10 minutes and allows 5 tries. */
export const OTP_MINUTES = 10;
export const OTP_TRIES = 5;

/** "Due soon": due today or on the next working day. */
export const DUE_SOON_WORKING_DAYS = 1;
