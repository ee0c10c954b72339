import { createContext, useContext } from 'react';
import type { Kind, Level, Ownership, Role } from '../../../src/modules/orgs/contract.ts';
import {
  KIND_NAMES,
  LEVEL_NAMES,
  OWNERSHIP_NAMES,
  ROLE_NAMES,
} from '../../../src/modules/orgs/labels.ts';

/** UI text: Vietnamese first, English beside it. */
const vi = {
  appName: 'Sở GD&ĐT — Nền tảng số',
  signIn: 'Đăng nhập',
  signOut: 'Đăng xuất',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  changePassword: 'Đổi mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  confirmPassword: 'Nhập lại mật khẩu mới',
  mustChange: 'Đây là lần đăng nhập đầu tiên: hãy đặt mật khẩu của riêng bạn (ít nhất 10 ký tự).',
  passwordsDiffer: 'Hai mật khẩu không giống nhau.',
  passwordHint:
    'Ít nhất 10 ký tự và khó đoán: ghép 3–4 từ ít gặp (có thể thêm dấu gạch, chữ số); không dùng tên, ngày sinh hay dãy như 123456.',
  saved: 'Đã lưu.',
  orgTree: 'Cây đơn vị',
  users: 'Tài khoản',
  audit: 'Nhật ký',
  search: 'Tìm kiếm',
  searchUnits: 'Tìm đơn vị theo tên hoặc mã (không cần dấu)',
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại đơn vị',
  levels: 'Cấp học',
  ownership: 'Loại hình',
  address: 'Địa chỉ',
  status: 'Trạng thái',
  active: 'Đang hoạt động',
  inactive: 'Ngừng hoạt động',
  children: 'Đơn vị cấp dưới',
  classes: 'Lớp',
  students: 'Học sinh',
  staff: 'Cán bộ, giáo viên',
  history: 'Lịch sử',
  details: 'Thông tin',
  edit: 'Sửa',
  save: 'Lưu',
  cancel: 'Huỷ',
  create: 'Thêm',
  addChild: 'Thêm đơn vị cấp dưới',
  move: 'Chuyển',
  moveTo: 'Chuyển sang đơn vị cấp trên',
  merge: 'Sáp nhập',
  mergeInto: 'Sáp nhập vào đơn vị',
  mergeConfirm:
    'Các đơn vị cấp dưới, tài khoản và dữ liệu (lớp, học sinh, cán bộ) sẽ chuyển sang đơn vị nhận; đơn vị này ngừng hoạt động. Tiếp tục?',
  deactivate: 'Ngừng hoạt động',
  reactivate: 'Hoạt động lại',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  male: 'Nam',
  female: 'Nữ',
  role: 'Vai trò',
  unit: 'Đơn vị',
  email: 'Thư điện tử',
  newUser: 'Tạo tài khoản',
  resetPassword: 'Cấp lại mật khẩu',
  temporaryPassword: 'Mật khẩu tạm (chỉ hiện một lần)',
  temporaryHint: 'Gửi mật khẩu này cho người dùng; họ phải đổi mật khẩu ở lần đăng nhập đầu.',
  copy: 'Sao chép',
  when: 'Thời gian',
  actor: 'Người thực hiện',
  action: 'Thao tác',
  object: 'Đối tượng',
  ip: 'Địa chỉ IP',
  before: 'Trước',
  after: 'Sau',
  from: 'Từ ngày',
  to: 'Đến ngày',
  forbidden: 'Không có quyền truy cập',
  forbiddenDetail: 'Bạn không có quyền xem trang này.',
  notFound: 'Không tìm thấy',
  error: 'Lỗi',
  notFoundDetail: 'Trang hoặc đối tượng bạn tìm không tồn tại.',
  loading: 'Đang tải…',
  home: 'Trang chính',
  schoolYear: 'Năm học',
  sessions: 'Số buổi/ngày',
  total: 'Tổng',
  jobs: 'Công việc nền',
  jobsIntro:
    'Những việc chạy lâu hoặc theo lịch (dọn dữ liệu, nhắc hạn, báo cáo, xuất tệp) do máy chủ làm ở chế độ nền; máy chủ khởi động lại thì việc đang chờ vẫn còn.',
  jobKind: 'Loại việc',
  jobState: 'Trạng thái',
  jobProgress: 'Tiến độ',
  jobCreated: 'Tạo lúc',
  jobStarted: 'Bắt đầu',
  jobFinished: 'Kết thúc',
  jobRunAt: 'Chạy lúc',
  jobBy: 'Người/đơn vị yêu cầu',
  jobSystem: 'Hệ thống (theo lịch)',
  jobError: 'Lỗi',
  jobResult: 'Kết quả',
  jobAttempts: 'Số lần chạy',
  jobCancel: 'Huỷ việc',
  jobCancelConfirm: 'Huỷ công việc này? Việc đang chạy sẽ được yêu cầu dừng.',
  jobCancelled: 'Đã huỷ công việc.',
  jobRunNow: 'Chạy ngay',
  jobStarted2: 'Đã đưa công việc vào hàng đợi.',
  jobAllStates: 'Mọi trạng thái',
  jobNone: 'Chưa có công việc nào.',
  jobState_created: 'Đang chờ',
  jobState_retry: 'Chờ chạy lại',
  jobState_active: 'Đang chạy',
  jobState_completed: 'Hoàn thành',
  jobState_cancelled: 'Đã huỷ',
  jobState_failed: 'Thất bại',
  'jobKind_orgs.expired-sessions': 'Dọn phiên đăng nhập hết hạn',
  'jobKind_office.deadline-reminders': 'Nhắc hạn xử lý văn bản',
  'jobKind_office.sign-prepare-cleanup': 'Dọn bản chuẩn bị ký số đã dùng hoặc hết hạn',
  'jobKind_services.deadline-reminders': 'Nhắc hạn hồ sơ dịch vụ công',
  'jobKind_admissions.confirmation-deadline': 'Hết hạn xác nhận nhập học lớp 10',
  'jobKind_registry.export-students': 'Xuất danh sách học sinh',
  'jobKind_indicators.refresh-summary': 'Tổng hợp lại số liệu chỉ tiêu',
  'jobKind_indicators.report-reminders': 'Nhắc hạn nộp báo cáo thống kê',
  jobResult_deletedSessions: 'Phiên đã xoá',
  jobResult_rows: 'Số dòng',
  jobDownload: 'Tải tệp về',
  jobResult_deletedProgressRows: 'Bản ghi tiến độ đã xoá',
  jobResult_deletedPrepares: 'Bản chuẩn bị ký đã xoá',
  staleTitle: 'Bản ghi đã được người khác sửa sau khi bạn mở.',
  staleHint:
    'Chưa lưu gì. Hãy tải lại để xem bản mới nhất rồi sửa lại (những gì bạn vừa nhập sẽ được thay bằng bản mới).',
  reload: 'Tải lại',
  language: 'English',
  importChanges: 'Thay đổi sẽ ghi đè',
  importChangesHint:
    'Mỗi dòng cập nhật một học sinh đã có: kiểm tra giá trị cũ và mới trước khi nhập.',
  importChangesMore: 'Chỉ liệt kê {shown} trên {total} dòng cập nhật.',
  importRow: 'Dòng',
  importStudent: 'Học sinh',
  importField: 'Cột',
  importEmpty: '(trống)',
  importChangesDownload: 'Tải tệp đánh dấu thay đổi',
} as const;

