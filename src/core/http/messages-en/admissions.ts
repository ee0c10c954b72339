/** English of the admissions module's problem texts (see ../problem-language.ts). */
export const ADMISSIONS_EN: Record<string, string> = {
  'kỳ tuyển sinh': 'admissions campaign',
  'Đã hết hạn đăng ký: không ghi thêm thí sinh tự do.':
    'Registration has closed: no more independent candidates are recorded.',
  'Thí sinh tự do do một trường THCS của kỳ tuyển sinh ghi nhận.':
    'Independent candidates are recorded by a lower secondary school of the campaign.',
  '{} không phải trường THCS thuộc đơn vị tổ chức kỳ tuyển sinh.':
    '{} is not a lower secondary school under the unit running the campaign.',
  'Ngày sinh không hợp lệ cho thí sinh vào lớp 10.':
    'The date of birth is not valid for a grade 10 candidate.',
  'Năm sinh {}: thí sinh vào lớp 10 năm {} phải đủ 14 tuổi (sinh từ {} đến {}).':
    'Year of birth {}: a candidate entering grade 10 in {} must be 14 years old (born from {} to {}).',
  'Chưa hết hạn đăng ký': 'Registration has not closed',
  'Chỉ xét tuyển sau khi đóng đăng ký ({}). Chưa xét gì.':
    'Allocation runs only after registration closes ({}). Nothing was allocated.',
  'Kết quả đã công bố: không xét tuyển lại.':
    'The results have been published: allocation is not run again.',
  'Đã xét tuyển vòng thường: không xét lại vòng chuyên, tích hợp.':
    'The regular round has been allocated: the specialised/integrated round is not run again.',
  'Kết quả vòng chuyên, tích hợp đã công bố: không xét lại.':
    "The specialised/integrated round's results have been published: it is not run again.",
  'Kỳ tuyển sinh có chương trình chuyên, tích hợp: hãy xét và công bố vòng chuyên trước (--stage specialised).':
    'The campaign has specialised/integrated programmes: allocate and publish the specialised round first (--stage specialised).',
  'Chưa hết hạn xác nhận vòng chuyên, tích hợp ({}): thí sinh trúng tuyển còn được xác nhận hoặc từ chối.':
    'The confirmation deadline of the specialised/integrated round ({}) has not passed: admitted candidates may still confirm or decline.',
  'Không có nguyện vọng': 'No preferences',
  'Không có thí sinh nào có nguyện vọng có hiệu lực khi đóng đăng ký: không có gì để xét tuyển.':
    'No candidate had a valid preference when registration closed: there is nothing to allocate.',
  'kết quả (chưa công bố)': 'results (not published)',
  'thí sinh': 'candidate',
  'Mã thí sinh hoặc mã PIN không đúng.': 'Wrong candidate code or PIN.',
  'Bạn cần đăng nhập bằng mã thí sinh và mã PIN trên phiếu.':
    'You need to sign in with the candidate code and PIN on your slip.',
  'Phiên đăng nhập đã hết hạn; hãy đăng nhập lại bằng mã thí sinh và mã PIN.':
    'The session has expired; sign in again with the candidate code and PIN.',
  'Yêu cầu thiếu hoặc sai mã x-candidate-csrf của thí sinh. Hãy tải lại trang và đăng nhập lại bằng phiếu.':
    "The candidate's x-candidate-csrf token is missing or wrong. Reload the page and sign in again with your slip.",
  'Lịch tuyển sinh không đúng thứ tự: {}': 'The admissions schedule is out of order: {}',
  'Không có vòng chuyên': 'No specialised round',
  'Kỳ tuyển sinh không có chương trình chuyên hay tích hợp (cột track của programs.csv).':
    'The campaign has no specialised or integrated programmes (the track column of programs.csv).',
  'Thiếu điểm xét tuyển': 'Admission scores missing',
  '{} thí sinh có nguyện vọng nhưng chưa có điểm xét tuyển ({}{}). Hãy nhập điểm trước khi xuất hoặc xét tuyển.':
    '{} candidates have preferences but no admission score yet ({}{}). Enter the scores before exporting or allocating.',
  'Chưa công bố kết quả: chỉ chuyển học sinh trúng tuyển sang cơ sở dữ liệu ngành sau khi công bố kết quả và thí sinh xác nhận nhập học.':
    'Results not published: admitted students are moved to the sector database only after the results are published and candidates confirm enrolment.',
  'Kỳ tuyển sinh đã xét tuyển: không sửa được danh sách tuyển thẳng.':
    'The campaign has been allocated: the direct-admission list can no longer be edited.',
  'Không có thí sinh mã "{}".': 'There is no candidate with code "{}".',
  'Thí sinh {} đã có ở dòng {}.': 'Candidate {} is already on row {}.',
  'Không có chương trình "{}" trong kỳ tuyển sinh.': 'There is no programme "{}" in the campaign.',
  'Chương trình {} chỉ có {} chỉ tiêu: không tuyển thẳng thêm được.':
    'Programme {} has only {} places: no more direct admissions are possible.',
  'Cần ghi căn cứ tuyển thẳng (điểm, khoản của Điều 14 TT 30/2024 và quyết định).':
    'The basis for direct admission is needed (point and clause of Article 14 of Circular 30/2024, and the decision).',
  'Kỳ tuyển sinh đã xét tuyển: không sửa được chương trình và chỉ tiêu.':
    'The campaign has been allocated: programmes and quotas can no longer be edited.',
  'Đã xét tuyển vòng chuyên, tích hợp: không sửa được chương trình và chỉ tiêu.':
    'The specialised/integrated round has been allocated: programmes and quotas can no longer be edited.',
  'Mã chương trình "{}" không hợp lệ: 1–64 chữ cái, chữ số, "-", "_", ".".':
    'Programme code "{}" is not valid: 1–64 letters, digits, "-", "_", ".".',
  'Chương trình {} đã có ở dòng {}.': 'Programme {} is already on row {}.',
  'Không có trường mã "{}" trong đơn vị tổ chức kỳ tuyển sinh.':
    'There is no school with code "{}" under the unit running the campaign.',
  'Trường {} ({}) không phải trường THPT đang hoạt động.':
    'School {} ({}) is not an active upper secondary school.',
  'Chỉ tiêu "{}" không hợp lệ: cần số nguyên ≥ 0.':
    'Quota "{}" is not valid: a whole number ≥ 0 is expected.',
  'Khu vực "{}" không hợp lệ: 1–32 chữ cái, chữ số, "-", "_", ".".':
    'Zone "{}" is not valid: 1–32 letters, digits, "-", "_", ".".',
  'Loại chương trình "{}" không hợp lệ: cần regular (thường), specialised (chuyên) hoặc integrated (tích hợp).':
    'Programme type "{}" is not valid: expected regular, specialised or integrated.',
  'Kết quả đã công bố: không sửa được điểm xét tuyển.':
    'The results have been published: admission scores can no longer be edited.',
  'Điểm của thí sinh {} cho chương trình {} đã có ở dòng {}.':
    'The score of candidate {} for programme {} is already on row {}.',
  'Kết quả vòng chuyên, tích hợp đã công bố: không sửa được điểm riêng của chương trình {}.':
    "The specialised/integrated round's results have been published: the programme's own scores for {} can no longer be edited.",
  'Điểm "{}" không hợp lệ: cần số từ 0 đến 100, tối đa 2 chữ số thập phân.':
    'Score "{}" is not valid: a number from 0 to 100 with at most 2 decimals is expected.',
  'Kỳ tuyển sinh đã xét tuyển: không sửa được khu vực tuyển sinh của thí sinh.':
    "The campaign has been allocated: candidates' admission zones can no longer be edited.",
  'Kỳ tuyển sinh đã xét tuyển: không cấp thêm phiếu.':
    'The campaign has been allocated: no more slips are issued.',
  'thí sinh có mã và ngày sinh này': 'candidate with this code and date of birth',
  'Đã hết hạn đăng ký ({}): không nộp thêm minh chứng ưu tiên. Chưa lưu gì.':
    'Registration has closed ({}): no more priority evidence is accepted. Nothing was saved.',
  'Nhóm ưu tiên "{}" không có: none, group1, group2, group3.':
    'There is no priority group "{}": none, group1, group2, group3.',
  'Giải "{}" không có: none, first, second, third.':
    'There is no award "{}": none, first, second, third.',
  'Hãy chọn nhóm ưu tiên hoặc giải được khuyến khích.':
    'Choose a priority group or an award that earns a bonus.',
  '{} Chưa lưu gì.': '{} Nothing was saved.',
  'minh chứng ưu tiên': 'priority evidence',
  'Kết quả đã công bố: không xét lại minh chứng ưu tiên.':
    'The results have been published: priority evidence is not reviewed again.',
  'Hãy ghi lý do không chấp nhận minh chứng để gia đình bổ sung.':
    'Write the reason the evidence is not accepted so the family can add to it.',
  'Cần lý do khi không chấp nhận.': 'A reason is needed when not accepting.',
  'Không còn tệp': 'File no longer available',
  'Tệp minh chứng không còn trong kho lưu trữ.': 'The evidence file is no longer in storage.',
  'Chưa xét tuyển: chưa có kết quả để công bố.':
    'Not allocated yet: there are no results to publish.',
  'Kết quả đã được công bố.': 'The results have already been published.',
  'phiên bản đăng ký nguyện vọng': 'version of the preference registration',
  'Đã hết hạn xác nhận nhập học ({}).': 'The enrolment confirmation deadline has passed ({}).',
  'Bạn không trúng tuyển chương trình nào: không có gì để xác nhận.':
    'You were not admitted to any programme: there is nothing to confirm.',
  'Chỗ học đã bị huỷ vì không xác nhận đúng hạn.':
    'The place was cancelled because it was not confirmed in time.',
  'Tra cứu quá nhiều lần': 'Too many lookups',
  'Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau {} giây.':
    'You have looked up too many times in a short time. Please try again in {} seconds.',
  'Chưa xét tuyển vòng chuyên, tích hợp: chưa có kết quả để công bố.':
    'The specialised/integrated round has not been allocated: there are no results to publish.',
  'Kết quả vòng chuyên, tích hợp đã được công bố.':
    "The specialised/integrated round's results have already been published.",
  'Hạn xác nhận vòng chuyên, tích hợp phải sau thời điểm công bố ({}).':
    "The specialised/integrated round's confirmation deadline must be after the publication time ({}).",
  'kết quả vòng chuyên, tích hợp (chưa công bố)':
    'specialised/integrated round results (not published)',
  'Đã hết hạn xác nhận vòng chuyên, tích hợp{}.':
    "The specialised/integrated round's confirmation deadline has passed{}.",
  'Bạn không trúng tuyển vòng chuyên, tích hợp: không có gì để xác nhận.':
    'You were not admitted in the specialised/integrated round: there is nothing to confirm.',
  'Nguyện vọng không hợp lệ': 'Invalid preferences',
  'Chưa đến thời gian đăng ký: đăng ký mở từ {}. Chưa lưu gì.':
    'Registration has not opened yet: it opens on {}. Nothing was saved.',
  'Đã hết hạn đăng ký và thay đổi nguyện vọng ({}). Chưa lưu gì.':
    'Registration and preference changes have closed ({}). Nothing was saved.',
  'Đã hết hạn đăng ký ({}); số liệu đăng ký đã công bố. Thí sinh đã đăng ký được điều chỉnh nguyện vọng từ {} đến {}. Chưa lưu gì.':
    'Registration has closed ({}); the registration figures have been published. Registered candidates may change their preferences from {} to {}. Nothing was saved.',
  'Đợt điều chỉnh chỉ dành cho thí sinh đã đăng ký trước {}; bạn chưa đăng ký nguyện vọng nào trước thời điểm đó. Chưa lưu gì.':
    'The change period is only for candidates registered before {}; you had no preferences registered before then. Nothing was saved.',
  'Chỉ được đăng ký tối đa {} nguyện vọng (đã chọn {}).':
    'At most {} preferences may be registered ({} chosen).',
  'Nguyện vọng {}: không có chương trình "{}" trong kỳ tuyển sinh.':
    'Preference {}: there is no programme "{}" in the campaign.',
  'Nguyện vọng {}: chương trình {} đã chọn ở nguyện vọng {}.':
    'Preference {}: programme {} was already chosen as preference {}.',
  'Bạn chưa được xếp khu vực tuyển sinh: hãy liên hệ trường THCS trước khi đăng ký.':
    'You have not been assigned an admission zone: contact your lower secondary school before registering.',
  'Nguyện vọng {}: chương trình {} không thuộc khu vực tuyển sinh {} của bạn (nguyện vọng 1 đến {} phải trong khu vực).':
    'Preference {}: programme {} is not in your admission zone {} (preferences 1 to {} must be in the zone).',
  'Đơn đăng ký nguyện vọng': 'Preference registration',
  'Thời gian đóng đăng ký phải sau thời gian mở đăng ký (opensAt).':
    'The registration closing time must be after the opening time (opensAt).',
  'Hạn xác nhận nhập học phải sau thời gian đóng đăng ký (closesAt).':
    'The enrolment confirmation deadline must be after the registration closing time (closesAt).',
  'Đợt điều chỉnh nguyện vọng cần cả hai thời điểm: hết hạn đăng ký (firstClosesAt) và mở điều chỉnh (changeOpensAt).':
    'A preference change period needs both times: the registration deadline (firstClosesAt) and the change opening (changeOpensAt).',
  'Hết hạn đăng ký (firstClosesAt) phải sau khi mở và trước khi đóng hẳn (closesAt).':
    'The registration deadline (firstClosesAt) must be after opening and before the final close (closesAt).',
  'Mở điều chỉnh nguyện vọng (changeOpensAt) phải từ lúc hết hạn đăng ký đến trước khi đóng hẳn (closesAt).':
    'The preference change opening (changeOpensAt) must be from the registration deadline to before the final close (closesAt).',
  'Chỉ tuyển bổ sung sau khi công bố kết quả.':
    'Supplementary admission only after the results are published.',
  'Kỳ tuyển sinh': 'Admissions campaign',
  'Kỳ tuyển sinh đã mở đăng ký': 'The campaign has opened registration',
  'Kỳ tuyển sinh đã mở đăng ký từ {}: không thay đổi {} nữa, vì các gia đình đã đăng ký theo quy định này. Chưa lưu gì.':
    'The campaign opened registration on {}: {} can no longer change, because families registered under these rules. Nothing was saved.',
  'Không sửa được sau khi đã mở đăng ký.': 'Cannot be edited after registration has opened.',
  'Kết quả đã công bố': 'Results published',
  'Kết quả đã công bố: hạn xác nhận nhập học đã báo cho thí sinh, không sửa được nữa. Chưa lưu gì.':
    'The results have been published: the enrolment confirmation deadline was announced to candidates and can no longer change. Nothing was saved.',
  'Thiếu cột "{}".': 'Column "{}" is missing.',
  'xã/phường này trong phạm vi của bạn': 'commune/ward within your scope',
  'Chưa chọn tệp Excel tuyến tuyển sinh để nhập.':
    'No Excel file of admission catchments was chosen to import.',
  'thời gian mở đăng ký': 'the registration opening time',
  'thời gian đóng đăng ký': 'the registration closing time',
  'số nguyện vọng tối đa': 'the maximum number of preferences',
  'điểm chênh giữa các nguyện vọng': 'the score gap between preferences',
  'cách xử lý bằng điểm': 'the tie-breaking rule',
  'khu vực tuyển sinh': 'the admission zones',
  'đợt điều chỉnh nguyện vọng': 'the preference change period',
  'Thiếu mã xã/phường.': 'Missing commune/ward code.',
  'Thiếu mã khu dân cư.': 'Missing residential area code.',
  'Mã khu dân cư "{}" không hợp lệ: cần 1–32 chữ cái, chữ số, "-" hoặc "_".':
    'Residential area code "{}" is not valid: 1–32 letters, digits, "-" or "_" expected.',
  'Thiếu tên khu dân cư (thôn, tổ dân phố).':
    'Missing residential area name (village, neighbourhood group).',
  'Thiếu lớp tuyển sinh: ghi 1 (tiểu học) hoặc 6 (THCS).':
    'Missing admission grade: write 1 (primary) or 6 (lower secondary).',
  'Lớp "{}" không hợp lệ: chỉ tuyển sinh đầu cấp lớp 1 hoặc lớp 6.':
    'Grade "{}" is not valid: admissions are only to the first grade of a level, grade 1 or grade 6.',
  'Thiếu mã trường phục vụ khu dân cư này.':
    'Missing the code of the school serving this residential area.',
  'Ghi cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.':
    'Write both latitude and longitude, or leave both empty.',
  'Không có xã/phường mã "{}" trong phạm vi của bạn.':
    'There is no commune/ward with code "{}" within your scope.',
  'Đơn vị "{}" ({}) không phải xã/phường.': 'Unit "{}" ({}) is not a commune/ward.',
  'Không có trường mã "{}" trong phạm vi của bạn.':
    'There is no school with code "{}" within your scope.',
  '{} không có cấp {}: không tuyển sinh lớp {}.':
    '{} has no {} level: it does not admit to grade {}.',
  'tiểu học': 'primary',
  'Khu dân cư "{}" đã ghi khác ở dòng {} (tên hoặc toạ độ phải giống nhau).':
    'Residential area "{}" is written differently on row {} (the name and coordinates must be the same).',
  'Dòng này trùng dòng {}.': 'This row repeats row {}.',
  'Vĩ độ': 'Latitude',
  'Kinh độ': 'Longitude',
  THCS: 'lower secondary',
  'Quá nhiều lần đăng nhập sai': 'Too many failed sign-ins',
  'Đã có quá nhiều lần nhập sai mã thí sinh hoặc mã PIN. Vui lòng thử lại sau {}.':
    'There have been too many wrong candidate codes or PINs. Please try again in {}.',
  '{} giây': '{} seconds',
  '{} phút': '{} minutes',
  'Mã chương trình gồm 1–64 chữ cái, chữ số, "-", "_", "."':
    'A programme code is 1–64 letters, digits, "-", "_", "."',
  'Tối đa 2 chữ số thập phân': 'At most 2 decimals',
  'Ngày sinh dạng yyyy-mm-dd': 'Date of birth in the form yyyy-mm-dd',
  'Trẻ sinh năm {}: vào lớp 1 năm học {} phải sinh năm {} (Luật Giáo dục 2019, Điều 28). Nếu trẻ thuộc diện vào học sớm hoặc muộn hơn, hãy ghi lý do ngoại lệ.':
    'A child born in {}: entering grade 1 in school year {} must be born in {} (Education Law 2019, Article 28). If the child is admitted early or late, write the reason for the exception.',
  // Entry-grade campaigns (grade 1 and 6).
  'Chưa công bố kết quả: chưa có trẻ trúng tuyển để xác nhận hồ sơ.':
    'The results are not published: no child has been admitted whose documents could be confirmed.',
  'Chỉ tuyển sinh lớp 1, lớp 6 có trường không theo tuyến.':
    'Only grade-1 and grade-6 admissions have schools outside zoning.',
  'Chỉ được chọn tối đa {} trường (đã chọn {}).': 'At most {} schools may be chosen ({} chosen).',
  'Cột unzoned "{}" không hợp lệ: cần 1 (trường không theo tuyến) hoặc để trống.':
    'Column unzoned "{}" is not valid: 1 (a school outside zoning) or blank expected.',
  'Danh sách nơi cư trú chưa có tuyến chỉ có ở tuyển sinh lớp 1, lớp 6.':
    'The list of residences no catchment serves exists only for grade-1 and grade-6 admissions.',
  'Gia đình trẻ {} đã từ chối hoặc không xác nhận đúng hạn: không còn chỗ học.':
    'The family of child {} declined or did not confirm in time: the place is no longer held.',
  'Hồ sơ không xét được': 'Applications that cannot be assigned',
  'Anh/chị/em đã khai đang học tại một trường không còn trong các trường chọn: hãy bỏ phần khai anh/chị/em hoặc chọn lại trường đó.':
    'The sibling declared studies at a school no longer chosen: remove the sibling or choose that school again.',
  'Hồ sơ đăng ký không hợp lệ': 'Invalid application',
  'Hồ sơ đăng ký tuyển sinh': 'The admission application',
  'Khu dân cư (thôn, tổ dân phố) đã chọn không có trong danh sách của kỳ tuyển sinh: hãy chọn lại từ danh sách.':
    "The residential area (village, residential group) chosen is not in the campaign's list: choose again from the list.",
  'Khu dân cư {} chưa có trường tuyển; chỉ chọn được trường thuộc xã/phường của khu hoặc trường không theo tuyến.':
    "No school serves residential area {} yet; only a school of the area's commune or a school outside zoning may be chosen.",
  'Không có hồ sơ': 'No applications',
  'Không tìm thấy học sinh đang học tại {} có mã định danh và ngày sinh đã khai: kiểm tra lại hai thông tin này, hoặc bỏ phần khai anh/chị/em.':
    'No student studying at {} has the personal id and date of birth given: check these two, or remove the sibling.',
  'Không có trẻ nào có hồ sơ đăng ký có hiệu lực khi đóng đăng ký: không có gì để xét tuyển.':
    'No child had an application in force when registration closed: there is nothing to assign.',
  'Kỳ tuyển sinh lớp 10 xét theo điểm, không theo tuyến.':
    'Grade-10 admissions go by scores, not by catchment.',
  'Kỳ tuyển sinh lớp 10 đăng nhập bằng mã thí sinh và mã PIN trên phiếu.':
    'Grade-10 admissions sign in with the candidate code and the PIN on the slip.',
  'Kỳ tuyển sinh đã xét tuyển: không sửa hồ sơ.':
    'The campaign has been assigned: applications can no longer be changed.',
  'Kỳ tuyển sinh đầu cấp do Sở hoặc một xã/phường tổ chức.':
    'An entry-grade campaign is run by the department or a commune.',
  'Kỳ tuyển sinh đầu cấp thiếu quy tắc xét.': 'The entry-grade campaign has no assignment rules.',
  'Lớp tuyển sinh: 1, 6 hoặc 10.': 'Admission grade: 1, 6 or 10.',
  'Mã định danh cá nhân của anh/chị/em gồm đúng 12 chữ số.':
    "The sibling's personal id has exactly 12 digits.",
  'Mã định danh cá nhân gồm đúng 12 chữ số.': 'A personal id has exactly 12 digits.',
  'Mã định danh cá nhân hoặc ngày sinh của trẻ không đúng, hoặc trẻ chưa có trong cơ sở dữ liệu ngành của kỳ tuyển sinh: hãy liên hệ trường mầm non, tiểu học để được cấp mã đăng ký.':
    "The child's personal id or date of birth is wrong, or the child is not yet in the sector database of this campaign: ask the preschool or primary school for a registration code.",
  'Mã định danh cá nhân không khớp trẻ: {}': 'The personal id does not match the child: {}',
  'Mã định danh của anh/chị/em trùng với mã định danh của trẻ đăng ký.':
    "The sibling's personal id is the registered child's own.",
  'Mã định danh và ngoại lệ năm sinh chỉ dùng cho tuyển sinh lớp 1, lớp 6.':
    'The personal id and the birth-year exception apply only to grade-1 and grade-6 admissions.',
  'Mỗi tiêu chí chỉ một lần.': 'Each criterion only once.',
  'Ngoại lệ năm sinh chỉ dùng cho tuyển sinh lớp 1, lớp 6.':
    'A birth-year exception applies only to grade-1 and grade-6 admissions.',
  'Quy tắc tuyển sinh đầu cấp chỉ dùng cho lớp 1 và lớp 6.':
    'Entry-grade rules apply only to grades 1 and 6.',
  'Thiếu nơi cư trú.': 'The residence is missing.',
  'Thiếu quy tắc': 'No rules',
  'Thí sinh tự do': 'Free candidate',
  'Thứ tự ưu tiên liệt kê một tiêu chí hai lần.': 'The priority order lists a criterion twice.',
  'Trường "{}" không tham gia kỳ tuyển sinh.': 'School "{}" does not take part in the campaign.',
  'Trường {} ({}) không phải trường {} đang hoạt động.':
    'School {} ({}) is not an active {} school.',
  'Trường {} đã chọn.': 'School {} is already chosen.',
  'Trường {} đã có ở dòng {}: mỗi trường một dòng chỉ tiêu lớp {}.':
    'School {} is already on row {}: one row of grade-{} seats per school.',
  'Trẻ có mã định danh {} đã có trong kỳ tuyển sinh (mã {}, {}): mỗi trẻ một hồ sơ.':
    'The child with personal id {} is already in the campaign (code {}, {}): one record per child.',
  'Trẻ ngoài cơ sở dữ liệu ngành': 'A child outside the sector database',
  'Trường nơi anh/chị/em đang học phải là một trong các trường đã chọn.':
    'The school where the sibling studies must be one of the schools chosen.',
  'Trẻ đã có hồ sơ đăng ký trong kỳ "{}" (mã {}): mỗi trẻ chỉ một hồ sơ vào lớp {}. Hãy rút hồ sơ đó trước. Chưa lưu gì.':
    'The child already has an application in campaign "{}" (code {}): one application per child for grade {}. Withdraw that one first. Nothing was saved.',
  'Tuyển sinh lớp 1, lớp 6: hãy khai nơi cư trú cùng trường chọn (PUT /entry-application). Chưa lưu gì.':
    'Grade-1 and grade-6 admissions: declare the residence with the school chosen (PUT /entry-application). Nothing was saved.',
  'Tuyển sinh lớp {} không có chương trình chuyên hay tích hợp.':
    'Grade-{} admissions have no specialised or integrated programs.',
  'Tuyển sinh lớp {} xét theo nơi cư trú, không có {} (chỉ tuyển sinh lớp 10 có).':
    'Grade-{} admissions go by residence and have no {} (only grade 10 has).',
  'Xác nhận hồ sơ của trường chỉ có ở tuyển sinh lớp 1, lớp 6.':
    "The school's documents check exists only for grade-1 and grade-6 admissions.",
  'danh sách tuyển thẳng': 'direct admission list',
  'khu vực tuyển sinh theo nguyện vọng': 'admission zones by preference',
  'kỳ tuyển sinh lớp 1, lớp 6': 'grade-1 or grade-6 campaign',
  'kỳ tuyển sinh lớp 1, lớp 6 (kỳ này là tuyển sinh lớp 10)':
    'grade-1 or grade-6 campaign (this one is a grade-10 campaign)',
  'mầm non, tiểu học': 'preschool or primary',
  'tiểu học, THCS': 'primary or lower-secondary',
  trẻ: 'child',
  'trẻ có mã này trong trường của bạn': 'child with this code in your school',
  'trẻ có mã định danh và ngày sinh này': 'child with this personal id and date of birth',
  'trẻ trúng tuyển vào trường của bạn có mã này': 'child admitted to your school with this code',
  'tệp xuất cho bộ xét tuyển theo điểm (dùng allocate-campaign)':
    'export for the score-based allocation (use allocate-campaign)',
  'vòng tuyển bổ sung theo điểm': 'score-based top-up round',
  'xã/phường': 'commune',
  '{} Chưa xét gì.': '{} Nothing was assigned.',
  '{} do một trường {} của kỳ tuyển sinh ghi nhận.': '{} recorded by a {} school of the campaign.',
  '{} không phải Sở hay xã/phường.': '{} is neither the department nor a commune.',
  '{} không phải trường {} thuộc đơn vị tổ chức kỳ tuyển sinh.':
    '{} is not a {} school under the unit running the campaign.',
  '{} không tuyển sinh khu dân cư {}: hãy chọn một trường tuyển khu này hoặc một trường không theo tuyến.':
    '{} does not admit from residential area {}: choose a school serving this area or a school outside zoning.',
  'điểm xét tuyển': 'admission scores',
  'Mã khu dân cư gồm 1–32 chữ cái, chữ số, dấu - hoặc _.':
    'A residential area code is 1–32 letters, digits, - or _.',
  'khu dân cư mã "{}" của {}': 'residential area "{}" of {}',
  'Khu dân cư "{}" chưa có: ghi tên khu dân cư (thôn, tổ dân phố) để thêm mới.':
    'Residential area "{}" does not exist yet: write its name (village, neighbourhood group) to add it.',
  // Entry-grade evidence uploads and receipt (entry/evidence.ts, entry/receipt.ts).
  'Danh sách giấy tờ cần nộp liệt kê một loại hai lần.':
    'The list of documents asked names one kind twice.',
  'Mỗi loại giấy tờ chỉ một lần.': 'Each kind of document only once.',
  'Ngoài thời gian đăng ký (hạn {}): không nộp thêm giấy tờ minh chứng. Chưa lưu tệp.':
    'Outside the registration window (deadline {}): no more documents can be uploaded. The file was not kept.',
  'Ngoài thời gian đăng ký (hạn {}): không xoá giấy tờ minh chứng nữa. Chưa thay đổi gì.':
    'Outside the registration window (deadline {}): documents can no longer be removed. Nothing was changed.',
  'Kỳ tuyển sinh này không yêu cầu nộp giấy tờ minh chứng trực tuyến.':
    'This campaign does not ask for documents to be uploaded.',
  'Hãy lưu hồ sơ đăng ký (nơi cư trú và trường chọn) trước khi tải giấy tờ minh chứng lên. Chưa lưu tệp.':
    'Save the application (residence and school) before uploading documents. The file was not kept.',
  'Loại giấy tờ "{}" không nằm trong danh sách kỳ tuyển sinh yêu cầu: {}.':
    'Document kind "{}" is not one the campaign asks for: {}.',
  '{} Chưa lưu tệp.': '{} The file was not kept.',
  'Đã có {} tệp "{}" (tối đa {}): hãy xoá bớt tệp cũ rồi tải lên lại. Chưa lưu tệp.':
    'There are already {} files of "{}" (at most {}): remove an old one and upload again. The file was not kept.',
  'tệp minh chứng': 'evidence file',
  'Giấy tờ minh chứng chỉ có ở tuyển sinh lớp 1, lớp 6.':
    'Uploaded documents exist only for grade-1 and grade-6 admissions.',
  'Chưa công bố kết quả: chưa có trẻ trúng tuyển để kiểm tra hồ sơ.':
    'Results are not published: no admitted child to check documents for yet.',
  'phiên bản hồ sơ đăng ký': 'application version',
  // The staff's entry-grade web pages (issue #15): seats, schools taking part, units.
  'Số lớp là một số nguyên từ 0 đến 200.': 'The number of classes is a whole number from 0 to 200.',
  'Chỉ tiêu là một số nguyên từ 0 đến 20.000.': 'The seats are a whole number from 0 to 20,000.',
  'Mã trường không hợp lệ.': 'Invalid school id.',
  'Số lớp và chỉ tiêu theo trường chỉ dùng cho tuyển sinh lớp 1, lớp 6.':
    'Classes and seats per school are for grade 1 and grade 6 admissions only.',
  'trường này trong phạm vi của bạn': 'this school within your scope',
  'Chỉ tiêu {} cần ít nhất một lớp {}.': '{} seats need at least one grade {} class.',
  'Số lớp, chỉ tiêu lớp {} của {}': 'The grade {} classes and seats of {}',
  'Danh sách trường tham gia chỉ dùng cho tuyển sinh lớp 1, lớp 6.':
    'A list of schools taking part is for grade 1 and grade 6 admissions only.',
  'Kỳ tuyển sinh lớp 10 nhập chương trình và chỉ tiêu.':
    'A grade 10 campaign imports its programmes and quotas.',
  'Không có trường này trong {}.': 'There is no such school in {}.',
  '{} không phải trường {} đang hoạt động: không tuyển sinh lớp {}.':
    '{} is not an active {} school: it does not admit grade {}.',
  '{} có hai lần trong danh sách.': '{} is listed twice.',
  'Danh sách trường tham gia có {} trường không hợp lệ.':
    'The list of schools taking part has {} invalid schools.',
  // Changing an entry campaign's rules (entry/edit-rules.ts).
  'Quy tắc tuyển sinh đầu cấp chỉ có ở kỳ tuyển sinh lớp 1, lớp 6.':
    'Entry rules exist only in grade 1 and grade 6 campaigns.',
  'Đã xét tuyển': 'Already allocated',
  'Kỳ tuyển sinh đã xét tuyển: kết quả đã tính theo quy tắc hiện hành, không sửa quy tắc tuyển sinh nữa. Chưa lưu gì.':
    'The campaign has been allocated: the results were computed under the rules in force, which can no longer change. Nothing was saved.',
  'Quy tắc tuyển sinh của {}': 'The admission rules of {}',
  'Đã hết hạn đăng ký': 'Registration has closed',
  'Đã hết hạn đăng ký từ {}: không đổi số gốc bốc thăm nữa, vì khi đã biết mọi hồ sơ, một số gốc mới có thể được chọn để có lợi cho một trẻ. Chưa lưu gì.':
    'Registration closed on {}: the lottery seed no longer changes, because with every application known a new seed could be chosen to favour a child. Nothing was saved.',
  'Không đổi được số gốc bốc thăm sau khi hết hạn đăng ký.':
    'The lottery seed cannot change after registration has closed.',
  'Ghi lý do thay đổi (ít nhất {} ký tự).':
    'Write the reason for the change (at least {} characters).',
  'Cần lý do thay đổi': 'A reason is needed',
  'Kỳ tuyển sinh đã mở đăng ký từ {}: các gia đình đã đăng ký theo quy tắc hiện hành, nên mỗi thay đổi cần lý do (ít nhất {} ký tự), được ghi vào lịch sử thay đổi và công khai cho các gia đình. Chưa lưu gì.':
    'Registration opened on {}: families have registered under the rules in force, so every change needs a reason (at least {} characters), which is recorded in the history of changes and shown to families. Nothing was saved.',
  'Lý do thay đổi tối đa 1.000 ký tự.': 'The reason for the change is at most 1,000 characters.',
  // The class-size check of entry-grade seats (entry/class-size.ts).
  'Chỉ tiêu {} vượt sĩ số tối đa: {} lớp {} × {} học sinh/lớp = {} ({}); bình quân {} học sinh/lớp. Cần thêm {} lớp hoặc giảm chỉ tiêu.':
    '{} seats exceed the maximum class size: {} grade {} classes × {} pupils per class = {} ({}); {} pupils per class on average. Add {} classes or lower the seats.',
  'Vượt sĩ số tối đa': 'Above the maximum class size',
  'Chỉ tuyển sinh lớp 1, lớp 6 có cột số lớp (classes).':
    'Only grade 1 and grade 6 campaigns have the classes column.',
  'Số lớp "{}" không hợp lệ: cần số nguyên từ 0 đến 200.':
    'Classes "{}" is not valid: a whole number from 0 to 200 is expected.',
};
