import {
  DIPLOMA_EVENT_LABELS,
  DIPLOMA_TYPE_LABELS,
  DIPLOMA_TYPES,
  type DiplomaEventKindValue,
  type DiplomaTypeValue,
} from '../../../../src/modules/diplomas/labels.ts';
import type { QrStatus } from '../../../../src/modules/diplomas/credentials/qr.ts';
import { GENDER_LABELS, GENDER_LABELS_EN } from '../../../../src/modules/registry/labels.ts';
import { activeLang, defineMessages, type Lang } from '../../shared/i18n.ts';

/** The pages that issue diplomas and keep the blank forms (issue 13), in both languages. */
export const diplomaMessages = defineMessages(
  {
    issueFromSchool: 'Cấp theo danh sách lớp cuối cấp',
    issueFromFile: 'Cấp từ tệp Excel',
    issueOne: 'Cấp một văn bằng',
    blankForms: 'Phôi văn bằng',
    printRegister: 'In sổ gốc (PDF)',
    school: 'Trường',
    schoolYear: 'Năm học',
    diplomaType: 'Loại văn bằng',
    graduationYear: 'Năm tốt nghiệp',
    decisionNumber: 'Số quyết định công nhận tốt nghiệp',
    decisionDate: 'Ngày quyết định',
    issueDate: 'Ngày cấp',
    signerName: 'Người ký',
    signerTitle: 'Chức danh người ký',
    preview: 'Xem danh sách',
    pickSchool: 'Hãy chọn trường.',
    previewCount: '{n} học sinh lớp cuối cấp; {holds} đã có văn bằng; đã chọn {chosen}.',
    noGraduates: 'Trường không có học sinh lớp cuối cấp trong năm học này.',
    issueChosen: 'Cấp {n} văn bằng',
    issuedCount: 'Đã cấp {n} văn bằng.',
    fullName: 'Họ và tên',
    birthDate: 'Ngày sinh',
    birthPlace: 'Nơi sinh',
    gender: 'Giới tính',
    ethnicity: 'Dân tộc',
    examCouncil: 'Hội đồng thi',
    notes: 'Ghi chú',
    holds: 'Đã có văn bằng',
    serial: 'Số hiệu',
    registerNumber: 'Số vào sổ',
    issue: 'Cấp văn bằng',
    issuedOne: 'Đã cấp văn bằng số hiệu {serial}, số vào sổ {entry}.',
    stock: 'Tồn phôi',
    received: 'Đã nhận',
    used: 'Đã in',
    spoiled: 'Hỏng',
    remaining: 'Còn lại',
    next: 'Phôi tiếp theo',
    noBlanks:
      'Chưa nhập phôi nào: số hiệu văn bằng do hệ thống tự đánh. Khi nhập phôi, mỗi văn bằng lấy số hiệu in sẵn trên phôi tiếp theo.',
    ranges: 'Các dãy phôi đã nhận',
    firstSerial: 'Số hiệu đầu',
    lastSerial: 'Số hiệu cuối',
    receivedOn: 'Ngày nhận',
    reference: 'Phiếu nhập / văn bản kèm theo',
    receive: 'Nhập phôi',
    receivedDone: 'Đã nhập phôi.',
    spoil: 'Ghi phôi hỏng',
    spoilSerial: 'Số hiệu phôi hỏng',
    reason: 'Lý do',
    spoiledDone: 'Đã ghi phôi hỏng.',
    spoiledForms: 'Phôi hỏng',
    at: 'Thời điểm',
    close: 'Đóng',
    // The register page and an entry's drawer.
    registerTitle: 'Sổ gốc cấp văn bằng — {unit}',
    searchRegister: 'Họ tên, số hiệu hoặc số vào sổ',
    graduationYearShort: 'Năm TN',
    status: 'Tình trạng',
    statusValid: 'Hợp lệ',
    statusCorrected: 'Đã chỉnh sửa',
    statusRevoked: 'Đã thu hồi',
    registerEntry: 'Số vào sổ gốc',
    recognitionDecision: 'Quyết định công nhận',
    decisionOn: '{number} ngày {date}',
    qrAlt: 'Mã QR xác minh',
    downloadCredential: 'Tải chứng chỉ số (.json)',
    correctByDecision: 'Chỉnh sửa theo quyết định',
    issueCopy: 'Cấp bản sao',
    revoke: 'Thu hồi',
    historyDecision: 'QĐ {number}',
    historyCopyNumber: 'số {number}',
    printCopy: 'In bản sao',
    revokedDone: 'Đã thu hồi văn bằng.',
    saved: 'Đã lưu.',
    save: 'Lưu',
    cancel: 'Huỷ',
    // Revocation, correction and copies.
    revokeTitle: 'Thu hồi văn bằng',
    decisionNumberShort: 'Số quyết định',
    correctTitle: 'Chỉnh sửa nội dung văn bằng',
    copyTitle: 'Cấp bản sao từ sổ gốc',
    correctionDecisionNumber: 'Số quyết định chỉnh sửa',
    newFullName: 'Họ và tên mới',
    newBirthDate: 'Ngày sinh mới',
    newBirthPlace: 'Nơi sinh mới',
    newEthnicity: 'Dân tộc mới',
    requester: 'Người đề nghị',
    copies: 'Số bản sao',
    copiesInvalid: 'Số bản sao phải là số nguyên từ 1 đến 20.',
    graduationYearInvalid: 'Năm tốt nghiệp phải là một năm từ 1950 đến 2100, ví dụ 2026.',
    // Issuing from an Excel list of recognised graduates.
    importTitle: 'Cấp văn bằng từ danh sách công nhận tốt nghiệp',
    chooseExcel: 'Hãy chọn tệp Excel.',
    pickExcel: 'Chọn tệp Excel (.xlsx)',
    checkFile: 'Kiểm tra (chưa cấp)',
    importErrors: '{n} lỗi: chưa cấp văn bằng nào. Sửa tệp rồi kiểm tra lại.',
    importReady: '{rows} dòng hợp lệ: {added} văn bằng sẽ được cấp, {unchanged} đã có trong sổ.',
    row: 'Dòng',
    column: 'Cột',
    error: 'Lỗi',
    // The public lookup.
    lookupTitle: 'Tra cứu văn bằng tốt nghiệp',
    lookupIntro:
      'Nhập số hiệu (hoặc số vào sổ gốc), họ tên và ngày sinh đúng như trên văn bằng. Không tra cứu theo một phần thông tin.',
    serialNumber: 'Số hiệu văn bằng',
    birthDateTyped: 'Ngày sinh (dd/mm/yyyy)',
    lookUp: 'Tra cứu',
    verifyByQr: 'Xác minh bằng mã QR',
    lookupNone: 'Không tìm thấy văn bằng khớp với thông tin đã nhập.',
    diploma: 'Văn bằng',
    publicValid: 'Hợp lệ',
    publicCorrected: 'Hợp lệ (đã chỉnh sửa theo quyết định)',
    publicRevoked: 'Đã bị thu hồi',
    // The public QR verification.
    verifyTitle: 'Xác minh văn bằng bằng mã QR',
    verifyIntro:
      'Chữ ký của Sở được kiểm tra ngay trên máy của bạn, kể cả khi không có mạng ({keys} khoá của Sở đã lưu). Tình trạng thu hồi được kiểm tra khi có mạng.',
    pasteCode: 'Dán nội dung mã',
    qrContent: 'Nội dung mã QR',
    verify: 'Xác minh',
    uploadImage: 'Tải ảnh mã QR',
    chooseImage: 'Chọn ảnh',
    noQrInImage: 'Không tìm thấy mã QR trong ảnh.',
    camera: 'Máy ảnh',
    cameraBlocked:
      'Không mở được máy ảnh: hãy cho phép trình duyệt dùng máy ảnh, hoặc tải ảnh lên.',
    browserCannotCheck:
      'Không kiểm tra được mã QR này trên trình duyệt; hãy thử lại hoặc dùng ảnh mã QR.',
    verdictValid: 'HỢP LỆ',
    verdictRevoked: 'ĐÃ BỊ THU HỒI',
    verdictTampered: 'BỊ SỬA ĐỔI / GIẢ MẠO',
    verdictUnknownIssuer: 'KHÔNG RÕ ĐƠN VỊ CẤP',
    verdictUnreadable: 'KHÔNG ĐỌC ĐƯỢC',
    revokedByDecision: 'Văn bằng đã bị thu hồi theo quyết định của Sở.',
    revocationUnchecked: 'Chưa kiểm tra được tình trạng thu hồi (không có mạng).',
    signatureTime: 'Thời gian kiểm tra chữ ký: {ms} ms',
  },
  {
    issueFromSchool: 'Issue from a graduation list',
    issueFromFile: 'Issue from an Excel file',
    issueOne: 'Issue one diploma',
    blankForms: 'Blank forms',
    printRegister: 'Print the register (PDF)',
    school: 'School',
    schoolYear: 'School year',
    diplomaType: 'Diploma type',
    graduationYear: 'Graduation year',
    decisionNumber: 'Graduation decision number',
    decisionDate: 'Decision date',
    issueDate: 'Issue date',
    signerName: 'Signed by',
    signerTitle: 'Signer’s title',
    preview: 'Show the list',
    pickSchool: 'Choose a school.',
    previewCount: '{n} final-grade students; {holds} already hold a diploma; {chosen} chosen.',
    noGraduates: 'The school has no final-grade students in this school year.',
    issueChosen: 'Issue {n} diplomas',
    issuedCount: '{n} diplomas issued.',
    fullName: 'Full name',
    birthDate: 'Date of birth',
    birthPlace: 'Place of birth',
    gender: 'Sex',
    ethnicity: 'Ethnic group',
    examCouncil: 'Exam council',
    notes: 'Notes',
    holds: 'Already holds one',
    serial: 'Serial number',
    registerNumber: 'Register entry number',
    issue: 'Issue',
    issuedOne: 'Diploma issued: serial number {serial}, register entry number {entry}.',
    stock: 'Stock',
    received: 'Received',
    used: 'Printed',
    spoiled: 'Spoiled',
    remaining: 'Left',
    next: 'Next form',
    noBlanks:
      'No blank forms recorded: serials are numbered by the system. Once forms are received, each diploma takes the serial printed on the next form.',
    ranges: 'Ranges received',
    firstSerial: 'First serial number',
    lastSerial: 'Last serial number',
    receivedOn: 'Received on',
    reference: 'Delivery note / covering document',
    receive: 'Receive forms',
    receivedDone: 'Forms received.',
    spoil: 'Record a spoiled form',
    spoilSerial: 'Serial of the spoiled form',
    reason: 'Reason',
    spoiledDone: 'Spoiled form recorded.',
    spoiledForms: 'Spoiled forms',
    at: 'When',
    close: 'Close',
    registerTitle: 'Diploma register — {unit}',
    searchRegister: 'Name, serial number or register entry number',
    graduationYearShort: 'Grad. year',
    status: 'Status',
    statusValid: 'Valid',
    statusCorrected: 'Corrected',
    statusRevoked: 'Revoked',
    registerEntry: 'Register entry number',
    recognitionDecision: 'Graduation decision',
    decisionOn: '{number} of {date}',
    qrAlt: 'Verification QR code',
    downloadCredential: 'Download the digital credential (.json)',
    correctByDecision: 'Correct by decision',
    issueCopy: 'Issue a certified copy',
    revoke: 'Revoke',
    historyDecision: 'decision {number}',
    historyCopyNumber: 'no. {number}',
    printCopy: 'Print the certified copy',
    revokedDone: 'Diploma revoked.',
    saved: 'Saved.',
    save: 'Save',
    cancel: 'Cancel',
    revokeTitle: 'Revoke the diploma',
    decisionNumberShort: 'Decision number',
    correctTitle: 'Correct the diploma',
    copyTitle: 'Issue certified copies from the original register',
    correctionDecisionNumber: 'Correction decision number',
    newFullName: 'New full name',
    newBirthDate: 'New date of birth',
    newBirthPlace: 'New place of birth',
    newEthnicity: 'New ethnic group',
    requester: 'Requested by',
    copies: 'Number of copies',
    copiesInvalid: 'The number of copies must be a whole number from 1 to 20.',
    graduationYearInvalid: 'The graduation year must be a year from 1950 to 2100, e.g. 2026.',
    importTitle: 'Issue diplomas from a list of recognised graduates',
    chooseExcel: 'Choose an Excel file.',
    pickExcel: 'Choose an Excel file (.xlsx)',
    checkFile: 'Check (nothing is issued)',
    importErrors: '{n} errors: no diploma was issued. Correct the file and check it again.',
    importReady:
      '{rows} valid rows: {added} diplomas will be issued, {unchanged} are already in the register.',
    row: 'Row',
    column: 'Column',
    error: 'Error',
    lookupTitle: 'Look up a graduation diploma',
    lookupIntro:
      'Type the serial number (or the register entry number), the full name and the date of birth exactly as they are on the diploma. Partial details are not looked up.',
    serialNumber: 'Diploma serial number',
    birthDateTyped: 'Date of birth (dd/mm/yyyy)',
    lookUp: 'Look up',
    verifyByQr: 'Verify with the QR code',
    lookupNone: 'No diploma matches the details entered.',
    diploma: 'Diploma',
    publicValid: 'Valid',
    publicCorrected: 'Valid (corrected by decision)',
    publicRevoked: 'Revoked',
    verifyTitle: 'Verify a diploma by its QR code',
    verifyIntro:
      'The Department’s signature is checked on your own device, even without a network (Department keys stored: {keys}). Revocation is checked when online.',
    pasteCode: 'Paste the code',
    qrContent: 'QR code content',
    verify: 'Verify',
    uploadImage: 'Upload a picture of the QR code',
    chooseImage: 'Choose a picture',
    noQrInImage: 'No QR code was found in the picture.',
    camera: 'Camera',
    cameraBlocked:
      'The camera could not be opened: allow the browser to use it, or upload a picture.',
    browserCannotCheck:
      'This QR code could not be checked in the browser; try again or use a picture of the QR code.',
    verdictValid: 'VALID',
    verdictRevoked: 'REVOKED',
    verdictTampered: 'ALTERED / FORGED',
    verdictUnknownIssuer: 'UNKNOWN ISSUER',
    verdictUnreadable: 'UNREADABLE',
    revokedByDecision: 'The diploma has been revoked by a decision of the Department.',
    revocationUnchecked: 'Revocation could not be checked yet (no network).',
    signatureTime: 'Signature check time: {ms} ms',
  },
);