export type Messages = { [K in keyof typeof vi]: string };

const en: Messages = {
  appName: 'Department of Education — digital platform',
  signIn: 'Sign in',
  signOut: 'Sign out',
  username: 'User name',
  password: 'Password',
  changePassword: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Repeat the new password',
  mustChange: 'First sign-in: set a password of your own (at least 10 characters).',
  passwordsDiffer: 'The two passwords differ.',
  passwordHint:
    'At least 10 characters and hard to guess: join 3–4 uncommon words (dashes and digits welcome); no names, birth dates or runs like 123456.',
  saved: 'Saved.',
  orgTree: 'Org tree',
  users: 'Accounts',
  audit: 'Audit log',
  search: 'Search',
  searchUnits: 'Find a unit by name or code (diacritics optional)',
  code: 'Code',
  name: 'Name',
  kind: 'Kind',
  levels: 'Levels',
  ownership: 'Ownership',
  address: 'Address',
  status: 'Status',
  active: 'Active',
  inactive: 'Inactive',
  children: 'Sub-units',
  classes: 'Classes',
  students: 'Students',
  staff: 'Staff',
  history: 'History',
  details: 'Details',
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  create: 'Add',
  addChild: 'Add a sub-unit',
  move: 'Move',
  moveTo: 'Move under',
  merge: 'Merge',
  mergeInto: 'Merge into',
  mergeConfirm:
    'Sub-units, accounts and data (classes, students, staff) move to the receiving unit; this unit becomes inactive. Continue?',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  fullName: 'Full name',
  birthDate: 'Date of birth',
  gender: 'Gender',
  male: 'Male',
  female: 'Female',
  role: 'Role',
  unit: 'Unit',
  email: 'E-mail',
  newUser: 'New account',
  resetPassword: 'Reset password',
  temporaryPassword: 'Temporary password (shown once)',
  temporaryHint: 'Give this password to the user; they must change it at first sign-in.',
  copy: 'Copy',
  when: 'When',
  actor: 'By',
  action: 'Action',
  object: 'Object',
  ip: 'IP address',
  before: 'Before',
  after: 'After',
  from: 'From',
  to: 'To',
  forbidden: 'Access denied',
  forbiddenDetail: 'You may not see this page.',
  notFound: 'Not found',
  error: 'Error',
  notFoundDetail: 'The page or item does not exist.',
  loading: 'Loading…',
  home: 'Home',
  schoolYear: 'School year',
  sessions: 'Sessions/day',
  total: 'Total',
  jobs: 'Background jobs',
  jobsIntro:
    'Long or scheduled work (clean-ups, deadline reminders, reports, exports) runs on the server in the background; jobs waiting survive a server restart.',
  jobKind: 'Kind',
  jobState: 'State',
  jobProgress: 'Progress',
  jobCreated: 'Created',
  jobStarted: 'Started',
  jobFinished: 'Finished',
  jobRunAt: 'Runs at',
  jobBy: 'Requested by',
  jobSystem: 'System (schedule)',
  jobError: 'Error',
  jobResult: 'Result',
  jobAttempts: 'Runs',
  jobCancel: 'Cancel job',
  jobCancelConfirm: 'Cancel this job? A running job is asked to stop.',
  jobCancelled: 'Job cancelled.',
  jobRunNow: 'Run now',
  jobStarted2: 'Job queued.',
  jobAllStates: 'All states',
  jobNone: 'No jobs yet.',
  jobState_created: 'Waiting',
  jobState_retry: 'Waiting to retry',
  jobState_active: 'Running',
  jobState_completed: 'Completed',
  jobState_cancelled: 'Cancelled',
  jobState_failed: 'Failed',
  'jobKind_orgs.expired-sessions': 'Remove expired sign-in sessions',
  'jobKind_office.deadline-reminders': 'Document handling deadline reminders',
  'jobKind_office.sign-prepare-cleanup': 'Remove used or expired signing preparations',
  'jobKind_services.deadline-reminders': 'Public service application deadline reminders',
  'jobKind_admissions.confirmation-deadline': 'Grade-10 enrolment confirmation deadline',
  'jobKind_registry.export-students': 'Student list export',
  'jobKind_indicators.refresh-summary': 'Indicator summary refresh',
  'jobKind_indicators.report-reminders': 'Statistical report deadline reminders',
  jobResult_deletedSessions: 'Sessions removed',
  jobResult_rows: 'Rows',
  jobDownload: 'Download the file',
  jobResult_deletedProgressRows: 'Progress rows removed',
  jobResult_deletedPrepares: 'Signing preparations removed',
  staleTitle: 'Someone else changed this record after you opened it.',
  staleHint:
    'Nothing was saved. Reload to see the latest version, then make your change again (what you typed will be replaced by the latest version).',
  reload: 'Reload',
  language: 'Tiếng Việt',
  importChanges: 'Changes that will overwrite',
  importChangesHint:
    'Each of these rows updates a known student: check the old and new values before importing.',
  importChangesMore: 'Only {shown} of {total} updated rows are listed.',
  importRow: 'Row',
  importStudent: 'Student',
  importField: 'Column',
  importEmpty: '(empty)',
  importChangesDownload: 'Download the file with the changes marked',
};

