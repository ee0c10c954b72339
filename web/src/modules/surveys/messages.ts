import { defineMessages } from '../../shared/i18n.ts';

/** A number as vi-VN writes it (1.234,5); '—' for none. */
export const num = (v: number | null, decimals = 2) =>
  v === null ? '—' : v.toLocaleString('vi-VN', { maximumFractionDigits: decimals });
/** yyyy-mm-dd → dd/mm/yyyy. */
export const dmy = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
/** A moment as Việt Nam reads it: dd/mm/yyyy hh:mm. */
export const when = (ts: string) =>
  new Date(ts).toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });

/** The surveys' pages, Vietnamese first. */
export const messages = defineMessages(
  {
    title: 'Khảo sát ý kiến cha mẹ học sinh',
    staffTitle: 'Khảo sát ý kiến',
    code: 'Mã khảo sát (in trên phiếu nhà trường phát)',
    open: 'Mở phiếu',
    anonymous:
      'Phiếu ẩn danh: hệ thống không lưu mã hay thông tin nào cho biết gia đình nào đã trả lời.',
    send: 'Gửi phiếu',
    thanks: 'Cảm ơn gia đình đã trả lời. Mỗi mã chỉ dùng được một lần.',
    results: 'Kết quả',
    answers: 'Số phiếu',
    suppressed: 'Chưa đủ {n} phiếu: kết quả chưa được hiển thị.',
    mean: 'Điểm trung bình',
    texts: 'Ý kiến đã duyệt',
    status: 'Trạng thái',
    scope: 'Phạm vi',
    endsOn: 'Ngày cuối nhận trả lời',
    noEnd: 'Không đặt (đóng khi đơn vị gửi phiếu đóng)',
    closedAt: 'Đã đóng lúc',
    close: 'Đóng khảo sát',
    closeConfirm:
      'Đóng khảo sát? Phụ huynh sẽ không gửi thêm được phiếu trả lời, và không mở lại được.',
    closedDone: 'Đã đóng khảo sát.',
    closedTitle: 'Khảo sát đã kết thúc',
    exportXlsx: 'Xuất Excel',
    toIndicators: 'Xem trên bảng chỉ tiêu',
    newForm: 'Phiếu khảo sát mới',
    editForm: 'Sửa phiếu khảo sát',
    saveDraft: 'Lưu nháp',
    save: 'Lưu',
    saveAndOpen: 'Lưu và mở khảo sát',
    createAndOpen: 'Tạo và mở khảo sát',
    frozen:
      'Phiếu đã có phiếu trả lời (hoặc đã đóng): không sửa được nữa, vì các câu trả lời đã tính theo câu hỏi hiện có.',
    formTitle: 'Tên phiếu khảo sát',
    schoolYear: 'Năm học',
    series: 'Loạt khảo sát',
    seriesHelp:
      'Các đợt của cùng một khảo sát qua các năm dùng chung mã loạt (chữ thường, số, "-"), và giữ nguyên mã câu hỏi, để xem xu hướng.',
    section: 'Phần',
    sectionTitle: 'Tên phần',
    key: 'Mã',
    kind: 'Loại câu hỏi',
    question: 'Câu hỏi',
    choices: 'Các lựa chọn (gõ rồi Enter)',
    twoChoices: 'Câu hỏi chọn một cần ít nhất 2 lựa chọn',
    required: 'Không được để trống',
    remove: 'Xoá',
    addSection: 'Thêm phần',
    addQuestion: 'Thêm câu hỏi',
    builderNote:
      'Mã phần và mã câu hỏi: chữ thường, số và "-", mỗi câu một mã riêng trong phiếu. Phiếu nháp chưa hiện với nhà trường; sửa được cho đến khi có phiếu trả lời đầu tiên.',
    newSurvey: 'Phiếu mới',
    editSurvey: 'Sửa phiếu',
    openSurvey: 'Mở khảo sát',
    saved: 'Đã lưu phiếu khảo sát.',
    trend: 'Xu hướng qua các đợt',
    noTrend:
      'Chưa có đợt trước của phiếu này: xu hướng hiện khi phiếu của các năm học dùng chung một loạt khảo sát.',
    school: 'Trường',
    trendNote:
      'Điểm trung bình (1–5) của mỗi phần và mỗi câu hỏi theo từng đợt; "—": đợt đó trường có dưới {n} phiếu, hoặc câu hỏi không có trong đợt.',
  },
  {
    title: 'Parent survey',
    staffTitle: 'Surveys',
    code: 'Survey code (printed on the slip from the school)',
    open: 'Open the form',
    anonymous: 'Anonymous: nothing stored tells which family answered.',
    send: 'Send',
    thanks: 'Thank you for answering. Each code can be used once.',
    results: 'Results',
    answers: 'Answers',
    suppressed: 'Fewer than {n} answers: results are not shown.',
    mean: 'Mean',
    texts: 'Reviewed comments',
    status: 'Status',
    scope: 'Scope',
    endsOn: 'Last day for answers',
    noEnd: 'Not set (closes when the sending unit closes it)',
    closedAt: 'Closed at',
    close: 'Close the survey',
    closeConfirm:
      'Close the survey? Parents can no longer send answers, and it cannot be reopened.',
    closedDone: 'The survey is closed.',
    closedTitle: 'The survey has ended',
    exportXlsx: 'Export to Excel',
    toIndicators: 'See it on the indicators dashboard',
    newForm: 'New survey form',
    editForm: 'Edit the survey form',
    saveDraft: 'Save as draft',
    save: 'Save',
    saveAndOpen: 'Save and open',
    createAndOpen: 'Create and open',
    frozen:
      'The form has answers (or is closed): it can no longer be edited, as the answers count against its questions.',
    formTitle: 'Survey title',
    schoolYear: 'School year',
    series: 'Survey series',
    seriesHelp:
      'The rounds of one survey over the years share a series key (lower case, digits, "-") and keep their question ids, so their trend shows.',
    section: 'Section',
    sectionTitle: 'Section title',
    key: 'Id',
    kind: 'Question kind',
    question: 'Question',
    choices: 'Choices (type, then Enter)',
    twoChoices: 'A single-choice question needs at least 2 choices',
    required: 'Required',
    remove: 'Remove',
    addSection: 'Add a section',
    addQuestion: 'Add a question',
    builderNote:
      'Section and question ids: lower case, digits and "-", each question its own id in the form. A draft is not shown to schools; it can be edited until its first answer.',
    newSurvey: 'New survey',
    editSurvey: 'Edit the form',
    openSurvey: 'Open the survey',
    saved: 'The survey form is saved.',
    trend: 'Trend across rounds',
    noTrend:
      'No earlier round of this survey: the trend shows when the years’ surveys belong to one series.',
    school: 'School',
    trendNote:
      'Mean (1–5) of each section and question per round; "—": fewer than {n} answers at the school that round, or the question was not asked.',
  },
);
