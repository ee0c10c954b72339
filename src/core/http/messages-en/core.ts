/** English of the platform core (src/app, src/core, src/lib)'s problem texts (see ../problem-language.ts). */
export const CORE_EN: Record<string, string> = {
  'Thiếu mã chống giả mạo': 'Missing anti-forgery token',
  'Yêu cầu thiếu hoặc sai mã x-csrf-token. Hãy tải lại trang và thử lại.':
    "The request's x-csrf-token is missing or wrong. Reload the page and try again.",
  'Không hợp lệ': 'Invalid',
  'Dữ liệu không hợp lệ': 'Invalid data',
  'Dữ liệu bị trùng': 'Duplicate record',
  'Đã có một bản ghi trùng (có thể do người khác vừa lưu cùng lúc). Dữ liệu của bạn chưa được lưu; hãy tải lại trang và thử lại.':
    'A duplicate record already exists (perhaps someone else saved the same at the same time). Your data was not saved; reload the page and try again.',
  'Lỗi hệ thống': 'System error',
  'Yêu cầu không hợp lệ': 'Invalid request',
  'Đã có lỗi xảy ra phía máy chủ. Dữ liệu của bạn chưa bị thay đổi; vui lòng thử lại.':
    'Something went wrong on the server. Your data was not changed; please try again.',
  'Định dạng nội dung gửi lên không được hỗ trợ.': 'The content type sent is not supported.',
  'Tệp quá lớn; giới hạn là {} MB. Hãy chia danh sách thành nhiều tệp.':
    'The file is too large; the limit is {} MB. Split the list into several files.',
  'Nội dung gửi lên quá lớn.': 'The content sent is too large.',
  'Yêu cầu không đúng định dạng.': 'The request is malformed.',
  'Không tìm thấy': 'Not found',
  'Không có tài nguyên nào ở địa chỉ này.': 'There is no resource at this address.',
  'công việc': 'job',
  'Công việc đã kết thúc (hoàn thành, thất bại hoặc đã huỷ) nên không huỷ được nữa.':
    'The job has ended (completed, failed or cancelled), so it can no longer be cancelled.',
  'loại công việc chạy được bằng tay': 'job type that can be run by hand',
  'Chỉ quản trị viên của Sở được chạy công việc hệ thống này.':
    "Only the department's administrator may run this system job.",
  'Công việc này đang chờ hoặc đang chạy; hãy đợi nó xong rồi chạy lại.':
    'This job is waiting or running; wait until it finishes, then run it again.',
  'Bạn cần đăng nhập.': 'You need to sign in.',
  'Chưa đăng nhập': 'Not signed in',
  'Bạn không có quyền thực hiện thao tác này với đơn vị này.':
    'You are not allowed to do this for this unit.',
  'Không có quyền truy cập': 'Access denied',
  'Không tìm thấy {}.': '{} not found.',
  'Xung đột dữ liệu': 'Data conflict',
  'Bản ghi đã thay đổi': 'Record changed',
  '{} đã được người khác sửa sau khi bạn mở{}; hãy tải lại để xem bản mới nhất rồi sửa lại. Chưa lưu gì.':
    '{} was changed by someone else after you opened it{}; reload to see the latest version and edit again. Nothing was saved.',
  ' (bạn mở phiên bản {}, hiện là phiên bản {})': ' (you opened version {}, it is now version {})',
  'Bản ghi đã được người khác sửa sau khi bạn mở; hãy tải lại để xem bản mới nhất rồi sửa lại.':
    'The record was changed by someone else after you opened it; reload to see the latest version and edit again.',
  'Mật khẩu phải có ít nhất {} ký tự.': 'The password must have at least {} characters.',
  'Mật khẩu không được chứa tên đăng nhập.': 'The password must not contain the username.',
  'Ô gộp {} trải qua nhiều dòng: hãy bỏ gộp ô (Unmerge) và điền giá trị cho từng dòng.':
    'Merged cell {} spans several rows: unmerge the cells and fill in a value for each row.',
  'đơn vị': 'unit',
  tệp: 'file',
  'Hãy gửi tệp dạng multipart/form-data, trường "file".':
    'Send the file as multipart/form-data, field "file".',
  'Thiếu tệp: hãy chọn một tệp để tải lên (trường "file").':
    'Missing file: choose a file to upload (field "file").',
  'Tệp {} rỗng.': 'File {} is empty.',
  'Tệp {} không phải {} (nội dung tệp không khớp).':
    "File {} is not {} (the file's content does not match).",
  'Bạn phải đổi mật khẩu được cấp trước khi sử dụng hệ thống.':
    'You must change the password you were given before using the system.',
  'Tệp không được nhận: {}. Bảng tính thông thường không như vậy (tệp có thể bị hỏng hoặc được tạo để làm quá tải máy chủ); hãy mở tệp bằng Excel, kiểm tra và lưu lại, hoặc chia danh sách thành nhiều tệp.':
    'The file was not accepted: {}. An ordinary spreadsheet is not like this (the file may be damaged or made to overload the server); open the file in Excel, check it and save it again, or split the list into several files.',
  'tệp nén có {} mục, giới hạn là {}': 'the zip file has {} entries, the limit is {}',
  'phần "{}" có hai lần trong tệp nén': 'part "{}" appears twice in the zip file',
  'tệp có hơn {} trang tính mà không cho biết trang đầu tiên':
    'the file has more than {} worksheets without saying which is the first',
  'Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): phần "{}" nén theo cách không hỗ trợ (mã {}).':
    'The file cannot be read as an Excel workbook (.xlsx): part "{}" is compressed in an unsupported way (method {}).',
  '{}, quá giới hạn': '{}, over the limit',
  'phần "{}" khai báo giải nén ra {} MB': 'part "{}" declares it unpacks to {} MB',
  'tệp khai báo giải nén ra hơn {}': 'the file declares it unpacks to more than {}',
  'phần "{}" không có trong mục lục của tệp nén': 'part "{}" is not in the zip file\'s directory',
  'phần "{}" giải nén ra hơn {} MB mà tệp khai báo':
    'part "{}" unpacks to more than the {} MB the file declares',
  'phần "{}" giải nén ra hơn {} MB': 'part "{}" unpacks to more than {} MB',
  'tệp giải nén ra hơn {}': 'the file unpacks to more than {}',
  'Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): phần "{}" hỏng ({}).':
    'The file cannot be read as an Excel workbook (.xlsx): part "{}" is damaged ({}).',
  'Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): không tìm thấy mục lục của tệp nén, hoặc tệp nén theo dạng không hỗ trợ (tệp hỏng, bị cắt ngang, zip64 hay tệp tự giải nén). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.':
    "The file cannot be read as an Excel workbook (.xlsx): the zip file's directory was not found, or the zip format is not supported (damaged or truncated file, zip64 or self-extracting file). Open the file in Excel and save it again as .xlsx.",
  'Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): một thẻ XML dài hơn {} ký tự; đây không phải bảng tính thông thường. Hãy mở tệp bằng Excel và lưu lại.':
    'The file cannot be read as an Excel workbook (.xlsx): an XML tag is longer than {} characters; this is not an ordinary spreadsheet. Open the file in Excel and save it again.',
  'Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): dòng số "{}" nằm ngoài bảng tính Excel (tối đa {} dòng).':
    'The file cannot be read as an Excel workbook (.xlsx): row number "{}" is outside an Excel worksheet (at most {} rows).',
  'Trang tính có hơn {} vùng ô gộp; đây không phải danh sách thông thường. Hãy bỏ gộp ô (Unmerge) rồi lưu lại.':
    'The worksheet has more than {} merged ranges; this is not an ordinary list. Unmerge the cells and save again.',
  'Ô {}{} dài hơn {} ký tự (Excel cho tối đa 32.767 ký tự mỗi ô); đây không phải bảng tính thông thường. Hãy kiểm tra ô đó trong Excel và lưu lại.':
    'Cell {}{} is longer than {} characters (Excel allows at most 32,767 characters per cell); this is not an ordinary spreadsheet. Check that cell in Excel and save again.',
  'Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): dòng {} có ô ở cột thứ {}, ngoài bảng tính Excel (tối đa {} cột, đến XFD).':
    'The file cannot be read as an Excel workbook (.xlsx): row {} has a cell in column {}, outside an Excel worksheet (at most {} columns, up to XFD).',
  'Bảng chuỗi dùng chung (xl/sharedStrings.xml) của tệp dài hơn {} ký tự. Đây không phải bảng tính thông thường: hãy chia danh sách thành nhiều tệp hoặc mở bằng Excel và lưu lại.':
    "The file's shared strings table (xl/sharedStrings.xml) is longer than {} characters. This is not an ordinary spreadsheet: split the list into several files or open it in Excel and save again.",
  'Chuỗi dùng chung số {} (xl/sharedStrings.xml) dài hơn {} ký tự (Excel cho tối đa 32.767 ký tự mỗi ô); đây không phải bảng tính thông thường. Hãy mở tệp bằng Excel và lưu lại.':
    'Shared string number {} (xl/sharedStrings.xml) is longer than {} characters (Excel allows at most 32,767 characters per cell); this is not an ordinary spreadsheet. Open the file in Excel and save again.',
  'Bảng chuỗi dùng chung (xl/sharedStrings.xml) của tệp có hơn {} chuỗi. Đây không phải bảng tính thông thường: hãy chia danh sách thành nhiều tệp hoặc mở bằng Excel và lưu lại.':
    "The file's shared strings table (xl/sharedStrings.xml) has more than {} strings. This is not an ordinary spreadsheet: split the list into several files or open it in Excel and save again.",
  'Không mở được tệp {}.': 'File {} cannot be opened.',
  'Trang tính "{}" có hơn {} dòng dữ liệu (dừng đọc ở dòng {}): giới hạn mỗi tệp là {} dòng. Hãy chia danh sách thành nhiều tệp (ví dụ theo trường).':
    'Worksheet "{}" has more than {} data rows (reading stopped at row {}): the limit per file is {} rows. Split the list into several files (e.g. by school).',
  'Không đọc được tệp dưới dạng bảng tính Excel (.xlsx): {}':
    'The file cannot be read as an Excel workbook (.xlsx): {}',
  'Bảng tính không có trang tính hoặc không có dòng tiêu đề.':
    'The workbook has no worksheet or no header row.',
  'Năm học phải là hai năm liền nhau': 'A school year must be two consecutive years',
  'Năm học cần dạng 2025-2026': 'A school year has the form 2025-2026',
  'Cần nhập {}.': '{} is required.',
  '{} "{}" không đúng dạng: cần dd/mm/yyyy (ví dụ 15/03/2008).':
    '{} "{}" is not in the form dd/mm/yyyy (e.g. 15/03/2008).',
  '{} {} không có: tháng {} không tồn tại.': '{} {} does not exist: there is no month {}.',
  '{} {} không có trong lịch: tháng {}/{} có {} ngày.':
    '{} {} is not in the calendar: {}/{} has {} days.',
  'Dân tộc "{}" không có trong danh mục 54 dân tộc Việt Nam (hoặc "Người nước ngoài"): hãy ghi đúng tên, ví dụ Kinh, Tày, H\'Mông, Ê Đê.':
    'Ethnic group "{}" is not in the list of Viet Nam\'s 54 ethnic groups (or "Người nước ngoài" (foreigner)): write the name correctly, e.g. "Kinh", "Tày", "H\'Mông", "Ê Đê".',
  'Tệp quá lớn': 'File too large',
  'Tệp vượt quá giới hạn {} MB. Hãy chia nhỏ hoặc nén tệp rồi tải lên lại.':
    'The file exceeds the {} MB limit. Split or compress the file and upload it again.',
  Ngày: 'Date',
  ngày: 'date',
  'ngày sinh': 'date of birth',
  'ngày cấp': 'issue date',
  'ô chứa ký tự điều khiển (mã {}) không được phép: hãy xoá ký tự này (thường lẫn vào khi sao chép từ phần mềm khác) rồi nhập lại':
    'the cell contains a control character (code {}), which is not allowed: delete it (it usually slips in when copying from other software) and import again',
  '{} MB ({} lần kích thước tệp, tối đa {} MB)': "{} MB ({} times the file's size, at most {} MB)",
  'ô chứa công thức cho lỗi {}: hãy sửa công thức hoặc dán giá trị (Paste Values)':
    'the cell holds a formula that gives error {}: fix the formula or paste the values (Paste Values)',
  'ô chứa công thức chưa có giá trị: hãy dán giá trị (Paste Values) thay cho công thức':
    'the cell holds a formula with no value yet: paste the values (Paste Values) instead of the formula',
  'ô chứa lỗi Excel {}': 'the cell holds Excel error {}',
  'chứa ký tự điều khiển không hợp lệ (mã {})': 'contains an invalid control character (code {})',
  // Returned by checks in src/lib (personal ids, file size) and used as messages by their callers.
  'Tệp quá lớn ({}{} MB); giới hạn là {} MB. Hãy chia danh sách thành nhiều tệp (ví dụ theo trường).':
    'The file is too large ({}{} MB); the limit is {} MB. Split the list into several files (e.g. by school).',
  'trên ': 'over ',
  'Luồng đọc tệp dừng bất thường (mã {}).': 'The file reader stopped unexpectedly (code {}).',
  'Luồng đọc tệp kết thúc trước khi đọc xong.': 'The file reader ended before the file was read.',
  'Ba chữ số đầu ({}) phải là mã tỉnh từ 001 đến 096.':
    'The first three digits ({}) must be a province code from 001 to 096.',
  'Năm sinh nằm ngoài khoảng 1900–2099 mà mã định danh mã hoá được.':
    'The year of birth is outside 1900–2099, the range a personal id can encode.',
  'Chữ số thứ 4 là {} ({}), không khớp giới tính và năm sinh (cần {}).':
    'The 4th digit is {} ({}), which does not match the gender and year of birth ({} expected).',
  'Chữ số thứ 5–6 là {}, không khớp năm sinh {} (cần {}).':
    'Digits 5–6 are {}, which do not match year of birth {} ({} expected).',
  'nam sinh 1900–1999': 'male born 1900–1999',
  'nữ sinh 1900–1999': 'female born 1900–1999',
  'nam sinh 2000–2099': 'male born 2000–2099',
  'nữ sinh 2000–2099': 'female born 2000–2099',
  'không hợp lệ': 'not valid',
};
