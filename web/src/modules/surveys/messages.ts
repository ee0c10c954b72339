import { defineMessages } from '../../shared/i18n.ts';

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
  },
);
