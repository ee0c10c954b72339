/**
 * How the audit log names the e-office's rows and fields (src/core/audit.ts):
 * plain data, installed from the module's descriptor.
 */
import type { AuditLabels } from '../../core/audit.ts';
import {
  CHANNEL_NAMES,
  CONFIDENTIALITY_NAMES,
  INCOMING_STATUS_NAMES,
  OUTGOING_STATUS_NAMES,
  RECIPIENT_STATUS_NAMES,
  SIGNATURE_STATUS_NAMES,
  URGENCY_NAMES,
} from './labels.ts';

const document = {
  notation: { vi: 'Số, ký hiệu', en: 'Number and symbol' },
  subject: { vi: 'Trích yếu', en: 'Subject' },
  doc_date: { vi: 'Ngày văn bản', en: 'Document date' },
  urgency: { vi: 'Độ khẩn', en: 'Urgency' },
  confidentiality: { vi: 'Độ mật', en: 'Confidentiality' },
  status: { vi: 'Trạng thái', en: 'Status' },
};

export const OFFICE_AUDIT: AuditLabels = {
  subjects: {
    office_unit: {
      noun: { vi: 'thiết lập văn thư của đơn vị', en: 'office settings of a unit' },
      name: ['abbreviation'],
      fields: {
        abbreviation: { vi: 'Tên viết tắt', en: 'Abbreviation' },
        divisions: { vi: 'Các phòng, bộ phận', en: 'Divisions' },
      },
    },
    office_outgoing: {
      noun: { vi: 'văn bản đi', en: 'outgoing document' },
      name: ['notation'],
      fields: { ...document, signer_name: { vi: 'Người ký', en: 'Signed by' } },
      values: {
        urgency: URGENCY_NAMES,
        confidentiality: CONFIDENTIALITY_NAMES,
        status: OUTGOING_STATUS_NAMES,
      },
    },
    office_incoming: {
      noun: { vi: 'văn bản đến', en: 'incoming document' },
      name: ['notation'],
      fields: {
        ...document,
        arrival_number: { vi: 'Số đến', en: 'Arrival number' },
        sender_name: { vi: 'Nơi gửi', en: 'Sender' },
        channel: { vi: 'Hình thức nhận', en: 'Received by' },
      },
      values: {
        urgency: URGENCY_NAMES,
        confidentiality: CONFIDENTIALITY_NAMES,
        status: INCOMING_STATUS_NAMES,
        channel: CHANNEL_NAMES,
      },
    },
    office_recipient: {
      noun: { vi: 'nơi nhận văn bản', en: 'document recipient' },
      name: ['outside_name'],
      fields: { status: { vi: 'Trạng thái', en: 'Status' } },
      values: { status: RECIPIENT_STATUS_NAMES },
    },
    office_assignment: {
      noun: { vi: 'phân công xử lý', en: 'assignment' },
      fields: {
        instruction: { vi: 'Ý kiến chỉ đạo', en: 'Instruction' },
        deadline: { vi: 'Hạn xử lý', en: 'Deadline' },
        status: { vi: 'Trạng thái', en: 'Status' },
        progress: { vi: 'Tiến độ', en: 'Progress' },
        result: { vi: 'Kết quả', en: 'Result' },
      },
    },
    office_calendar_week: {
      noun: { vi: 'lịch công tác tuần', en: 'weekly calendar' },
      name: ['week_start'],
      fields: { published_at: { vi: 'Ngày công bố', en: 'Published' } },
    },
    office_calendar_entry: {
      noun: { vi: 'mục lịch công tác', en: 'calendar entry' },
      name: ['content'],
      fields: {
        day: { vi: 'Ngày', en: 'Day' },
        start_time: { vi: 'Giờ', en: 'Time' },
        content: { vi: 'Nội dung', en: 'Content' },
        chair: { vi: 'Chủ trì', en: 'Chair' },
        place: { vi: 'Địa điểm', en: 'Place' },
        participants: { vi: 'Thành phần', en: 'Participants' },
      },
    },
    office_certificate: {
      noun: { vi: 'chứng thư số', en: 'certificate' },
      name: ['subject'],
      fields: { not_after: { vi: 'Hiệu lực đến', en: 'Valid until' } },
    },
    office_signature_check: {
      noun: { vi: 'kết quả kiểm tra chữ ký số', en: 'signature check' },
      fields: {
        status: { vi: 'Kết quả', en: 'Result' },
        signature_count: { vi: 'Số chữ ký', en: 'Signatures' },
      },
      values: { status: SIGNATURE_STATUS_NAMES },
    },
    office_trusted_root: {
      noun: { vi: 'chứng thư gốc tin cậy', en: 'trusted root certificate' },
      name: ['subject'],
      fields: {
        not_after: { vi: 'Hiệu lực đến', en: 'Valid until' },
        removed_at: { vi: 'Ngày bỏ khỏi danh sách', en: 'Removed' },
      },
    },
  },
  actions: {
    office_sign: { vi: 'Ký số', en: 'Signed' },
    office_sign_prepare: {
      vi: 'Chuẩn bị ký bằng thiết bị ký số',
      en: 'Prepared for signing with a signing device',
    },
    office_view: { vi: 'Mở văn bản', en: 'Opened a document' },
    office_download: { vi: 'Tải tệp văn bản', en: 'Downloaded a document file' },
  },
};
