/** English of the office module's problem texts (see ../problem-language.ts). */
export const OFFICE_EN: Record<string, string> = {
  'văn bản đến': 'incoming document',
  'Văn bản {} đã bị bên gửi thu hồi: không giao xử lý được nữa.':
    'Document {} has been recalled by its sender: it can no longer be assigned.',
  'Văn bản {} đã được xử lý xong.': 'Document {} has already been fully processed.',
  'Hạn xử lý {} trước ngày vào sổ hoặc đã qua: hạn phải từ hôm nay trở đi.':
    'The processing deadline {} is before the registration date or has passed: the deadline must be today or later.',
  'Hạn xử lý đã qua': 'The processing deadline has passed',
  'Người được giao ({}) không phải cán bộ đang làm việc của đơn vị.':
    'The assignee ({}) is not a working staff member of the unit.',
  'Không phải cán bộ của đơn vị': 'Not a staff member of the unit',
  'văn bản': 'document',
  'Văn bản đã thu hồi: không thêm tệp.': 'The document has been recalled: no files can be added.',
  'Dự thảo đang trình duyệt hoặc đã duyệt: chỉ thêm tệp khi đang soạn.':
    'The draft is under review or approved: files can be added only while drafting.',
  'Không có đơn vị mã "{}".': 'There is no unit with code "{}".',
  'văn bản đi': 'outgoing document',
  'Văn bản {} đã thu hồi.': 'Document {} has been recalled.',
  'Ký {}. cần ghi thay mặt cho ai (ví dụ GIÁM ĐỐC).':
    'Signing "{}." must state on whose behalf (e.g. GIÁM ĐỐC).',
  'Cần thẩm quyền ký': 'Signing authority needed',
  'mục lịch công tác': 'work calendar entry',
  'dự thảo': 'draft',
  'Không đọc được tệp PKCS#12: mật khẩu không đúng, hoặc tệp không phải .p12/.pfx.':
    'The PKCS#12 file cannot be read: the password is wrong, or the file is not .p12/.pfx.',
  'Tệp PKCS#12 không có khoá bí mật.': 'The PKCS#12 file has no private key.',
  'Tệp PKCS#12 không có chứng thư số.': 'The PKCS#12 file has no certificate.',
  'Khoá bí mật trong tệp không khớp với chứng thư số nào trong tệp.':
    'The private key in the file matches none of the certificates in the file.',
  'Chứng thư số đã hết hạn ngày {}.': 'The certificate expired on {}.',
  'Chứng thư số chưa có hiệu lực (từ {}).': 'The certificate is not yet valid (from {}).',
  'Văn bản {} đã phát hành, đã thu hồi hoặc không đi qua dự thảo.':
    'Document {} has been issued, has been recalled or did not go through a draft.',
  'Văn bản {} đang được phát hành.': 'Document {} is being issued.',
  'Chỉ cấp số cho dự thảo đã được lãnh đạo duyệt.':
    "A number is given only to a draft approved by the unit's leadership.",
  'Dự thảo đã thay đổi hoặc đã được cấp số: hãy tải lại.':
    'The draft has changed or has already been numbered: reload.',
  'Tuần này chưa có lịch công tác nào để công bố.':
    'This week has no work calendar entries to publish.',
  'Ngày văn bản {} ở tương lai: hãy kiểm tra lại.':
    'Document date {} is in the future: check it again.',
  'Ngày văn bản ở tương lai': 'Document date in the future',
  'Văn bản {} của {} đã vào sổ năm {} với số đến {}.':
    'Document {} of {} was registered in {} as incoming number {}.',
  'Ngày văn bản {} chưa đến: chỉ cấp số cho văn bản đã ký, đến hôm nay.':
    'Document date {} has not come yet: only documents signed by today are numbered.',
  'Loại văn bản {} chưa có vào ngày {}.': 'Document type {} did not exist yet on {}.',
  'Đơn vị {} chưa có tên viết tắt để ghi ký hiệu văn bản: hãy khai báo trong "Cài đặt văn thư" (hoặc "sogd office set-abbreviation").':
    'Unit {} has no abbreviation for document symbols yet: set it in "Cài đặt văn thư" (Office settings) (or "sogd office set-abbreviation").',
  'Không có đơn vị nhận mã "{}".': 'There is no recipient unit with code "{}".',
  'Đơn vị nhận {} ({}) nằm ngoài phạm vi gửi của {}: chỉ gửi cho đơn vị trực thuộc hoặc cấp trên; đơn vị khác nhận qua nơi gửi ngoài hệ thống.':
    'Recipient unit {} ({}) is outside the sending scope of {}: send only to subordinate units or the level above; other units receive through external recipients.',
  'Đơn vị nhận {} đã ngừng hoạt động.': 'Recipient unit {} has ceased operating.',
  'việc được giao': 'assigned task',
  'Chỉ người chủ trì hoặc lãnh đạo đơn vị báo cáo kết quả việc này.':
    "Only the lead handler or the unit's leadership reports the result of this task.",
  'Việc này đã hoàn thành.': 'This task has been completed.',
  'Hãy ghi kết quả xử lý khi báo hoàn thành.':
    'Write the processing result when reporting completion.',
  'Chưa có kết quả': 'No result yet',
  'Không có gì để báo cáo: hãy ghi tiến độ hoặc kết quả.':
    'Nothing to report: write the progress or the result.',
  'Chưa chọn tệp PDF của văn bản.': 'No PDF file of the document was chosen.',
  'Chỉ người soạn được sửa dự thảo.': 'Only the drafter may edit the draft.',
  'Dự thảo đã thay đổi hoặc đang trình duyệt: hãy tải lại trước khi sửa.':
    'The draft has changed or is under review: reload before editing.',
  'Văn bản {} đã được ký số.': 'Document {} has already been digitally signed.',
  'Tệp lớn quá 50 MB.': 'The file is larger than 50 MB.',
  'bản ký số của văn bản': 'digitally signed copy of the document',
  'Chỉ người soạn trình dự thảo của mình.': 'Only the drafter submits their own draft.',
  'Người soạn không tự kiểm tra hay duyệt dự thảo của mình.':
    'The drafter does not check or approve their own draft.',
  'Trả lại dự thảo cần ghi ý kiến: sửa gì, vì sao.':
    'Sending a draft back needs a comment: what to fix, and why.',
  'Cần ý kiến khi trả lại': 'A comment is needed when sending back',
  'Dự thảo không ở bước này nữa (đang "{}", phiên bản {}): hãy tải lại.':
    'The draft is no longer at this step (it is "{}", version {}): reload.',
  'Văn bản {} đã được thu hồi trước đó.': 'Document {} had already been recalled.',
  'Chỉ Sở (đơn vị gốc) cấu hình danh sách chứng thư gốc tin cậy.':
    'Only the department (root unit) configures the list of trusted root certificates.',
  'Mỗi lần chỉ thêm một chứng thư gốc (tệp có nhiều chứng thư).':
    'Add one root certificate at a time (the file has several certificates).',
  'Chứng thư gốc phải ở dạng PEM (-----BEGIN CERTIFICATE-----) hoặc DER base64.':
    'A root certificate must be in PEM form (-----BEGIN CERTIFICATE-----) or DER base64.',
  'Không đọc được chứng thư gốc: nội dung không phải chứng thư X.509.':
    'The root certificate cannot be read: the content is not an X.509 certificate.',
  'Chứng thư này không phải chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA): không thêm làm gốc tin cậy.':
    "This certificate is not a certification authority's (CA) certificate: it is not added as a trusted root.",
  'Chứng thư gốc đã hết hạn từ {}.': 'The root certificate expired on {}.',
  'Chứng thư gốc này đã có trong danh sách tin cậy.':
    'This root certificate is already in the trusted list.',
  'chứng thư gốc': 'root certificate',
  'Không đọc được tệp {}: {}.': 'File {} cannot be read: {}.',
  'Tệp {} là PDF hỏng hoặc bị cắt (không có phần kết %%EOF): hãy xuất lại tệp PDF.':
    'File {} is a damaged or truncated PDF (no %%EOF end): export the PDF again.',
  'Tệp {} có mật khẩu (PDF mã hoá): hãy gỡ mật khẩu rồi tải lên lại.':
    'File {} has a password (encrypted PDF): remove the password and upload it again.',
  'Tệp {} không phải văn bản Word (DOCX): không có word/document.xml.':
    'File {} is not a Word document (DOCX): there is no word/document.xml.',
  'Tệp {} không phải PDF, DOCX hay ảnh quét (PNG, JPEG): nội dung tệp không khớp.':
    "File {} is not a PDF, DOCX or scanned image (PNG, JPEG): the file's content does not match.",
  'Tệp {} là PDF hỏng: không đọc được nội dung của tệp.':
    'File {} is a damaged PDF: its content cannot be read.',
  'Tệp không phải PDF (không bắt đầu bằng "%PDF-").':
    'The file is not a PDF (it does not start with "%PDF-").',
  'Tệp PDF bị cắt cụt (thiếu %%EOF).': 'The PDF file is truncated (missing %%EOF).',
  'Tệp PDF có mật khẩu (mã hoá): hãy gỡ mật khẩu trước khi ký.':
    'The PDF file has a password (encrypted): remove the password before signing.',
  'Không đọc được cấu trúc PDF để chèn chữ ký ({}); tệp dùng bảng tham chiếu nén hoặc bị hỏng.':
    'The PDF structure cannot be read to insert the signature ({}); the file uses a compressed cross-reference table or is damaged.',
  '{} dài quá {} ký tự': '{} is longer than {} characters',
  '{} không được để trống': '{} must not be empty',
  'Ngày không tồn tại': 'The date does not exist',
  'Ngày cần dạng yyyy-mm-dd': 'A date has the form yyyy-mm-dd',
  'Tên viết tắt chỉ gồm chữ, số và "&", tối đa 20 ký tự':
    'An abbreviation has only letters, digits and "&", at most 20 characters',
  'Loại văn bản cần là một ký hiệu của Phụ lục III Nghị định 30/2020/NĐ-CP: {}':
    'The document type must be a symbol of Annex III of Decree 30/2020/NĐ-CP: {}',
  'Tệp PKCS#12 cần gửi dạng base64': 'The PKCS#12 file must be sent as base64',
  'Tệp PKCS#12 quá lớn (tối đa khoảng 150 KB)':
    'The PKCS#12 file is too large (at most about 150 KB)',
  'Trích yếu': 'Summary',
  'Người ký': 'Signer',
  'Nơi nhận': 'Recipients',
  'Chưa có chứng thư gốc.': 'No root certificate given.',
  'Nội dung văn bản': 'Document content',
  'Thẩm quyền ký thay mặt cho': 'Signing authority on behalf of',
  'Chức vụ người ký': "Signer's position",
  'Địa danh': 'Place name',
  'Lý do thu hồi': 'Reason for recall',
  'Nơi gửi': 'Sender',
  'Số, ký hiệu': 'Number and symbol',
  'Ý kiến chỉ đạo': 'Direction',
  'Tiến độ': 'Progress',
  'Kết quả': 'Result',
  'Giờ cần dạng HH:MM (00:00–23:59)': 'A time has the form HH:MM (00:00–23:59)',
  'Nội dung': 'Content',
  'Lãnh đạo chủ trì': 'Presiding leader',
  'Địa điểm': 'Venue',
  // edXML packages (edxml.ts, edxml-exchange.ts); BadEdxmlError's texts arrive inside 'Gói tin edXML: {}'.
  'Gói tin edXML: {}': 'edXML package: {}',
  'Ngày ban hành {} của gói tin ở tương lai.': "The package's date of issue {} is in the future.",
  'Ngày ở tương lai': 'Date in the future',
  'Gói tin edXML, tệp {}: {}': 'edXML package, file {}: {}',
  'tên cơ quan gửi': "the sending organisation's name",
  'số văn bản': 'the document number',
  'ký hiệu văn bản': 'the document notation',
  'ngày ban hành': 'the date of issue',
  'trích yếu': 'the subject',
  'Hãy gửi gói tin edXML dạng multipart/form-data, trường "file".':
    'Send the edXML package as multipart/form-data, field "file".',
  'Chưa chọn tệp gói tin edXML (trường "file").': 'No edXML package file chosen (field "file").',
  'Gói tin edXML thiếu <{}> ({}).': 'The edXML package lacks <{}> ({}).',
  '<{}> "{}" không phải ngày (cần dạng yyyy/mm/dd).':
    '<{}> "{}" is not a date (yyyy/mm/dd expected).',
  'Gói tin edXML không được có khai báo DOCTYPE hay ENTITY.':
    'An edXML package may not contain a DOCTYPE or ENTITY declaration.',
  'Tệp không phải XML hợp lệ (dòng {}, cột {}): {}':
    'The file is not valid XML (line {}, column {}): {}',
  'Tệp không phải gói tin edXML (cần <edXML><edXMLEnvelope><edXMLHeader><MessageHeader>).':
    'The file is not an edXML package (<edXML><edXMLEnvelope><edXMLHeader><MessageHeader> expected).',
  'Gói tin edXML có không gian tên {}, cần {}.':
    'The edXML package has the namespace {}; {} is expected.',
  'Tệp đính kèm {} ({}) của gói tin không có nội dung (<AttachmentEncoded>/<Attachment> với ContentId {}).':
    'Attachment {} ({}) of the package has no content (<AttachmentEncoded>/<Attachment> with ContentId {}).',
  'Nội dung tệp đính kèm {} không phải base64.': 'The content of attachment {} is not base64.',
  'Tệp đính kèm {} lớn quá {} MB.': 'Attachment {} is larger than {} MB.',
  // Signing with a USB token or a remote signing service (signing/external-signature.ts).
  '{} phải ở dạng base64': '{} must be base64',
  'Chữ ký CMS': 'The CMS signature',
  'Giá trị chữ ký': 'The signature value',
  'Cần chứng thư của người ký': "The signer's certificate is needed",
  'Tối đa 5 chứng thư': 'At most 5 certificates',
  'Mã chuẩn bị ký không hợp lệ': 'Invalid signing preparation id',
  'Cần đúng một trong hai: cms, hoặc signature kèm certificates':
    'Exactly one of the two is needed: cms, or signature with certificates',
  'Chữ ký thô cần kèm chuỗi chứng thư (certificates)':
    'A raw signature needs its certificate chain (certificates)',
  'Không chèn được chỗ cho chữ ký vào tệp PDF.':
    'No room for the signature could be added to the PDF.',
  'Chữ ký dài quá chỗ dành sẵn trong PDF ({} byte, tối đa {}).':
    'The signature is longer than the room kept for it in the PDF ({} bytes, at most {}).',
  'lần chuẩn bị ký': 'signing preparation',
  'Lần chuẩn bị ký này đã dùng: hãy chuẩn bị ký lại.':
    'This signing preparation has been used: prepare the signing again.',
  'Lần chuẩn bị ký đã quá {} phút: hãy chuẩn bị ký lại.':
    'The signing preparation is older than {} minutes: prepare the signing again.',
  'Chữ ký thô cần chứng thư của người ký gửi ở bước chuẩn bị ký; hãy chuẩn bị lại kèm chứng thư, hoặc gửi chữ ký CMS.':
    "A raw signature needs the signer's certificate sent at the prepare step; prepare again with the certificate, or send a CMS signature.",
  'Chứng thư thứ {} không đọc được (cần PEM hoặc DER base64).':
    'Certificate {} cannot be read (PEM or base64 DER expected).',
  'Chứng thư người ký khác chứng thư đã gửi ở bước chuẩn bị ký.':
    "The signer's certificate differs from the one sent at the prepare step.",
  'Ký bằng thiết bị ký số cần người ký đăng nhập.':
    'Signing with a signing device needs the signer to be signed in.',
  'Không đọc được chứng thư của người ký (cần PEM hoặc DER).':
    "The signer's certificate cannot be read (PEM or DER expected).",
  'Chữ ký thô chỉ nhận khoá RSA; với khoá khác, hãy gửi chữ ký CMS.':
    'A raw signature is accepted for RSA keys only; for another key, send a CMS signature.',
  'Chữ ký không hợp lệ: không kiểm tra được bằng chứng thư của người ký.':
    "Invalid signature: it does not verify with the signer's certificate.",
  'Chữ ký không khớp với văn bản đã chuẩn bị: mã băm được ký khác mã băm của vùng ký.':
    'The signature does not match the prepared document: the signed digest differs from the byte range digest.',
  'Chứng thư của người ký không dẫn về chứng thư gốc tin cậy nào của Sở.':
    "The signer's certificate does not chain to any root certificate the department trusts.",
  'Chứng thư của người ký hết hiệu lực hoặc chưa có hiệu lực.':
    "The signer's certificate has expired or is not yet valid.",
};
