import type { Db } from '../../db/connection.ts';
import { finishPdf, newPdf } from '../../lib/pdf.ts';
import { requireApplicant } from './applicant.ts';
import { procedureById } from './catalogue.ts';
import type { ApplicantQuery } from './contract.ts';
import { inVietnam } from './deadline.ts';
import { departmentUnit, documentsOf } from './repo.ts';

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả): the code, the
 * procedure, when it was received and the due date, the documents received.
 */
export async function receiptPdf(db: Db, query: ApplicantQuery): Promise<Buffer> {
  const a = await requireApplicant(db, query);
  const [department, documents] = await Promise.all([departmentUnit(db), documentsOf(db, a.id)]);
  const received = inVietnam(new Date(a.received_at));
  const doc = newPdf({ layout: 'portrait', title: `Giấy tiếp nhận hồ sơ ${a.code}`, margin: 56 });
  doc
    .font('bold')
    .fontSize(12)
    .text((department?.name ?? 'Sở Giáo dục và Đào tạo').toUpperCase());
  doc.font('regular').fontSize(10).text('Bộ phận tiếp nhận và trả kết quả');
  doc.moveDown(1.5);
  doc
    .font('bold')
    .fontSize(15)
    .text('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { align: 'center' });
  doc.moveDown();
  doc.font('regular').fontSize(11);
  const line = (label: string, value: string) => {
    doc.font('regular').text(`${label}: `, { continued: true }).font('bold').text(value);
  };
  line('Mã hồ sơ', a.code);
  line('Thủ tục', procedureById(a.procedure)?.name ?? a.procedure);
  line('Người nộp', a.full_name);
  line('Số định danh cá nhân', a.personal_id);
  line('Thư điện tử', a.email);
  line('Tiếp nhận lúc', `${received.time.slice(0, 5)} ngày ${dmy(received.date)} (trực tuyến)`);
  line('Hẹn trả kết quả', `ngày ${dmy(String(a.due_date).slice(0, 10))}`);
  doc.moveDown();
  doc.font('regular').text('Tài liệu đã nhận:');
  if (!documents.length) doc.text('  (đơn khai trực tuyến; không có tệp đính kèm)');
  for (const d of documents) doc.text(`  • ${d.file_name} (${d.requirement})`);
  doc.moveDown();
  doc
    .fontSize(9)
    .text(
      'Tra cứu tình trạng và nhận kết quả bằng mã hồ sơ và số định danh cá nhân trên trang Dịch vụ công của Sở. Thời gian chờ bổ sung hồ sơ không tính vào thời hạn giải quyết.',
    );
  return finishPdf(doc);
}