export type Lang = 'vi' | 'en';
export const catalogues: Record<Lang, Messages> = { vi, en };

// One table for the server and the pages: src/modules/orgs/labels.ts.
export const ROLE_LABELS: Record<Lang, Record<Role, string>> = ROLE_NAMES;
export const KIND_LABELS: Record<Lang, Record<Kind, string>> = KIND_NAMES;
export const LEVEL_LABELS: Record<Lang, Record<Level, string>> = LEVEL_NAMES;
export const OWNERSHIP_LABELS: Record<Lang, Record<Ownership, string>> = OWNERSHIP_NAMES;

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}
export const I18nContext = createContext<I18n>({ lang: 'vi', t: vi, setLang: () => {} });
export const useI18n = (): I18n => useContext(I18nContext);

/**
 * The page's language outside React (form validators, fetch helpers): the
 * choice App keeps in localStorage, Vietnamese when none was made.
 */
export function activeLang(): Lang {
  return typeof localStorage !== 'undefined' && localStorage.getItem('sogd.lang') === 'en'
    ? 'en'
    : 'vi';
}

const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/**
 * dd/mm/yyyy, or dd/mm/yyyy HH:mm, in Asia/Ho_Chi_Minh whatever the browser's
 * zone (vi-VN alone would put the time first: "10:30:00 02/12/2026").
 */
export function formatDate(iso: string, withTime = false): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const p = Object.fromEntries(
    dateTimeFormat.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  const date = `${p.day}/${p.month}/${p.year}`;
  return withTime ? `${date} ${p.hour === '24' ? '00' : p.hour}:${p.minute}` : date;
}

/**
 * A module's own messages, kept beside its pages (web/src/modules/<name>/messages.ts)
 * so that modules do not all edit this file. Both languages have the same
 * keys: an English text missing is a type error.
 */
export interface ModuleMessages<K extends string> {
  vi: Record<K, string>;
  en: Record<K, string>;
}
export function defineMessages<K extends string>(
  vi: Record<K, string>,
  en: Record<NoInfer<K>, string>,
): ModuleMessages<K> {
  return { vi, en };
}
/** The module's messages in the page's language. */
export function useMessages<K extends string>(messages: ModuleMessages<K>): Record<K, string> {
  return messages[useI18n().lang];
}

/**
 * A message with its blanks filled: fill('Có {n} học sinh', { n: 116 }) → "Có 116 học sinh".
 * Numbers are written as the page's language writes them (1.234 / 1,234).
 */
export function fill(template: string, values: Record<string, string | number>, lang: Lang = 'vi') {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = values[key];
    if (v === undefined) return whole;
    return typeof v === 'number' ? v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') : v;
  });
}
