/** English of the accreditation module's problem texts (see ../problem-language.ts). */
export const ACCREDITATION_EN: Record<string, string> = {
  'đợt đánh giá': 'assessment round',
  'bộ tiêu chuẩn {}': 'standard set {}',
  'hồ sơ tự đánh giá': 'self-assessment file',
  'Hồ sơ tự đánh giá đã nộp: chờ Sở/Phòng xem xét hoặc trả lại rồi mới sửa được.':
    'The self-assessment file has been submitted: it can be edited only after the department/office reviews it or sends it back.',
  'Hồ sơ tự đánh giá đã được chấp nhận: không sửa được nữa.':
    'The self-assessment file has been accepted: it can no longer be edited.',
  'Chỉ tài khoản của chính trường mới tự đánh giá, thêm minh chứng và nộp hồ sơ; Sở, Phòng xem xét hồ sơ đã nộp.':
    "Only the school's own accounts self-assess, add evidence and submit the file; the department and offices review submitted files.",
  'Đường dẫn phải bắt đầu bằng http:// hoặc https://.':
    'The link must start with http:// or https://.',
  'Hãy nhập họ tên thành viên.': "Enter the member's full name.",
  'Bộ tiêu chuẩn của đợt không có tiêu chí {}.': "The round's standard set has no criterion {}.",
  'Thành viên hội đồng chưa hợp lệ.': 'The council member is not valid.',
  'Hãy đặt tên cho đợt tự đánh giá.': 'Give the self-assessment round a name.',
  'Không có bộ tiêu chuẩn "{}". Các bộ hiện có: {}.':
    'There is no standard set "{}". The sets available: {}.',
  'Bộ tiêu chuẩn {} áp dụng từ {}, chưa có hiệu lực trong năm học {}.':
    'Standard set {} applies from {}, not yet in force in school year {}.',
  'Đợt tự đánh giá chưa hợp lệ.': 'The self-assessment round is not valid.',
  'Hãy nhập tên minh chứng.': "Enter the evidence's title.",
  'Tên minh chứng dài tối đa 500 ký tự.': 'An evidence title is at most 500 characters.',
  'Bộ tiêu chuẩn của đợt không có tiêu chí "{}" (cần dạng 1.1).':
    'The round\'s standard set has no criterion "{}" (expected a form like 1.1).',
  'Số hộp minh chứng là số nguyên từ 1 đến 99.':
    'The evidence box number is a whole number from 1 to 99.',
  'Ngày ban hành "{}" không hợp lệ: cần dạng dd/mm/yyyy.':
    'Issue date "{}" is not valid: expected dd/mm/yyyy.',
  'Minh chứng chưa hợp lệ.': 'The evidence is not valid.',
  trường: 'school',
  '{} không thuộc phạm vi của đợt "{}".': '{} is not within the scope of round "{}".',
  'Bộ tiêu chuẩn của đợt "{}" không áp dụng cho cấp học của {}.':
    'The standard set of round "{}" does not apply to the school level of {}.',
  'minh chứng': 'evidence',
  'tệp minh chứng': 'evidence file',
  'Đánh giá ngoài chỉ ghi cho hồ sơ đã nộp hoặc đã được chấp nhận.':
    'An external assessment is recorded only for a submitted or accepted file.',
  'Bộ tiêu chuẩn không có tiêu chí {}.': 'The standard set has no criterion {}.',
  'Mức của tiêu chí là từ 0 (chưa đạt Mức 1) đến {}.':
    "A criterion's level is from 0 (below Level 1) to {}.",
  'Đánh giá ngoài chưa hợp lệ.': 'The external assessment is not valid.',
  'Bộ tiêu chuẩn của đợt không có yêu cầu {}.': "The round's standard set has no requirement {}.",
  'Không có yêu cầu này trong bộ tiêu chuẩn.': 'There is no such requirement in the standard set.',
  'Minh chứng {} chưa có trong hồ sơ của trường.': "Evidence {} is not yet in the school's file.",
  'Chưa có minh chứng mã {}: hãy thêm minh chứng trước hoặc sửa mã.':
    'There is no evidence with code {} yet: add the evidence first or correct the code.',
  'Yêu cầu được đánh giá "Đạt" phải dẫn ít nhất một mã minh chứng.':
    'A requirement rated "Met" must cite at least one evidence code.',
  'Hãy ghi mã minh chứng theo mẫu {} trong phần lý giải.':
    'Write the evidence codes in the form {} in the justification.',
  'Hãy ghi lý giải cho đánh giá.': 'Write a justification for the rating.',
  'Lý giải không được để trống.': 'The justification must not be empty.',
  'Chỉ ra quyết định công nhận cho hồ sơ đã được chấp nhận.':
    'A recognition decision is made only for an accepted file.',
  'Hồ sơ này đã có quyết định công nhận.': 'This file already has a recognition decision.',
  'Bộ tiêu chuẩn có các mức {}.': 'The standard set has the levels {}.',
  'Hãy nhập số quyết định công nhận.': 'Enter the recognition decision number.',
  'Ngày quyết định "{}" không hợp lệ: cần dạng dd/mm/yyyy.':
    'Decision date "{}" is not valid: expected dd/mm/yyyy.',
  'Quyết định công nhận chưa hợp lệ.': 'The recognition decision is not valid.',
  'Hãy ghi nhận xét: trường cần biết phải hoàn thiện gì.':
    'Write a comment: the school needs to know what to complete.',
  'Nhận xét khi trả lại không được để trống.': 'A comment is required when sending back.',
  'Chỉ xem xét được hồ sơ đã nộp (hồ sơ này chưa nộp hoặc đã được xem xét).':
    'Only a submitted file can be reviewed (this file has not been submitted or has already been reviewed).',
  'Hồ sơ tự đánh giá': 'Self-assessment file',
  'Không có tiêu chí này.': 'There is no such criterion.',
  'Báo cáo tiêu chí {}': 'Criterion report {}',
  'Chưa nộp được: còn {} tiêu chí chưa đánh giá ({}{}).':
    'Cannot submit yet: {} criteria are not yet rated ({}{}).',
  'Vượt dung lượng minh chứng của trường': "The school's evidence quota is exceeded",
  'Trường đã dùng {} trên {} dung lượng minh chứng; tệp này ({}) sẽ vượt hạn mức. Chưa lưu gì: hãy thay tệp lớn bằng đường dẫn hoặc bỏ bớt minh chứng không dùng.':
    'The school has used {} of its {} evidence quota; this file ({}) would exceed it. Nothing was saved: replace large files with links or remove evidence no longer used.',
  'Trường đã dùng hết {} trên {} dung lượng minh chứng. Chưa lưu gì: hãy thay tệp lớn bằng đường dẫn hoặc bỏ bớt minh chứng không dùng.':
    'The school has used all {} of its {} evidence quota. Nothing was saved: replace large files with links or remove evidence no longer used.',
  'Đã dùng {} / {}.': 'Used {} / {}.',
  'Người phụ trách phải là thành viên hội đồng tự đánh giá của trường.':
    "The person in charge must be a member of the school's self-assessment council.",
  'Hạn hoàn thành không được trước ngày bắt đầu.': 'The due date may not be before the start date.',
  'Công việc trong kế hoạch tự đánh giá chưa hợp lệ.':
    "The self-assessment plan's task is not valid.",
  'công việc trong kế hoạch': 'task of the plan',
  'Hồ sơ tự đánh giá đã được chấp nhận: kế hoạch không thêm, bớt công việc được nữa (vẫn đánh dấu hoàn thành được).':
    'The self-assessment file has been accepted: tasks can no longer be added to or removed from the plan (they can still be marked done).',
  'Chưa công bố được: còn {} tiêu chí chưa đánh giá ({}{}).':
    'Cannot publish yet: {} criteria are not rated ({}{}).',
  'Kết quả tự đánh giá chưa được công bố: không có gì để rút.':
    'The self-assessment result has not been published: there is nothing to withdraw.',
  'Hãy nhập mã trường.': "Enter the school's code.",
  'Cần mã trường.': 'A school code is required.',
  'Cần mã yêu cầu của bộ tiêu chuẩn, ví dụ 1.1.M1.a.':
    'A requirement code of the standard set is required, e.g. 1.1.M1.a.',
  'Phiếu xác định nội hàm còn trống.': 'The criterion analysis sheet is empty.',
  'Hãy ghi ít nhất nội hàm của yêu cầu.': 'Write at least the meaning of the requirement.',
  'Phiếu nội hàm yêu cầu {} (phiên bản {} do {} lưu)':
    'The analysis sheet of requirement {} (version {}, saved by {})',
  'Phiếu nội hàm yêu cầu {}': 'The analysis sheet of requirement {}',
  'Báo cáo tiêu chí {} (phiên bản {} do {} lưu)':
    'The report text of criterion {} (version {}, saved by {})',
  'Hãy nhập nội dung góp ý.': 'Enter the comment.',
  'Không có luồng góp ý này trong hồ sơ.': 'This comment thread is not in the file.',
  'Hãy trả lời vào góp ý đầu tiên của luồng.': "Reply to the thread's first comment.",
  'Luồng góp ý này thuộc tiêu chí {}, không phải {}.':
    'This comment thread belongs to criterion {}, not {}.',
  'Góp ý chưa hợp lệ.': 'The comment is not valid.',
  'góp ý': 'comment',
  'Chỉ đóng hoặc mở lại cả luồng góp ý, từ góp ý đầu tiên của luồng.':
    'Only a whole thread is resolved or reopened, from its first comment.',
  'Đây là một trả lời, không phải góp ý đầu luồng.':
    'This is a reply, not the first comment of a thread.',
  'tiêu chí {}': 'criterion {}',
  'Phiếu nội hàm dẫn {} minh chứng không có trong hồ sơ.':
    'The analysis sheet links {} evidence items that are not in the file.',
  'Chỉ chọn minh chứng trong danh mục minh chứng của hồ sơ này.':
    "Choose only evidence from this file's evidence list.",
  'Người thu thập không phải thành viên hội đồng tự đánh giá của trường.':
    "The collector is not a member of the school's self-assessment council.",
  'Chọn một thành viên của hội đồng tự đánh giá.':
    'Choose a member of the self-assessment council.',
  'Bộ tiêu chuẩn {} không có danh sách tiêu chí Mức 4 riêng.':
    'Standard set {} has no separate list of level 4 criteria.',
  'Danh sách tiêu chí Mức 4 còn trống.': 'The list of level 4 criteria is empty.',
  'Mỗi dòng một tiêu chí, ví dụ "1. Nội dung tiêu chí".':
    'One criterion a line, e.g. "1. The criterion\'s text".',
  'Danh sách có {} dòng, nhiều hơn {} tiêu chí.': 'The list has {} lines, more than {} criteria.',
  'Tối đa {} tiêu chí, mỗi dòng một tiêu chí.': 'At most {} criteria, one a line.',
  'Dòng {}: số thứ tự {}, cần {} (các tiêu chí đánh số liên tiếp từ 1).':
    'Line {}: number {}, expected {} (criteria are numbered in order from 1).',
  'Dòng {}: thiếu nội dung tiêu chí sau số thứ tự.':
    "Line {}: the criterion's text is missing after its number.",
  'Dòng {}: nội dung dài {} ký tự, tối đa 5000.':
    'Line {}: the text is {} characters long, at most 5000.',
  'Danh sách tiêu chí Mức 4 chưa hợp lệ.': 'The list of level 4 criteria is not valid.',
  'Hãy ghi nguồn của nội dung (thông tư, điều).':
    'Say where the text was read (circular, article).',
  'Ví dụ: Thông tư 18/2018/TT-BGDĐT, điều …': 'For example: Circular 18/2018/TT-BGDDT, article …',
  'Danh sách tiêu chí Mức 4 (phiên bản {} do {} lưu)':
    'The list of level 4 criteria (version {}, saved by {})',
  'Danh sách tiêu chí Mức 4': 'The list of level 4 criteria',
  'Bộ tiêu chuẩn của đợt không có tiêu chí Mức 4 riêng.':
    "The campaign's standard set has no separate level 4 criteria.",
  'Chỉ các bộ TT 17, 18, 19/2018 có danh sách Mức 4.':
    'Only the TT 17, 18 and 19/2018 sets have a level 4 list.',
  'Danh sách Mức 4 không có tiêu chí {}.': 'The level 4 list has no criterion {}.',
  'Cần một mã trong {}.': 'A code among {} is required.',
  'Sở chưa nhập nội dung các tiêu chí Mức {} từ văn bản gốc: chưa đánh giá được.':
    'The department has not yet entered the text of the level {} criteria from the circular: they cannot be rated yet.',
  'Trường chưa đạt Mức {} theo đánh giá hiện tại: chưa đánh giá tiêu chí Mức {}.':
    'By the current ratings the school is not at level {}: the level {} criteria cannot be rated yet.',
};
