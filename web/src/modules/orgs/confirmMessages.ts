import { defineMessages } from '../../shared/i18n.ts';

/** What a consequential action will do, said before it is done (issue 13 item 10). */
export const confirmMessages = defineMessages(
  {
    deactivateTitle: 'Ngừng hoạt động {name}?',
    deactivateHas:
      'Đơn vị đang có {students} học sinh, {classes} lớp, {staff} cán bộ, giáo viên và {users} tài khoản.',
    deactivateEffect:
      'Đơn vị sẽ được đánh dấu ngừng hoạt động và không nhận thêm đơn vị cấp dưới. Hồ sơ, danh sách và lịch sử được giữ nguyên; có thể cho hoạt động lại.',
    deactivateOk: 'Ngừng hoạt động',
    resetTitle: 'Cấp lại mật khẩu cho {name} ({username})?',
    resetEffect:
      'Mật khẩu hiện tại sẽ không dùng được nữa và mọi phiên đăng nhập đang mở của tài khoản này sẽ kết thúc. Bạn sẽ nhận một mật khẩu tạm để trao cho người dùng; họ phải đổi mật khẩu ở lần đăng nhập sau.',
    resetOk: 'Cấp lại mật khẩu',
    cancel: 'Huỷ',
  },
  {
    deactivateTitle: 'Deactivate {name}?',
    deactivateHas:
      'The unit has {students} students, {classes} classes, {staff} staff and {users} accounts.',
    deactivateEffect:
      'The unit will be marked inactive and take no new sub-units. Its records, lists and history are kept; it can be reactivated.',
    deactivateOk: 'Deactivate',
    resetTitle: 'Reset the password of {name} ({username})?',
    resetEffect:
      'The current password will stop working and every open session of this account will end. You will get a temporary password to hand over; the user must change it at the next sign-in.',
    resetOk: 'Reset password',
    cancel: 'Cancel',
  },
);
