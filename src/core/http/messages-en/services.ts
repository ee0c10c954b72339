/** English of the services module's problem texts (see ../problem-language.ts). */
export const SERVICES_EN: Record<string, string> = {
  'Hồ sơ vừa được người khác cập nhật. Hãy tải lại rồi thao tác tiếp.':
    'The request was just updated by someone else. Reload and continue.',
  'Không thể "{}" khi hồ sơ đang ở trạng thái "{}".': 'Cannot "{}" while the request is "{}".',
  'hồ sơ': 'request',
  'Cần ghi rõ lý do (người nộp sẽ nhận được nội dung này).':
    'State the reason clearly (the applicant will receive this text).',
  'Cần ghi lý do': 'A reason is needed',
  'Hồ sơ không gắn với văn bằng nào trong sổ gốc.':
    'The request is not linked to any diploma in the register.',
  'Chỉ lập phiếu xin lỗi cho hồ sơ đang giải quyết đã quá hạn.':
    'An apology slip is made only for a request in progress that is overdue.',
  'Ngày hẹn lại cần là một ngày làm việc sau hôm nay.':
    'The new appointment date must be a working day after today.',
  'Chọn một ngày làm việc sau hôm nay': 'Choose a working day after today',
  'hồ sơ với mã và số định danh này': 'request with this code and personal id number',
  'Mã xác nhận không đúng.': 'The confirmation code is wrong.',
  'Mã không đúng': 'Wrong code',
  'Mã xác nhận hết hiệu lực': 'Confirmation code no longer valid',
  'Mã xác nhận đã hết hạn, đã dùng hoặc sai quá nhiều lần. Hãy yêu cầu mã mới.':
    'The confirmation code has expired, been used or been entered wrongly too many times. Ask for a new code.',
  'Hãy yêu cầu mã mới': 'Ask for a new code',
  'Thủ tục "{}" chưa nhận hồ sơ trực tuyến.': 'Procedure "{}" does not accept online requests yet.',
  'Chọn một thủ tục có nộp trực tuyến': 'Choose a procedure that accepts online requests',
  'Thông tin bản sao chưa đúng.': "The copy's details are not right.",
  'Không tìm thấy trong sổ gốc văn bằng mang số hiệu đã nhập với đúng họ tên và ngày sinh của bạn. Hãy kiểm tra lại số hiệu (in trên văn bằng), họ tên và ngày sinh.':
    'No diploma with the serial entered and exactly your full name and date of birth was found in the register. Check the serial (printed on the diploma), the full name and the date of birth.',
  'Không khớp với sổ gốc': 'Does not match the register',
  'Hồ sơ đang được giải quyết: không nhận thêm tài liệu.':
    'The request is being processed: no more documents are accepted.',
  'Loại tài liệu "{}" không thuộc hồ sơ này. Chọn một trong: {}.':
    'Document type "{}" does not belong to this request. Choose one of: {}.',
  'Loại tài liệu không đúng': 'Wrong document type',
  'Mỗi hồ sơ nhận tối đa {} tệp.': 'Each request takes at most {} files.',
  'Dòng 1: cần tiêu đề "date,kind,name" (hoặc "ngày,loại,tên").':
    'Row 1: the header "date,kind,name" (or "ngày,loại,tên") is needed.',
  'Dòng {}, cột date: "{}" không phải ngày dạng yyyy-mm-dd.':
    'Row {}, column date: "{}" is not a date in the form yyyy-mm-dd.',
  'Dòng {}, cột kind: "{}" cần là "nghỉ" (holiday) hoặc "làm bù" (workday).':
    'Row {}, column kind: "{}" must be "nghỉ" (holiday) or "làm bù" (workday).',
  'Dòng {}, cột name: cần tên ngày (ví dụ "Tết Nguyên đán").':
    'Row {}, column name: the day\'s name is needed (e.g. "Tết Nguyên đán").',
  'Dòng {}: ngày làm bù {} không phải thứ Bảy hay Chủ nhật.':
    'Row {}: make-up working day {} is not a Saturday or Sunday.',
  'Dòng {}: {} đã là ngày nghỉ cuối tuần; nếu được nghỉ bù, hãy ghi ngày nghỉ bù.':
    'Row {}: {} is already a weekend day off; if a compensatory day off is given, enter that day.',
  'Dòng {}: ngày {} đã có ở dòng trước.': 'Row {}: date {} is already on an earlier row.',
  'Tệp không có ngày nào.': 'The file has no days.',
  'Gửi mã quá nhiều lần': 'Code sent too many times',
  'Địa chỉ này đã nhận {} mã trong một giờ qua. Hãy dùng mã mới nhất hoặc thử lại sau.':
    'This address has received {} codes in the past hour. Use the latest code or try again later.',
  'kết quả của hồ sơ này (chưa có)': 'result of this request (not yet available)',
  'Quá nhiều yêu cầu': 'Too many requests',
  'Hãy thử lại sau {} giây.': 'Try again in {} seconds.',
  'thủ tục': 'procedure',
  '{} không tồn tại': '{} does not exist',
  '{} cần dạng yyyy-mm-dd': '{} must be in the form yyyy-mm-dd',
  'Số định danh cá nhân gồm đúng 12 chữ số': 'A personal id number is exactly 12 digits',
  'Thư điện tử không đúng dạng (ví dụ ten@example.vn)':
    'The e-mail address is not valid (e.g. ten@example.vn)',
  'Thư điện tử dài quá 254 ký tự': 'The e-mail address is longer than 254 characters',
  'Mã hồ sơ có dạng DVC-yymmdd-XXXXXX': 'A request code has the form DVC-yymmdd-XXXXXX',
  'Số hiệu văn bằng': 'Diploma serial number',
  'Tối đa 10 bản mỗi hồ sơ': 'At most 10 copies per request',
  'Ít nhất 1 bản': 'At least 1 copy',
  'Lý do đề nghị': 'Reason for the request',
  'Cần ít nhất một nội dung chỉnh sửa': 'At least one correction is needed',
  'Họ và tên mới': 'New full name',
  'Ngày sinh mới': 'New date of birth',
  'Nơi sinh mới': 'New place of birth',
  'Dân tộc mới': 'New ethnic group',
  'Quyết định thay đổi, cải chính hộ tịch': 'Decision on the civil status change or correction',
  'Họ và tên': 'Full name',
  'Ngày sinh': 'Date of birth',
  'Mã xác nhận gồm 6 chữ số': 'A confirmation code is 6 digits',
  'Ghi chú dài quá 2000 ký tự': 'A note is at most 2000 characters',
  'Tháng cần dạng yyyy-mm': 'A month has the form yyyy-mm',
  'Lý do quá hạn': 'Reason for the delay',
  'Ngày hẹn lại': 'New appointment date',
  'Hồ sơ này không có bản sao giấy để bàn giao (chưa cấp, hoặc không đề nghị bản giấy).':
    'This request has no paper copy to hand over (not issued yet, or no paper copy was asked for).',
  'Bản sao giấy của hồ sơ đã giao cho {} lúc {}.':
    "The request's paper copy was already handed to {} at {}.",
  'Người nhận': 'Receiver',
  'Số giấy tờ của người nhận dài quá 40 ký tự':
    "The receiver's identity paper number is longer than 40 characters",
};
