/** English of the indicators module's problem texts (see ../problem-language.ts). */
export const INDICATORS_EN: Record<string, string> = {
  'Số liệu ngân sách được nhập cho cấp tỉnh (đơn vị Sở GD&ĐT).':
    'Budget figures are entered for the province level (the Department of Education and Training unit).',
  '{} không phải đơn vị cấp tỉnh.': '{} is not a province-level unit.',
  'Chi cho giáo dục không thể lớn hơn tổng chi ngân sách.':
    'Spending on education cannot exceed total budget spending.',
  'Không có chỉ tiêu "{}".': 'There is no indicator "{}".',
  'Kế hoạch có chỉ tiêu không có trong danh mục.':
    'The plan has an indicator that is not in the list.',
  'Đơn vị đã có kế hoạch số {}.': 'The unit already has plan number {}.',
  'Chưa chọn tệp Excel chỉ tiêu kế hoạch để nhập.':
    'No Excel file of plan targets was chosen to import.',
  'Tệp quá lớn: tệp chỉ tiêu kế hoạch tối đa {} MB.':
    'The file is too large: a plan targets file is at most {} MB.',
  'Chưa có chương trình hoặc định mức tiết dạy áp dụng cho năm học {}.':
    'There is no curriculum or teaching-period norm in force for school year {}.',
  'Chưa có định mức giáo viên áp dụng cho năm học {}.':
    'There is no teacher norm in force for school year {}.',
  'Thông tin kế hoạch chưa đủ hoặc không hợp lệ.': "The plan's details are incomplete or invalid.",
  'Thiếu cột "{}" ở dòng tiêu đề (dòng 1): hãy dùng tệp mẫu.':
    'Column "{}" is missing from the header row (row 1): use the template file.',
  'Tệp không có dòng chỉ tiêu nào.': 'The file has no target rows.',
  'trường đang hoạt động': 'active school',
  'Báo cáo {} không có dòng "{}" để nhập (các dòng nhập: {}).':
    'Report {} has no row "{}" to enter (rows to enter: {}).',
  'đầu năm': 'start of year',
  'cuối năm': 'end of year',
  'Báo cáo có dòng không nhập được.': 'The report has rows that could not be entered.',
  'Báo cáo đã gửi cấp trên: chỉ sửa được khi cấp trên trả lại.':
    'The report has been sent to the level above: it can be edited only when sent back.',
  'Báo cáo đã được cấp trên duyệt, không sửa được.':
    'The report has been approved by the level above and cannot be edited.',
  'Cần nhập "{}" trước khi gửi.': '"{}" must be entered before sending.',
  'Báo cáo còn thiếu số liệu cần nhập.': 'The report is still missing figures to enter.',
  'Báo cáo vừa được người khác thay đổi; hãy tải lại.':
    'The report was just changed by someone else; reload.',
  'Chỉ duyệt hoặc trả lại được báo cáo đã gửi (báo cáo đang ở trạng thái "{}").':
    'Only a sent report can be approved or sent back (the report is "{}").',
  'Thiếu mã chỉ tiêu.': 'Missing indicator code.',
  'Không có chỉ tiêu mã "{}" trong danh mục: chọn một mã trong trang "Danh mục chỉ tiêu" của tệp mẫu.':
    'There is no indicator with code "{}" in the list: choose a code from the "Danh mục chỉ tiêu" (indicator list) sheet of the template.',
  'Thiếu năm học.': 'Missing school year.',
  '"{}" không phải năm học: cần hai năm liền nhau, dạng 2025-2026.':
    '"{}" is not a school year: two consecutive years are expected, in the form 2025-2026.',
  'Thiếu mục tiêu.': 'Missing target.',
  'Mục tiêu "{}" không phải một số (ví dụ 91,5).': 'Target "{}" is not a number (e.g. 91,5).',
  'Mục tiêu {} ngoài khoảng cho phép (0 đến 1.000.000).':
    'Target {} is outside the allowed range (0 to 1.000.000).',
  'Mục tiêu {} không phải tỷ lệ phần trăm (cần từ 0 đến 100).':
    'Target {} is not a percentage (0 to 100 expected).',
  'Dòng này trùng dòng {} (cùng chỉ tiêu {} và năm học {}).':
    'This row repeats row {} (same indicator {} and school year {}).',
  'Ngày ban hành không có thật': 'The issue date does not exist',
  'Ngày ban hành cần dạng yyyy-mm-dd': 'The issue date must be in the form yyyy-mm-dd',
};