/** Diploma types in the page's language; the Vietnamese names are the shared table's. */
export const DIPLOMA_TYPE_NAMES: Record<Lang, Record<DiplomaTypeValue, string>> = {
  vi: DIPLOMA_TYPE_LABELS,
  en: {
    upper_secondary: 'Upper secondary graduation diploma',
    lower_secondary: 'Lower secondary graduation diploma',
  },
};

/** Entries of a diploma's history in the page's language. */
export const DIPLOMA_EVENT_NAMES: Record<Lang, Record<DiplomaEventKindValue, string>> = {
  vi: DIPLOMA_EVENT_LABELS,
  en: {
    issue: 'Issued',
    correction: 'Corrected',
    revocation: 'Revoked',
    copy: 'Certified copy issued',
  },
};

export const GENDER_NAMES = { vi: GENDER_LABELS, en: GENDER_LABELS_EN } satisfies Record<
  Lang,
  Record<keyof typeof GENDER_LABELS, string>
>;

/** The diploma types as Select options, in the page's language. */
export const diplomaTypeOptions = (lang: Lang) =>
  DIPLOMA_TYPES.map((value) => ({ value, label: DIPLOMA_TYPE_NAMES[lang][value] }));

/** The sexes as Select options, in the page's language. */
export const genderOptions = (lang: Lang) =>
  Object.entries(GENDER_NAMES[lang]).map(([value, label]) => ({ value, label }));

