/** English of the diplomas module's problem texts (see ../problem-language.ts). */
export const DIPLOMAS_EN: Record<string, string> = {
  'văn bằng': 'diploma',
  'Chỉnh sửa văn bằng cần số quyết định và lý do.':
    'Correcting a diploma needs a decision number and a reason.',
  'Văn bằng đã bị thu hồi, không thể chỉnh sửa.':
    'The diploma has been revoked and cannot be corrected.',
  'Chưa chọn tệp danh sách tốt nghiệp (xlsx).': 'No graduate list file (xlsx) was chosen.',
  'Trùng với dòng {} (cùng họ tên, ngày sinh, quyết định).':
    'Same as row {} (same full name, date of birth and decision).',
  'Thiếu cột bắt buộc "{}".': 'Required column "{}" is missing.',
  'Ngày cấp {} là ngày trong tương lai (hôm nay {}): văn bằng chỉ ghi ngày cấp từ hôm nay trở về trước.':
    "Issue date {} is in the future (today is {}): a diploma's issue date can only be today or earlier.",
  'Còn {} phôi văn bằng, cần {}: hãy nhập thêm phôi (dãy số hiệu) trước khi cấp. Chưa cấp văn bằng nào.':
    '{} diploma blanks left, {} needed: add blanks (a serial range) before issuing. No diploma was issued.',
  '{} học sinh đã chọn không thuộc lớp cuối cấp (lớp {}) của trường trong năm học {}; chưa cấp văn bằng nào.':
    '{} of the chosen students are not in the final grade (grade {}) of the school in school year {}; no diploma was issued.',
  'Cần số hiệu hoặc số vào sổ gốc của văn bằng.':
    "The diploma's serial number or register number is needed.",
  'Cần họ và tên đầy đủ.': 'The full name is needed.',
  'bản sao': 'copy',
  'Số hiệu đầu cần dạng chữ cái rồi chữ số, ví dụ A0012345.':
    'The first serial must be letters followed by digits, e.g. A0012345.',
  'Số hiệu cuối cần dạng chữ cái rồi chữ số, ví dụ A0012999.':
    'The last serial must be letters followed by digits, e.g. A0012999.',
  'Số hiệu cuối {} không cùng dãy với số hiệu đầu {}: cần cùng chữ cái và cùng {} chữ số.':
    'The last serial {} is not in the same range as the first serial {}: it needs the same letters and the same {} digits.',
  'Số hiệu cuối {} nhỏ hơn số hiệu đầu {}.':
    'The last serial {} is smaller than the first serial {}.',
  'Một lần nhập tối đa {} phôi; dãy này có {}.': 'At most {} blanks per entry; this range has {}.',
  'Dãy {}–{} trùng với dãy phôi đã nhập {}–{} ({}).':
    'Range {}–{} overlaps the blank range already entered {}–{} ({}).',
  'Số hiệu {} đã có trong sổ gốc: dãy phôi {}–{} không thể dùng.':
    'Serial {} is already in the register: the blank range {}–{} cannot be used.',
  'Văn bằng đã bị thu hồi: không cấp bản sao.': 'The diploma has been revoked: no copy is issued.',
  'Thu hồi văn bằng cần số quyết định và lý do.':
    'Revoking a diploma needs a decision number and a reason.',
  'Văn bằng đã bị thu hồi từ trước.': 'The diploma was already revoked.',
  'Chưa cấu hình khoá ký': 'Signing key not configured',
  '{} quá nhiều lần': '{}: too many requests',
  'Bạn đã {} quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau {} giây.':
    'You have {} too many times in a short time. Please try again in {} seconds.',
  'Số hiệu phôi cần dạng chữ cái rồi chữ số, ví dụ A0012345.':
    "A blank's serial must be letters followed by digits, e.g. A0012345.",
  'phôi số hiệu {} trong các dãy phôi đã nhận': 'blank with serial {} in the blank ranges received',
  'Phôi {} đã được dùng để in văn bằng; văn bằng đã cấp chỉ được chỉnh sửa hoặc thu hồi theo quyết định.':
    'Blank {} has already been used to print a diploma; an issued diploma can only be corrected or revoked by decision.',
  'Phôi {} đã được ghi là hỏng.': 'Blank {} is already recorded as spoiled.',
  'Không có danh sách trạng thái văn bằng của mã đơn vị "{}": mã không có, hoặc đơn vị này không cấp văn bằng.':
    'There is no diploma status list for unit code "{}": the code does not exist, or this unit does not issue diplomas.',
  'Tra cứu': 'Lookups',
  'tra cứu': 'made lookups',
  'Tải danh sách trạng thái': 'Status list downloads',
  'tải danh sách trạng thái': 'downloaded status lists',
  'Thiếu {}.': 'Missing {}.',
  'Giới tính "{}" không hợp lệ: cần "Nam" hoặc "Nữ".':
    'Gender "{}" is not valid: expected "Nam" (male) or "Nữ" (female).',
  'Năm tốt nghiệp "{}" không hợp lệ: cần 4 chữ số.':
    'Graduation year "{}" is not valid: 4 digits are expected.',
  'Ngày sinh {} không phù hợp với năm tốt nghiệp {}.':
    'Date of birth {} does not fit graduation year {}.',
  'Số hiệu phôi cần dạng chữ cái rồi chữ số, ví dụ A0012345':
    "A blank's serial must be letters followed by digits, e.g. A0012345",
};
