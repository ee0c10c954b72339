/**
 * How the audit log names the org tree's rows and fields (src/core/audit.ts):
 * plain data, installed from the module's descriptor.
 */
import type { AuditLabels } from '../../core/audit.ts';
import { ROLE_NAMES } from '../../core/access/roles.ts';
import { KIND_NAMES, LEVEL_NAMES, OWNERSHIP_NAMES } from './labels.ts';

export const ORGS_AUDIT: AuditLabels = {
  subjects: {
    org_unit: {
      noun: { vi: 'đơn vị', en: 'unit' },
      name: ['name'],
      code: 'code',
      fields: {
        code: { vi: 'Mã đơn vị', en: 'Unit code' },
        name: { vi: 'Tên đơn vị', en: 'Name' },
        kind: { vi: 'Loại đơn vị', en: 'Kind' },
        levels: { vi: 'Cấp học', en: 'Levels' },
        ownership: { vi: 'Loại hình', en: 'Ownership' },
        address: { vi: 'Địa chỉ', en: 'Address' },
        latitude: { vi: 'Vĩ độ', en: 'Latitude' },
        longitude: { vi: 'Kinh độ', en: 'Longitude' },
        active: { vi: 'Đang hoạt động', en: 'Active' },
      },
      values: { kind: KIND_NAMES, levels: LEVEL_NAMES, ownership: OWNERSHIP_NAMES },
    },
    app_user: {
      noun: { vi: 'tài khoản', en: 'account' },
      name: ['full_name'],
      code: 'username',
      fields: {
        username: { vi: 'Tên đăng nhập', en: 'User name' },
        full_name: { vi: 'Họ và tên', en: 'Full name' },
        email: { vi: 'Thư điện tử', en: 'E-mail' },
        role: { vi: 'Vai trò', en: 'Role' },
        password_hash: { vi: 'Mật khẩu', en: 'Password' },
        must_change_password: { vi: 'Phải đổi mật khẩu', en: 'Must change password' },
        active: { vi: 'Đang hoạt động', en: 'Active' },
      },
      values: { role: ROLE_NAMES },
    },
  },
  actions: {
    login: { vi: 'Đăng nhập', en: 'Signed in' },
    login_failed: { vi: 'Đăng nhập không thành công', en: 'Failed sign-in' },
    logout: { vi: 'Đăng xuất', en: 'Signed out' },
  },
};
