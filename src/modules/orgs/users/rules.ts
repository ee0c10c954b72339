import type { OrgUnitKind, Role } from '../../../db/schema.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { ROLE_LABELS, roleFitsUnit } from '../../../core/access/roles.ts';
import { badRequest, forbidden } from '../../../core/errors.ts';
import { grantableRoles } from '../permissions.ts';

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const TAKEN_USERNAME = 'Tên đăng nhập này không dùng được; hãy chọn tên khác.';

export function requireGrantable(scope: Scope, role: Role): void {
  if (!grantableRoles(scope.user.role).includes(role))
    throw forbidden(
      'Bạn không thể cấp vai trò có nhiều quyền hơn hoặc ở cấp cao hơn vai trò của chính bạn.',
    );
}

/** A department role on a school (or an office role there) would be a role out of place. */
export function requireRoleFitsUnit(role: Role, unit: { kind: OrgUnitKind; name: string }): void {
  if (!roleFitsUnit(role, unit.kind))
    throw badRequest(
      `Vai trò "${ROLE_LABELS[role]}" không dùng cho tài khoản thuộc ${unit.name}: vai trò cấp Sở chỉ gán ở Sở, vai trò cấp xã/Phòng ở Phòng hoặc xã.`,
      [{ path: 'role', message: 'Vai trò không phù hợp với cấp của đơn vị.' }],
    );
}
