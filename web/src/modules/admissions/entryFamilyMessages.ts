import { defineMessages } from '../../shared/i18n.ts';

/** The entry-grade family page's evidence card and receipt link (issue #15). */
export const entryFamilyMessages = defineMessages(
  {
    evidenceTitle: 'Giấy tờ minh chứng',
    evidenceHint:
      'Kỳ tuyển sinh yêu cầu các giấy tờ dưới đây. Chụp ảnh hoặc quét từng giấy tờ: tệp PDF, PNG hoặc JPEG, mỗi tệp tối đa 10 MB. Có thể xoá và tải lại đến hết hạn đăng ký.',
    evidenceFirst: 'Lưu hồ sơ đăng ký trước, rồi tải giấy tờ minh chứng lên.',
    evidenceClosed: 'Đã hết hạn đăng ký: giấy tờ đã nộp là hồ sơ xét tuyển, không thay đổi được.',
    residence: 'Giấy xác nhận cư trú',
    'birth-certificate': 'Giấy khai sinh',
    'primary-record': 'Học bạ / giấy xác nhận hoàn thành chương trình tiểu học',
    none: 'Chưa có tệp nào.',
    choose: 'Chọn tệp: {doc}',
    uploading: 'Đang tải lên…',
    uploaded: 'Đã tải lên {name}.',
    open: 'Xem',
    remove: 'Xoá',
    removeConfirm: 'Xoá tệp {name}?',
    removed: 'Đã xoá {name}.',
    ofVersion: 'phiên bản {v}',
    entryReceipt: 'Tải phiếu đăng ký tuyển sinh (PDF)',
  },
  {
    evidenceTitle: 'Supporting documents',
    evidenceHint:
      'The campaign asks for the documents below. Photograph or scan each one: a PDF, PNG or JPEG file of at most 10 MB. You may remove and upload again until the deadline.',
    evidenceFirst: 'Save the application first, then upload the documents.',
    evidenceClosed:
      'The registration has closed: the documents sent are the application and can no longer be changed.',
    residence: 'Proof of residence',
    'birth-certificate': 'Birth certificate',
    'primary-record': 'Primary-school record',
    none: 'No file yet.',
    choose: 'Choose a file: {doc}',
    uploading: 'Uploading…',
    uploaded: '{name} uploaded.',
    open: 'Open',
    remove: 'Remove',
    removeConfirm: 'Remove the file {name}?',
    removed: '{name} removed.',
    ofVersion: 'version {v}',
    entryReceipt: 'Download the registration receipt (PDF)',
  },
);
