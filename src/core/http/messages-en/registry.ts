/** English of the registry module's problem texts (see ../problem-language.ts). */
export const REGISTRY_EN: Record<string, string> = {
  'Hai trường có lớp trùng tên: {}. Hãy đổi tên lớp trước khi sáp nhập.':
    'The two schools have classes with the same name: {}. Rename the classes before merging.',
  'Tên lớp không được để trống.': 'The class name must not be empty.',
  'Tên lớp dài tối đa 30 ký tự.': 'A class name is at most 30 characters.',
  'Khối lớp là số nguyên từ 1 đến 12.': 'The grade is a whole number from 1 to 12.',
  'Chỉ nhóm, lớp mầm non mới để trống khối; trường có cấp học: {}.':
    "Only preschool groups and classes may leave the grade empty; the school's levels: {}.",
  'Khối {} không thuộc cấp học của trường ({}).': "Grade {} is not among the school's levels ({}).",
  'Số buổi học mỗi ngày là 1 hoặc 2.': 'Sessions per day are 1 or 2.',
  'Giáo viên chủ nhiệm phải là cán bộ, giáo viên của chính trường này.':
    'The homeroom teacher must be a staff member or teacher of this very school.',
  '{} đã thôi làm việc tại trường, không thể làm giáo viên chủ nhiệm.':
    '{} no longer works at the school and cannot be a homeroom teacher.',
  'Thông tin lớp chưa hợp lệ.': "The class's details are not valid.",
  'Năm học {} của trường đã có lớp "{}".': 'The school already has class "{}" in school year {}.',
  'Tên lớp đã có trong năm học.': 'The class name already exists in the school year.',
  '{} đã chủ nhiệm lớp {} năm học {}; trường quy định mỗi giáo viên chủ nhiệm một lớp. Chưa lưu gì: hãy chọn giáo viên khác hoặc bỏ phân công ở lớp kia trước.':
    '{} is already homeroom teacher of class {} in school year {}; the school allows one homeroom class per teacher. Nothing was saved: choose another teacher or remove the assignment in the other class first.',
  'Đã chủ nhiệm lớp {}.': 'Already homeroom teacher of class {}.',
  '{} cũng đang chủ nhiệm lớp {} năm học {}.':
    '{} is also homeroom teacher of class {} in school year {}.',
  lớp: 'class',
  'Lớp {}': 'Class {}',
  'Số định danh cá nhân này đã được dùng cho một người không thuộc phạm vi của bạn; kiểm tra lại số định danh.':
    'This personal id number is already used by a person outside your scope; check the id number.',
  'Một lượt nhập khác vừa ghi cùng những cán bộ, giáo viên này nên tệp chưa được ghi (không có gì thay đổi). Hãy kiểm tra lại tệp rồi nhập lại.':
    'Another import has just written the same staff and teachers, so the file was not written (nothing changed). Check the file and import it again.',
  'Một lượt nhập khác đang ghi cùng những học sinh này nên tệp chưa được ghi (không có gì thay đổi). Hãy đợi lượt nhập kia xong rồi nhập lại tệp.':
    'Another import is writing the same students, so the file was not written (nothing changed). Wait until that import finishes, then import the file again.',
  'Trang tính đầu tiên "{}" không phải danh sách học sinh: dòng 1 thiếu cột bắt buộc {}. Danh sách học sinh phải nằm ở trang tính đầu tiên, tiêu đề ở dòng 1.':
    'The first sheet "{}" is not a student list: row 1 lacks the required columns {}. The student list must be on the first sheet, with headers on row 1.',
  'Số định danh cá nhân này đã được dùng cho một học sinh không thuộc phạm vi của bạn; nếu học sinh chuyển đến, hãy dùng Chuyển trường':
    'This personal id number is already used by a student outside your scope; if the student is transferring in, use Transfer',
  'Mã học sinh này đã được dùng cho một học sinh không thuộc phạm vi của bạn; nếu học sinh chuyển đến, hãy dùng Chuyển trường':
    'This student code is already used by a student outside your scope; if the student is transferring in, use Transfer',
  'Mã học sinh {} đang thuộc học sinh khác ({}).':
    'Student code {} belongs to another student ({}).',
  'Học sinh mã {} đã có mã định danh khác trong cơ sở dữ liệu.':
    'The student with code {} has a different personal id in the database.',
  'Học sinh này đang học ở trường {}; nhập danh sách không chuyển trường học sinh: hãy dùng Chuyển trường.':
    'This student is studying at school {}; a list import does not transfer students: use Transfer.',
  '{}{} {} đã thuộc học sinh {} (sinh {}), khác cả họ tên và ngày sinh trên dòng này: kiểm tra lại {}.':
    '{}{} {} already belongs to student {} (born {}), who differs in both full name and date of birth from this row: check the {}.',
  'Chưa chọn tệp Excel danh sách {}.': 'No Excel file of the {} list was chosen.',
  'Lỗi máy chủ': 'Server error',
  'Máy chủ gặp lỗi khi nhập tệp; không có gì được ghi.':
    'The server hit an error while importing the file; nothing was written.',
  'Lớp {} không thuộc {}.': 'Class {} does not belong to {}.',
  'Hãy chọn một lớp của trường.': 'Choose a class of the school.',
  'Hãy chọn ít nhất một học sinh trong danh sách chờ xếp lớp.':
    'Choose at least one student from the list waiting for a class.',
  'Chưa chọn học sinh.': 'No student chosen.',
  'Có học sinh không thuộc danh sách chờ xếp lớp của trường; chưa xếp ai.':
    "Some students are not on the school's list waiting for a class; nobody was placed.",
  'Hãy tải lại danh sách.': 'Reload the list.',
  'Lớp {} là lớp {} năm học {}; {} học sinh được nhận vào lớp {} năm học {}. Chưa xếp ai.':
    'Class {} is a grade {} class of school year {}; {} students were admitted to grade {} for school year {}. Nobody was placed.',
  'Hãy chọn lớp đúng khối và năm học.': 'Choose a class of the right grade and school year.',
  'Thí sinh {} có hai lần trong danh sách.': 'Candidate {} appears twice in the list.',
  'Danh sách học sinh trúng tuyển chưa hợp lệ; chưa nhận học sinh nào.':
    'The list of admitted students is not valid; no student was received.',
  'Thiếu mã thí sinh.': 'Missing candidate code.',
  'Thí sinh {}: khối lớp {} không có.': 'Candidate {}: there is no grade {}.',
  'Thí sinh {}: cần hồ sơ học sinh trong cơ sở dữ liệu hoặc thông tin cá nhân.':
    'Candidate {}: a student record in the database or personal details are needed.',
  'Thí sinh {}: {}': 'Candidate {}: {}',
  'Trường nhận không có trong cây đơn vị: {}. Chưa nhận học sinh nào.':
    'Receiving schools not in the unit tree: {}. No student was received.',
  'Không tìm thấy hồ sơ học sinh của thí sinh {}. Chưa nhận học sinh nào.':
    'No student record found for candidate {}. No student was received.',
  'Thí sinh {} đã được nhận vào một trường khác trong năm học {}. Chưa nhận học sinh nào.':
    'Candidate {} has already been received by another school in school year {}. No student was received.',
  'Năm học "{}" không hợp lệ: cần dạng 2025-2026 (hai năm liên tiếp).':
    'School year "{}" is not valid: expected the form 2025-2026 (two consecutive years).',
  'Năm học cần dạng 2025-2026.': 'A school year has the form 2025-2026.',
  'Quá nhiều dòng cơ sở vật chất: mỗi loại phòng và tình trạng chỉ một dòng.':
    'Too many facility rows: each room type and condition has one row only.',
  'Cơ sở vật chất năm học {} của {}': 'Facilities of {} for school year {}',
  'Dòng {}: loại phòng "{}" không có trong danh mục.': 'Row {}: room type "{}" is not in the list.',
  'Dòng {}: tình trạng "{}" không hợp lệ; chọn Kiên cố, Bán kiên cố hoặc Tạm.':
    'Row {}: condition "{}" is not valid; choose "Kiên cố" (permanent), "Bán kiên cố" (semi-permanent) or "Tạm" (temporary).',
  'Dòng {}: số phòng phải là số nguyên từ 0 đến {}{}.':
    'Row {}: the number of rooms must be a whole number from 0 to {}{}.',
  ' (đã nhập "{}")': ' (entered "{}")',
  'Dòng {}: diện tích phải là số từ 0 đến {} m², viết như 96,5 hoặc 1.234,5{}.':
    'Row {}: the area must be a number from 0 to {} m², written like 96,5 or 1.234,5{}.',
  'Dòng {}: trùng "{} – {}" với dòng {}.': 'Row {}: "{} – {}" repeats row {}.',
  'Số liệu cơ sở vật chất chưa hợp lệ: chưa lưu gì.':
    'The facility figures are not valid: nothing was saved.',
  'Thông tin năm học {} của {}': 'School-year details of {} for {}',
  'thông tin năm học': 'school-year details',
  'Mức chuẩn quốc gia là 0 (chưa đạt), 1 (mức độ 1) hoặc 2 (mức độ 2).':
    'The national standard level is 0 (not met), 1 (level 1) or 2 (level 2).',
  'Cấp độ kiểm định chất lượng là 0 (chưa đạt) hoặc từ 1 đến 4.':
    'The quality accreditation level is 0 (not met) or from 1 to 4.',
  'Số quyết định công nhận dài tối đa 200 ký tự.':
    'A recognition decision number is at most 200 characters.',
  'Ngày công nhận "{}" không hợp lệ: cần dạng dd/mm/yyyy.':
    'Recognition date "{}" is not valid: expected dd/mm/yyyy.',
  'Ngày công nhận không được sau ngày hôm nay.': 'The recognition date cannot be after today.',
  'Trường chưa đạt chuẩn quốc gia thì không ghi quyết định, ngày công nhận: hãy chọn mức độ 1 hoặc 2, hoặc xoá quyết định.':
    'A school that does not meet the national standard has no recognition decision or date: choose level 1 or 2, or remove the decision.',
  'Ghi chú dài tối đa 2000 ký tự.': 'A note is at most 2000 characters.',
  'Thông tin trường theo năm học chưa hợp lệ.':
    "The school's details for the school year are not valid.",
  'cán bộ, giáo viên': 'staff member or teacher',
  'Cần ghi nội dung bồi dưỡng, đào tạo.': 'The content of the training is needed.',
  'Đến ngày không được trước Từ ngày.': 'The end date cannot be before the start date.',
  'Chưa ghi được mục bồi dưỡng, đào tạo.': 'The training entry could not be recorded.',
  'Mã định danh {} đã có trong danh sách cán bộ, giáo viên của tỉnh.':
    "Personal id {} is already on the province's list of staff and teachers.",
  'Danh sách có hơn {} người, quá giới hạn của một tệp xuất: hãy lọc theo trường hoặc vị trí.':
    'The list has more than {} people, over the limit of one export file: filter by school or position.',
  'Cần ghi lý do nghỉ (nghỉ hưu, chuyển công tác…).':
    'The reason for leaving is needed (retirement, transfer…).',
  'Ngày nghỉ không được sau ngày hôm nay.': 'The leaving date cannot be after today.',
  'Chưa ghi được việc nghỉ công tác.': 'The leaving could not be recorded.',
  'Cán bộ, giáo viên {}': 'Staff member {}',
  '{} đã nghỉ công tác tại trường.': '{} has already left the school.',
  'Ngày sinh cần dạng dd/mm/yyyy.': 'A date of birth has the form dd/mm/yyyy.',
  'Họ và tên dài tối đa 100 ký tự.': 'A full name is at most 100 characters.',
  'Cần ghi đủ họ và tên (ít nhất hai từ).': 'Write the full name (at least two words).',
  'Ngày sinh "{}" không hợp lệ: cần dạng dd/mm/yyyy, là một ngày có thật.':
    'Date of birth "{}" is not valid: expected dd/mm/yyyy, a real date.',
  'Người lao động phải đủ 18 tuổi: kiểm tra ngày sinh.':
    'An employee must be at least 18 years old: check the date of birth.',
  'Ngày sinh trước năm 1940: hãy kiểm tra lại.': 'Date of birth before 1940: check it again.',
  'Loại hợp đồng "{}" không hợp lệ: chọn {}.': 'Contract type "{}" is not valid: choose {}.',
  'Trường không có cấp {}: chọn một cấp học của trường.':
    "The school has no level {}: choose one of the school's levels.",
  'Thông tin cán bộ, giáo viên chưa hợp lệ.': "The staff member's details are not valid.",
  '{} "{}" không hợp lệ: cần dạng dd/mm/yyyy, là một ngày có thật.':
    '{} "{}" is not valid: expected dd/mm/yyyy, a real date.',
  'học sinh': 'student',
  'Cần ghi lý do thay đổi trạng thái.': 'The reason for the status change is needed.',
  'Cần ghi lý do.': 'A reason is needed.',
  'Học sinh {}': 'Student {}',
  'Lớp {} không thuộc trường này trong năm học {}.':
    'Class {} does not belong to this school in school year {}.',
  'Hãy chọn một lớp của trường trong năm học.': 'Choose a class of the school in the school year.',
  'Bạn đang có một tệp xuất học sinh chưa xong: hãy chờ nó xong hoặc huỷ nó (trang Công việc nền).':
    'You have a student export not yet finished: wait for it or cancel it (Background jobs page).',
  'tệp xuất': 'export file',
  'Tệp xuất chưa xong (hoặc đã bị huỷ, thất bại): chưa có gì để tải về.':
    'The export has not finished (or was cancelled, or failed): there is nothing to download yet.',
  'Danh sách có hơn {} học sinh, quá giới hạn của một tệp xuất: hãy lọc theo trường, lớp hoặc gõ thêm tên.':
    'The list has more than {} students, over the limit of one export file: filter by school or class, or type more of the name.',
  'Ngày sinh không được sau ngày hôm nay.': 'The date of birth cannot be after today.',
  'Ngày sinh trước năm 1990: hãy kiểm tra lại.': 'Date of birth before 1990: check it again.',
  'Số điện thoại gồm 9 đến 12 chữ số.': 'A phone number has 9 to 12 digits.',
  'Thông tin học sinh chưa hợp lệ.': "The student's details are not valid.",
  '{} này đã thuộc về {}. Chưa lưu gì.': 'This {} already belongs to {}. Nothing was saved.',
  'học sinh {}': 'student {}',
  'một học sinh ngoài phạm vi của bạn': 'a student outside your scope',
  '{} đã được dùng.': '{} is already in use.',
  'Chỉ gõ một ngày sinh trong ô tìm kiếm.': 'Type only one date of birth in the search box.',
  'Có {} ngày: {}.': 'There are {} dates: {}.',
  'Ngày sinh {} không có thật.': 'Date of birth {} does not exist.',
  'Ngày {} không có trong lịch.': 'Date {} is not in the calendar.',
  'Ngày sinh cần dạng dd/mm/yyyy, là một ngày có thật.':
    'A date of birth has the form dd/mm/yyyy and is a real date.',
  'Ngày sinh trong ô tìm kiếm khác ngày sinh đã chọn.':
    'The date of birth in the search box differs from the one chosen.',
  'Chỉ chuyển trường được học sinh đang học; {} hiện {}.':
    'Only a student who is studying can be transferred; {} is now {}.',
  'Không có trường đang hoạt động mang mã "{}".': 'There is no active school with code "{}".',
  'Mã trường không có trong danh mục.': 'The school code is not in the list.',
  'Trường chuyển đến trùng với trường hiện tại.':
    'The school to transfer to is the current school.',
  'Cần một trường khác.': 'Another school is needed.',
  '{} đã được xếp lớp năm học {}: hãy chọn năm học {}.':
    '{} is already placed in a class for school year {}: choose school year {}.',
  'Cần chọn năm học {}.': 'Choose school year {}.',
  '{} đang có đề nghị chuyển trường chờ xử lý; hãy huỷ hoặc chờ xử lý đề nghị đó trước.':
    '{} has a transfer request waiting; cancel it or wait for it to be processed first.',
  'Cần ghi {}.': '{} is needed.',
  'Cần chọn lớp ở {} năm học {}.': 'Choose a class at {} for school year {}.',
  'Cần chọn lớp chuyển đến.': 'Choose the class to transfer to.',
  'Lớp được chọn không thuộc {} năm học {}.':
    'The chosen class does not belong to {} in school year {}.',
  'Cần một lớp của {} năm học {}.': 'A class of {} in school year {} is needed.',
  'Học sinh đã được xếp lớp năm học {} ở trường cũ: hãy chuyển trường cho năm học {}.':
    'The student is already placed in a class for school year {} at the old school: transfer for school year {}.',
  'Học sinh không còn đang học tại trường chuyển đi: không thể chuyển trường.':
    'The student is no longer studying at the school being left: the transfer is not possible.',
  'đề nghị chuyển trường': 'transfer request',
  'Đề nghị chuyển trường đã {}; không thể xử lý lại.':
    'The transfer request has already {}; it cannot be processed again.',
  'Đề nghị chuyển trường vừa được xử lý bởi người khác.':
    'The transfer request was just processed by someone else.',
  'Năm học "{}" không hợp lệ: cần dạng 2025-2026 (hai năm liền nhau).':
    'School year "{}" is not valid: expected the form 2025-2026 (two consecutive years).',
  'Cần dạng 2025-2026 (hai năm liền nhau).': 'Expected the form 2025-2026 (two consecutive years).',
  '{} đã lên lớp từ năm học {} sang {}; không thể lên lớp lại năm học {}.':
    '{} was already promoted from school year {} to {}; cannot be promoted again for school year {}.',
  'Học sinh {} không đang học tại {} trong năm học {}.':
    'Student {} is not studying at {} in school year {}.',
  '{} học nhóm/lớp mầm non: không xét ở lại lớp.':
    '{} is in a preschool group/class: repeating a grade does not apply.',
  'Có {} học sinh ở lại lớp không thuộc {} năm học {}.':
    '{} students repeating a grade are not at {} in school year {}.',
  '{} chưa khai báo cấp học (tiểu học, THCS, THPT) nên không xác định được khối cuối cấp. Hãy cập nhật cấp học của trường.':
    "{} has not declared its school levels (primary, lower secondary, upper secondary), so its final grade cannot be determined. Update the school's levels.",
  'Lớp {} năm học {} đã có nhưng thuộc {}, không phải khối {}. Hãy đổi tên hoặc khối của lớp đó trước khi lên lớp.':
    'Class {} of school year {} exists but is in {}, not grade {}. Rename the class or change its grade before promoting.',
  'nhóm mầm non': 'preschool group',
  'khối {}': 'grade {}',
  '{} không phải là trường học.': '{} is not a school.',
  'Cần chọn một trường.': 'A school must be chosen.',
  '"{}" không phải học sinh của {}.': '"{}" is not a student of {}.',
  'Mã định danh cá nhân {} đã thuộc học sinh {} (sinh {}), khác cả họ tên và ngày sinh trên dòng này: kiểm tra lại mã định danh cá nhân.':
    'Personal id {} already belongs to student {} (born {}), who differs in both full name and date of birth from this row: check the personal id.',
  'Mã học sinh {} đã thuộc học sinh {} (sinh {}), khác cả họ tên và ngày sinh trên dòng này: kiểm tra lại mã học sinh.':
    'Student code {} already belongs to student {} (born {}), who differs in both full name and date of birth from this row: check the student code.',
  'được tiếp nhận': 'been accepted',
  'bị từ chối': 'been rejected',
  'bị huỷ': 'been cancelled',
  'đang học': 'studying',
  'đã chuyển đi': 'transferred out',
  'đã thôi học': 'dropped out',
  'đã tốt nghiệp': 'graduated',
  'lý do từ chối': 'reason for rejecting',
  'lý do huỷ đề nghị': 'reason for cancelling the request',
  'lý do chuyển trường': 'reason for the transfer',
  'mã trường chuyển đến': 'code of the school to transfer to',
  'Dòng này đang bị ẩn (ẩn tay hoặc do bộ lọc): hãy bỏ ẩn nếu cần nhập, hoặc xoá dòng, rồi nhập lại.':
    'This row is hidden (by hand or by a filter): unhide it if it is to be imported, or delete the row, then import again.',
  'Tuổi {} không phù hợp với cán bộ, giáo viên, nhân viên (18–70).':
    'Age {} does not fit a staff member, teacher or employee (18–70).',
  'Vị trí "{}" không hợp lệ: cần "Giáo viên", "Cán bộ quản lý" hoặc "Nhân viên".':
    'Position "{}" is not valid: expected "Giáo viên" (teacher), "Cán bộ quản lý" (manager) or "Nhân viên" (employee).',
  'Trùng với dòng {}.': 'Same as row {}.',
  'Không có trường mã "{}" trong cây đơn vị.':
    'There is no school with code "{}" in the unit tree.',
  'Trường "{}" nằm ngoài phạm vi quản lý của bạn.': 'School "{}" is outside your scope.',
  '"{}" không phải ngày có thật dạng dd/mm/yyyy.':
    '"{}" is not a real date in the form dd/mm/yyyy.',
  'Mã định danh cá nhân phải gồm đúng 12 chữ số.':
    'A personal id number must be exactly 12 digits.',
  'Mã định danh {} trùng với dòng {}.': 'Personal id {} repeats row {}.',
  'Mã học sinh gồm 1–20 chữ cái hoặc chữ số.': 'A student code is 1–20 letters or digits.',
  'Mã học sinh {} trùng với dòng {}.': 'Student code {} repeats row {}.',
  'Số điện thoại "{}" cần 10 chữ số, bắt đầu bằng 0.':
    'Phone number "{}" needs 10 digits, starting with 0.',
  'Lớp "{}" chưa có ở trường {} năm học {} (chọn "tạo lớp mới" để tạo).':
    'Class "{}" does not exist yet at school {} in school year {} (choose "tạo lớp mới" (create new classes) to create it).',
  'Không suy ra được khối từ tên lớp "{}": lớp mầm non phải được tạo trước.':
    'The grade cannot be inferred from class name "{}": a preschool class must be created first.',
  'Tuổi {} (ngày sinh {}) không phù hợp với {} (cần {}–{} tuổi).':
    'Age {} (born {}) does not fit {} (ages {}–{} expected).',
  'cấp học của trường': "the school's levels",
  'Cấp dạy "{}" không hợp lệ: cần "Mầm non", "Tiểu học", "THCS" hoặc "THPT".':
    'Level taught "{}" is not valid: "Mầm non", "Tiểu học", "THCS" or "THPT" expected.',
};
