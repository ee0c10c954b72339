/** English of the surveys module's problem texts (see ../problem-language.ts). */
export const SURVEYS_EN: Record<string, string> = {
  'Phần {}: mã phần "{}" đã dùng cho một phần khác.':
    'Part {}: part code "{}" is already used by another part.',
  '{}: mã câu hỏi "{}" đã dùng ở {}; mỗi câu hỏi cần một mã riêng.':
    '{}: question code "{}" is already used at {}; each question needs its own code.',
  'Phần {}, câu {}': 'Part {}, question {}',
  'Ngày đã qua': 'Date has passed',
  'Ngày cuối nhận trả lời đã qua: hãy chọn hôm nay hoặc một ngày sau.':
    'The last day for answers has passed: choose today or a later day.',
  'Phiếu chưa đúng: {}': 'The form is not right: {}',
  'phiếu khảo sát': 'survey',
  'Câu hỏi chọn một cần ít nhất 2 lựa chọn': 'A single-choice question needs at least 2 options',
  'Phiếu đã có {} phiếu trả lời: không sửa được nữa (các câu trả lời đã tính theo câu hỏi hiện có). Hãy đóng phiếu và tạo đợt mới nếu cần hỏi khác.':
    'The survey already has {} answers: it can no longer be edited (the answers were counted by the current questions). Close the survey and create a new round if other questions are needed.',
  'Phiếu khảo sát đã mở.': 'The survey is already open.',
  'Phiếu khảo sát "{}"': 'Survey "{}"',
  'Mã khảo sát chỉ cấp cho trường học.': 'Survey codes are issued only to schools.',
  'Trường {} không thuộc phạm vi của phiếu khảo sát này.':
    "School {} is not within this survey's scope.",
  'Phiếu khảo sát đã kết thúc: không cấp thêm mã trả lời.':
    'The survey has ended: no more answer codes are issued.',
  'Phiếu khảo sát chưa mở.': 'The survey is not open yet.',
  'Mã đã được dùng': 'Code already used',
  'Mã khảo sát này đã được dùng để trả lời: mỗi mã chỉ trả lời một lần. Nếu gia đình chưa trả lời, hãy xin nhà trường mã khác.':
    'This survey code has already been used to answer: each code answers once. If your family has not answered, ask the school for another code.',
  'mã khảo sát này (hãy kiểm tra lại mã in trên phiếu)':
    'this survey code (check the code printed on the slip)',
  'phiếu khảo sát đang mở cho mã này': 'open survey for this code',
  'ý kiến': 'comment',
  'Mã này thuộc một phiếu khảo sát khác: hãy mở phiếu bằng chính mã này.':
    'This code belongs to another survey: open the survey with this very code.',
  'Mã của phiếu khác': 'Code of another survey',
  'Không có câu hỏi "{}" trong phiếu': 'There is no question "{}" in the survey',
  '"{}": chọn một mức từ 1 đến 5': '"{}": choose a level from 1 to 5',
  '"{}": chọn một trong các lựa chọn': '"{}": choose one of the options',
  'Phiếu trả lời chưa đúng.': 'The answer form is not right.',
  'Phiếu chưa có câu trả lời nào.': 'The form has no answers yet.',
  'Phiếu khảo sát vừa được sửa: hãy mở lại phiếu bằng mã và trả lời lại.':
    'The survey has just been edited: open it again with the code and answer again.',
  'Phiếu khảo sát "{}" đã kết thúc{}: không nhận thêm phiếu trả lời. Cảm ơn gia đình đã quan tâm.':
    'Survey "{}" has ended{}: no more answers are accepted. Thank you for your interest.',
  ' (ngày {})': ' (on {})',
  'Khảo sát đã kết thúc': 'Survey ended',
  'Mã câu hỏi/phần gồm chữ thường, số và "-", tối đa 40 ký tự':
    'A question/part code has lowercase letters, digits and "-", at most 40 characters',
  'Câu hỏi': 'Question',
  'Lựa chọn': 'Option',
  'Tên phần': 'Part name',
  'Mỗi phần cần ít nhất một câu hỏi': 'Each part needs at least one question',
  'Tên phiếu khảo sát': 'Survey name',
  'Năm học dạng 2025-2026': 'A school year has the form 2025-2026',
  'Tên lớp': 'Class name',
  'Mã khảo sát có dạng KS-XXXX-XXXX (in trên phiếu nhà trường phát)':
    'A survey code has the form KS-XXXX-XXXX (printed on the slip the school hands out)',
};
