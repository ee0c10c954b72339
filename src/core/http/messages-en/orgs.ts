/** English of the orgs module's problem texts (see ../problem-language.ts). */
export const ORGS_EN: Record<string, string> = {
  'Chưa chọn tệp Excel để nhập.': 'No Excel file was chosen to import.',
  'Mật khẩu hiện tại không đúng.': 'The current password is wrong.',
  'Mật khẩu mới phải khác mật khẩu hiện tại.': 'The new password must differ from the current one.',
  'Tên đăng nhập hoặc mật khẩu không đúng.': 'Wrong username or password.',
  'Không thể thêm đơn vị vào đơn vị đã ngừng hoạt động.':
    'A unit cannot be added under a unit that has ceased operating.',
  'Không thể sáp nhập một đơn vị vào chính nó.': 'A unit cannot be merged into itself.',
  'Không thể sáp nhập đơn vị gốc (Sở).': 'The root unit (the department) cannot be merged.',
  'Không thể sáp nhập chính đơn vị gốc trong phạm vi quản lý của bạn.':
    'The root unit of your own scope cannot be merged.',
  'Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.':
    'A unit cannot be merged into one of its own subordinate units.',
  'Đơn vị nhận sáp nhập đã ngừng hoạt động.': 'The unit to merge into has ceased operating.',
  'Không thể chuyển đơn vị gốc (Sở).': 'The root unit (the department) cannot be moved.',
  'Không thể chuyển chính đơn vị gốc trong phạm vi quản lý của bạn.':
    'The root unit of your own scope cannot be moved.',
  'Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.':
    'A unit cannot be moved into itself or one of its subordinate units.',
  'Không thể chuyển vào đơn vị đã ngừng hoạt động.':
    'A unit cannot be moved into a unit that has ceased operating.',
  'Mã đơn vị "{}" đã được dùng cho "{}".': 'Unit code "{}" is already used by "{}".',
  'Mã đơn vị đã tồn tại.': 'The unit code already exists.',
  'Mã đơn vị gồm 1–32 chữ cái, chữ số, "-" hoặc "_".':
    'A unit code is 1–32 letters, digits, "-" or "_".',
  'Tên đơn vị không được để trống.': 'The unit name must not be empty.',
  'Trường phải có ít nhất một cấp học.': 'A school must have at least one school level.',
  'Trường phải ghi loại hình: Công lập hoặc Ngoài công lập.':
    'A school must state its ownership: Public or Non-public.',
  'Thông tin đơn vị chưa hợp lệ.': "The unit's details are not valid.",
  // Coordinates (src/lib/geo.ts): a school's location, a residential area's centre.
  'Vĩ độ "{}" không phải số thập phân: ghi độ thập phân, ví dụ 21,0285 hoặc 21.0285 (không ghi độ, phút, giây).':
    'Latitude "{}" is not a decimal number: write decimal degrees, e.g. 21.0285 or 21,0285 (not degrees, minutes, seconds).',
  'Kinh độ "{}" không phải số thập phân: ghi độ thập phân, ví dụ 105,8542 hoặc 105.8542 (không ghi độ, phút, giây).':
    'Longitude "{}" is not a decimal number: write decimal degrees, e.g. 105.8542 or 105,8542 (not degrees, minutes, seconds).',
  'Vĩ độ {} nằm ngoài lãnh thổ Việt Nam: cần một số thập phân từ {} đến {} (xem lại dấu thập phân, và vĩ độ, kinh độ có bị đổi chỗ không).':
    'Latitude {} lies outside Viet Nam: a decimal number from {} to {} is expected (check the decimal separator, and whether latitude and longitude are swapped).',
  'Kinh độ {} nằm ngoài lãnh thổ Việt Nam: cần một số thập phân từ {} đến {} (xem lại dấu thập phân, và vĩ độ, kinh độ có bị đổi chỗ không).':
    'Longitude {} lies outside Viet Nam: a decimal number from {} to {} is expected (check the decimal separator, and whether latitude and longitude are swapped).',
  'Không thể ngừng hoạt động đơn vị gốc (Sở).':
    'The root unit (the department) cannot be deactivated.',
  'Không thể thay đổi trạng thái chính đơn vị của bạn.':
    'You cannot change the status of your own unit.',
  'Đơn vị còn đơn vị cấp dưới đang hoạt động ("{}"): hãy chuyển hoặc ngừng hoạt động chúng trước.':
    'The unit still has active subordinate units ("{}"): move or deactivate them first.',
  'Đơn vị đã sáp nhập vào đơn vị khác, không thể hoạt động lại.':
    'The unit has been merged into another unit and cannot be reactivated.',
  'Đơn vị {}': 'Unit {}',
  'Tên đăng nhập chưa hợp lệ.': 'The username is not valid.',
  'Tên đăng nhập gồm 3–32 ký tự: chữ thường không dấu, chữ số, ".", "_" hoặc "-".':
    'A username is 3–32 characters: lowercase letters without diacritics, digits, ".", "_" or "-".',
  'Họ và tên không được để trống.': 'The full name must not be empty.',
  'tài khoản': 'account',
  'Bạn không thể cấp vai trò có nhiều quyền hơn hoặc ở cấp cao hơn vai trò của chính bạn.':
    'You cannot grant a role with more permissions or at a higher level than your own role.',
  'Vai trò "{}" không dùng cho tài khoản thuộc {}: vai trò cấp Sở chỉ gán ở Sở, vai trò cấp xã/Phòng ở Phòng hoặc xã.':
    'Role "{}" is not for an account of {}: department-level roles are assigned only at the department, commune/office-level roles at an education office or commune.',
  'Vai trò không phù hợp với cấp của đơn vị.': "The role does not fit the unit's level.",
  'Bạn không thể tự khoá hoặc tự đổi vai trò của chính mình.':
    'You cannot lock yourself or change your own role.',
  'Tài khoản {}': 'Account {}',
  'Tên đăng nhập này không dùng được; hãy chọn tên khác.':
    'This username cannot be used; choose another.',
  'Mã "{}" trùng với dòng {}.': 'Code "{}" repeats row {}.',
  'Thiếu mã đơn vị.': 'Missing unit code.',
  'Mã "{}" không hợp lệ: cần 1–32 chữ cái, chữ số, "-" hoặc "_".':
    'Code "{}" is not valid: 1–32 letters, digits, "-" or "_" expected.',
  'Thiếu tên đơn vị.': 'Missing unit name.',
  'Thiếu loại đơn vị.': 'Missing unit kind.',
  'Loại đơn vị "{}" không hợp lệ: cần một trong {}.':
    'Unit kind "{}" is not valid: expected one of {}.',
  'Cấp học "{}" không hợp lệ: cần {}, cách nhau bởi dấu phẩy.':
    'School level "{}" is not valid: expected {}, separated by commas.',
  'Loại hình "{}" không hợp lệ: cần "Công lập" hoặc "Ngoài công lập".':
    'Ownership "{}" is not valid: expected "Công lập" (public) or "Ngoài công lập" (non-public).',
  'Trường phải ghi cấp học.': 'A school must state its school levels.',
  'Trường phải ghi loại hình.': 'A school must state its ownership.',
  'Thiếu mã đơn vị cấp trên: đã có đơn vị gốc "{}", không thể có hai gốc.':
    'Missing parent unit code: there is already a root unit "{}", there cannot be two roots.',
  'Tệp có hai đơn vị gốc (dòng {} và dòng {}).': 'The file has two root units (rows {} and {}).',
  'Chưa có đơn vị gốc (Sở): một dòng phải để trống "Mã đơn vị cấp trên".':
    'There is no root unit (the department) yet: one row must leave "Mã đơn vị cấp trên" (parent unit code) empty.',
  'Không tìm thấy đơn vị cấp trên "{}" trong tệp hay trong cơ sở dữ liệu.':
    'Parent unit "{}" was found neither in the file nor in the database.',
  'Đơn vị này đã có đơn vị cấp trên; không thể biến nó thành đơn vị gốc.':
    'This unit already has a parent unit; it cannot become the root unit.',
  'Quan hệ cấp trên tạo thành vòng lặp (qua mã "{}").':
    'The parent relations form a loop (through code "{}").',
  'Đơn vị nằm ngoài phạm vi quản lý của bạn.': 'The unit is outside your scope.',
  'Đã có quá nhiều lần đăng nhập sai với tên này hoặc từ địa chỉ này. Vui lòng thử lại sau {}.':
    'There have been too many failed sign-ins with this username or from this address. Please try again in {}.',
};
