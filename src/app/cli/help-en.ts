/**
 * The `sogd` help in English (`sogd --lang en …`): every command's, option's
 * and argument's description, keyed by its Vietnamese text (the default).
 * Plain data, loaded only with `--lang en`. `help-language.test.ts` fails
 * when a command's text has no English here.
 */
export const HELP_EN: Record<string, string> = {
  'Nền tảng số ngành Giáo dục và Đào tạo — dòng lệnh':
    'Digital platform of the Department of Education and Training — command line',
  'ngôn ngữ của trợ giúp: vi (mặc định) hoặc en': 'language of the help: vi (default) or en',
  'Chạy máy chủ web (API + giao diện)': 'Run the web server (API + web UI)',
  'cổng HTTP (mặc định PORT hoặc 3000)': 'HTTP port (default PORT or 3000)',
  'địa chỉ lắng nghe (mặc định HOST hoặc 127.0.0.1)':
    'address to listen on (default HOST or 127.0.0.1)',
  'không tạo tỉnh mẫu khi cơ sở dữ liệu trống':
    'do not create the demo province when the database is empty',
  'số trường của tỉnh mẫu': 'schools in the demo province',
  'số học sinh của tỉnh mẫu': 'students in the demo province',
  'Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất':
    'Migrate the database schema to the latest version',
  'Sao lưu cơ sở dữ liệu nhúng (PGlite) ra một tệp .tar.gz':
    'Back up the embedded database (PGlite) to a .tar.gz file',
  'Khôi phục cơ sở dữ liệu nhúng từ tệp sao lưu (dữ liệu hiện có được giữ lại bên cạnh)':
    'Restore the embedded database from a backup (the current data is kept beside it)',
  'Nhập dữ liệu từ tệp Excel': 'Import data from an Excel file',
  'Nhập cây đơn vị (docs/formats/org-import.md)':
    'Import the unit tree (docs/formats/org-import.md)',
  'chỉ kiểm tra và báo cáo, không ghi gì': 'only check and report, write nothing',
  'Nhập danh sách học sinh (docs/formats/student-import.md)':
    'Import a student list (docs/formats/student-import.md)',
  'năm học, ví dụ 2025-2026': 'school year, e.g. 2025-2026',
  'tạo lớp chưa có (khối lấy từ số đầu tên lớp)':
    "create missing classes (grade from the class name's first number)",
  'Nhập danh sách cán bộ, giáo viên, nhân viên (docs/registry-imports.md, "Staff list import")':
    'Import a staff list (docs/registry-imports.md, "Staff list import")',
  'Như "diplomas issue"': 'As "diplomas issue"',
  'họ tên người ký': "signer's full name",
  'chức danh người ký': "signer's title",
  'mã đơn vị cấp': 'code of the issuing unit',
  'upper_secondary | lower_secondary': 'upper_secondary | lower_secondary',
  'ngày cấp': 'issue date',
  'chỉ kiểm tra, không cấp': 'only check, issue nothing',
  'Xuất dữ liệu ra tệp Excel': 'Export data to an Excel file',
  'Xuất cây đơn vị theo đúng định dạng nhập': 'Export the unit tree in the import format',
  'Sổ đăng bộ: lên lớp': 'Registry: promotion',
  'Lên lớp cho một trường: năm học --from sang năm sau (docs/schools.md, "School year")':
    'Promote a school: school year --from to the next (docs/schools.md, "School year")',
  'mã trường': 'school code',
  'năm học kết thúc, ví dụ 2025-2026': 'school year that ends, e.g. 2025-2026',
  'chỉ xem trước, không ghi gì': 'preview only, write nothing',
  'tệp văn bản: mỗi dòng một mã học sinh, mã định danh hoặc id ở lại lớp':
    'text file: one student code, personal id or id per line, of students repeating the year',
  'Khoá ký văn bằng (mã hoá bằng SOGD_KEY_PASSPHRASE)':
    'Diploma signing keys (encrypted with SOGD_KEY_PASSPHRASE)',
  'Tạo khoá ký đầu tiên cho đơn vị cấp': 'Create the first signing key of an issuing unit',
  'mã đơn vị cấp văn bằng': 'code of the unit issuing diplomas',
  'Tạo khoá mới, khoá cũ ngừng ký nhưng vẫn được công bố để xác minh':
    'Create a new key; the old one stops signing but stays published for verification',
  'Liệt kê khoá công khai (kể cả khoá đã thay)': 'List the public keys (replaced ones too)',
  'Văn bằng': 'Diplomas',
  'Cấp văn bằng từ danh sách công nhận tốt nghiệp (xlsx)':
    'Issue diplomas from a graduation list (xlsx)',
  'Xác minh chứng chỉ .json hoặc mã QR (văn bản hay ảnh PNG); mã thoát 0 hợp lệ, 1 không hợp lệ, 2 không đọc được':
    'Verify a .json credential or a QR code (text or PNG image); exit 0 valid, 1 invalid, 2 unreadable',
  'Tuyển sinh': 'Admissions',
  'Xét tuyển theo nguyện vọng và chỉ tiêu (docs/formats/admissions-allocation.md)':
    'Allocate by preferences and quotas (docs/formats/admissions-allocation.md)',
  'programs.csv: chương trình và chỉ tiêu': 'programs.csv: programmes and quotas',
  'applications.csv: nguyện vọng và điểm': 'applications.csv: preferences and scores',
  'thư mục ghi assignments.csv và cutoffs.csv':
    'folder to write assignments.csv and cutoffs.csv to',
  'điểm cộng thêm cần có cho mỗi nguyện vọng sau (D)':
    'extra points needed for each later preference (D)',
  'admit-all | tiebreak': 'admit-all | tiebreak',
  'hạt giống bốc thăm (tiebreak)': 'seed of the draw (tiebreak)',
  'ghi giải thích kết quả (CSV, xem docs/admissions-allocation.md)':
    'write an explanation of the results (CSV, see docs/admissions-allocation.md)',
  'Kỳ tuyển sinh': 'Admission campaigns',
  'Tạo kỳ tuyển sinh: năm học, lịch và quy định':
    'Create an admission campaign: school year, dates and rules',
  'tên kỳ tuyển sinh': 'name of the campaign',
  'năm học thí sinh trúng tuyển sẽ học, ví dụ 2027-2028':
    'school year the admitted candidates will study in, e.g. 2027-2028',
  'lớp tuyển': 'grade admitted',
  'lớp tuyển: 10, hoặc 1, 6 (tuyển sinh đầu cấp)': 'grade admitted: 10, or 1, 6 (entry grades)',
  'số nguyện vọng tối đa (mặc định 3; lớp 1, 6: 1)':
    'most preferences allowed (default 3; grades 1, 6: 1)',
  'lớp 1, 6: hạt giống bốc thăm công bố (mặc định ngẫu nhiên)':
    'grades 1, 6: the published lottery seed (default random)',
  'lớp 1, 6: thứ tự ưu tiên, ví dụ permanent-residence,sibling,distance':
    "grades 1, 6: the commune's priority order, e.g. permanent-residence,sibling,distance",
  'lớp 1, 6: giấy tờ gia đình tải lên, ví dụ residence,birth-certificate,primary-record':
    'grades 1, 6: the documents families upload, e.g. residence,birth-certificate,primary-record',
  'lớp 1, 6: không điều tiết trẻ chưa có chỗ sang trường gần nhất':
    'grades 1, 6: do not offer children left without a seat the nearest school with seats',
  'mở đăng ký': 'registration opens',
  'đóng đăng ký': 'registration closes',
  'hạn xác nhận nhập học': 'deadline to confirm enrolment',
  'số nguyện vọng tối đa': 'most preferences allowed',
  'điểm cần thêm ở mỗi nguyện vọng sau (D)': 'extra points needed at each later preference (D)',
  'Chương trình và chỉ tiêu': 'Programmes and quotas',
  'Nhập programs.csv: program,school_code,quota[,zone][,track][,unzoned][,classes]':
    'Import programs.csv: program,school_code,quota[,zone][,track][,unzoned][,classes]',
  'Thí sinh': 'Candidates',
  'Cấp mã và PIN cho học sinh lớp 9; ghi phiếu ra tệp CSV':
    'Issue codes and PINs to grade-9 students; write the slips to a CSV file',
  'tệp phiếu: code,pin,student_code,full_name,school_code':
    'slips file: code,pin,student_code,full_name,school_code',
  'Điểm xét tuyển': 'Admission scores',
  'Nhập điểm: code,score (0–100, tối đa 2 chữ số thập phân)[,program: điểm riêng của một chương trình]':
    'Import scores: code,score (0–100, at most 2 decimals)[,program: the score for that programme only]',
  'vòng: specialised (chuyên, tích hợp) hoặc regular':
    'stage: specialised (specialised and integrated classes) or regular',
  'Công bố kết quả vòng chuyên, tích hợp; thí sinh trúng tuyển xác nhận trước hạn':
    'Publish the specialised stage; admitted candidates confirm by the deadline',
  'hạn xác nhận (ISO 8601 có múi giờ)': 'confirmation deadline (ISO 8601 with an offset)',
  'Chuyển học sinh trúng tuyển đã xác nhận nhập học sang cơ sở dữ liệu ngành (chờ xếp lớp)':
    'Hand the admitted candidates who confirmed over to the sector database (awaiting a class)',
  'mã kỳ tuyển sinh (đã công bố kết quả)': 'campaign id (results published)',
  'Ghi programs.csv và applications.csv (nguyện vọng có hiệu lực khi đóng đăng ký)':
    'Write programs.csv and applications.csv (the preferences in force at closing)',
  'thư mục': 'folder',
  'Xét tuyển kỳ tuyển sinh trên đúng dữ liệu "export"; lưu bản nháp kết quả':
    'Allocate the campaign on exactly the "export" data; keep the results as a draft',
  'Công bố kết quả xét tuyển': 'Publish the admission results',
  'Văn bản đi, đến và ký số (Nghị định 30/2020/NĐ-CP)':
    'Outgoing and incoming documents, digital signatures (Decree 30/2020/NĐ-CP)',
  'Cấp số và vào sổ một văn bản đi của đơn vị (Điều 15)':
    "Number and register one of the unit's outgoing documents (Article 15)",
  'mã đơn vị ban hành': 'code of the issuing unit',
  'ký hiệu loại văn bản (Phụ lục III: QĐ, KH, TB, BC, TTr, CT…; CV: công văn)':
    'document type symbol (Annex III: QĐ, KH, TB, BC, TTr, CT…; CV: official letter)',
  'trích yếu nội dung': 'subject',
  'ngày văn bản (mặc định: hôm nay, giờ Việt Nam)': 'document date (default: today, Vietnam time)',
  'tên viết tắt đơn vị soạn thảo (ví dụ VP)': 'abbreviation of the drafting division (e.g. VP)',
  'Ký số một tệp PDF bằng chứng thư của đơn vị (PAdES, cập nhật gia tăng)':
    "Sign a PDF with the unit's certificate (PAdES, incremental update)",
  'tệp PDF đã ký': 'signed PDF file',
  'mã đơn vị ký': 'code of the signing unit',
  'tệp PDF cần ký': 'PDF file to sign',
  'Khai báo tên viết tắt của đơn vị (ghi trong ký hiệu văn bản) và các phòng soạn thảo':
    "Set the unit's abbreviation (used in document symbols) and its drafting divisions",
  'mã đơn vị': 'unit code',
  'tên viết tắt, ví dụ SGDĐT': 'abbreviation, e.g. SGDĐT',
  'tên viết tắt các đơn vị soạn thảo, cách nhau bởi dấu phẩy':
    'abbreviations of the drafting divisions, separated by commas',
  'Báo cáo': 'Reports',
  'Thừa, thiếu giáo viên theo định mức, mỗi trường và cấp học (docs/formats/reports-teachers.md)':
    'Teachers over and under the norms, per school and level (docs/formats/reports-teachers.md)',
  'năm học, ví dụ 2026-2027': 'school year, e.g. 2026-2027',
  'tệp CSV ghi ra': 'CSV file to write',
  'mã đơn vị (mặc định: toàn bộ cây đơn vị)': 'unit code (default: the whole unit tree)',
  'Tạo một tỉnh mẫu sinh tự động (đơn vị, trường, lớp, học sinh, giáo viên) vào cơ sở dữ liệu trống':
    'Create a generated demo province (units, schools, classes, students, teachers) in an empty database',
  'số trường': 'number of schools',
  'số học sinh': 'number of students',
  'hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)': 'random seed (same seed, same data)',
  'năm học': 'school year',
  'ngày cấp (không sau hôm nay)': 'issue date (not after today)',
  'Các bộ tiêu chuẩn kiểm định, chuẩn quốc gia có sẵn: căn cứ, hiệu lực, độ tin cậy':
    'The accreditation and national-standard sets shipped: legal basis, effective dates, confidence',
  'Dịch vụ công: thời hạn, lịch làm việc': 'Public services: deadlines, the working calendar',
  'Ngày hẹn trả kết quả của một hồ sơ nhận lúc --received (giờ Việt Nam)':
    'The due date of an application received at --received (Vietnam time)',
  'ban-sao-van-bang | chinh-sua-van-bang | cong-nhan-van-bang-nuoc-ngoai':
    'ban-sao-van-bang (certified copy) | chinh-sua-van-bang (correction) | cong-nhan-van-bang-nuoc-ngoai (foreign diploma recognition)',
  'thời điểm nhận, ISO 8601 có múi giờ': 'when it was received, ISO 8601 with an offset',
  'Lịch nghỉ lễ, nghỉ bù, làm bù': 'Public holidays, days off in lieu, make-up working days',
  'Nhập tệp CSV "date,kind,name" (kind: nghỉ | làm bù); mỗi năm có trong tệp thay thế cả năm đó':
    'Import a CSV file "date,kind,name" (kind: the Vietnamese words for a day off or a make-up working day); each year in the file replaces that whole year',
};

/** Commander's own words, in English as commander writes them. */
export const HEADINGS_EN: Record<string, string> = {};
