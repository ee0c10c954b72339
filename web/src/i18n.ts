import { createContext, useContext } from 'react';

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
  notFoundDetail: 'Trang hoặc đối tượng bạn tìm không tồn tại.',
  loading: 'Đang tải…',
  home: 'Trang chính',
  schoolYear: 'Năm học',
  sessions: 'Số buổi/ngày',
  total: 'Tổng',
  language: 'English',
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
  notFoundDetail: 'The page or item does not exist.',
  loading: 'Loading…',
  home: 'Home',
  schoolYear: 'School year',
  sessions: 'Sessions/day',
  total: 'Total',
  language: 'Tiếng Việt',
};

export type Lang = 'vi' | 'en';
export const catalogues: Record<Lang, Messages> = { vi, en };

export const ROLE_LABELS: Record<Lang, Record<string, string>> = {
  vi: {
    department_admin: 'Quản trị Sở',
    department_staff: 'Chuyên viên Sở',
    office_staff: 'Cán bộ cấp xã/Phòng',
    school_admin: 'Quản trị trường',
    school_staff: 'Văn thư/nhân viên trường',
    teacher: 'Giáo viên',
    auditor: 'Thanh tra (chỉ xem)',
  },
  en: {
    department_admin: 'Department admin',
    department_staff: 'Department staff',
    office_staff: 'Commune/office staff',
    school_admin: 'School admin',
    school_staff: 'School clerk',
    teacher: 'Teacher',
    auditor: 'Auditor (read-only)',
  },
};
export const KIND_LABELS: Record<Lang, Record<string, string>> = {
  vi: {
    department: 'Sở',
    office: 'Phòng',
    commune: 'Xã/Phường',
    school: 'Trường',
    centre: 'Trung tâm',
    other: 'Khác',
  },
  en: {
    department: 'Department',
    office: 'Office',
    commune: 'Commune/ward',
    school: 'School',
    centre: 'Centre',
    other: 'Other',
  },
};
export const LEVEL_LABELS: Record<Lang, Record<string, string>> = {
  vi: {
    preschool: 'Mầm non',
    primary: 'Tiểu học',
    lower_secondary: 'THCS',
    upper_secondary: 'THPT',
  },
  en: {
    preschool: 'Preschool',
    primary: 'Primary',
    lower_secondary: 'Lower secondary',
    upper_secondary: 'Upper secondary',
  },
};
export const OWNERSHIP_LABELS: Record<Lang, Record<string, string>> = {
  vi: { public: 'Công lập', private: 'Ngoài công lập' },
  en: { public: 'Public', private: 'Private' },
};

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}
export const I18nContext = createContext<I18n>({ lang: 'vi', t: vi, setLang: () => {} });
export const useI18n = (): I18n => useContext(I18nContext);

/** dd/mm/yyyy (and hh:mm) in Asia/Ho_Chi_Minh, whatever the browser's zone. */
export function formatDate(iso: string, withTime = false): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-');
    return `${d}/${m}/${y}`;
  }
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false } : {}),
  }).format(new Date(iso));
}