/**
 * The verifier (src/modules/diplomas/credentials/qr.ts, shared with the
 * server) explains its outcome in Vietnamese; an English page says it by the
 * outcome's status instead.
 */
export const QR_OUTCOME_EN: Record<QrStatus, string> = {
  valid: 'The diploma is valid (the Department’s signature is correct).',
  tampered:
    'The QR code has been altered or damaged: its content is no longer what the Department signed. Do not treat this diploma as valid.',
  unknown_issuer: 'Unknown issuer: the signing key is not one of the Department’s keys.',
  unreadable:
    'This QR code could not be read as a diploma code of the Department (it may be cut off, or not a diploma code); try again or use a picture of the QR code.',
};

/**
 * Texts that are data, not interface: they are written onto the diploma and
 * into the register, Vietnamese documents, so they are the same in both
 * languages of the page.
 */
export const DIPLOMA_DATA = {
  /** The usual signer of a department's diplomas, offered as the default title. */
  signerTitle: 'Giám đốc',
  /** How a decision of the department is numbered, as a placeholder. */
  decisionNumberExample: '1234/QĐ-SGDĐT',
} as const;

/**
 * Field names for dateRules, which words its messages in the page's language
 * (activeLang, web/src/shared/DateInput.tsx): read in that language when the
 * form renders its rules, so that each message is in one language.
 */
export const DATE_RULE_LABELS = new Proxy(diplomaMessages.vi, {
  get: (_vi, key: string) => (diplomaMessages[activeLang()] as Record<string, string>)[key],
});
