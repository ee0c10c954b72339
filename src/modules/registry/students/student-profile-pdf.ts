import type { Db } from '../../../db/connection.ts';
import { todayInVietnam } from '../../../lib/dates.ts';
import { formatVietnameseDate } from '../../../lib/dates.ts';
import { finishPdf, newPdf } from '../../../lib/pdf.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { GENDER_LABELS, STUDENT_STATUS_LABELS } from '../contract.ts';
import { getStudent } from './get-student.ts';

/**
 * The student profile (sơ yếu lý lịch học sinh) as an A4 PDF: the record as
 * the caller may see it (the personal id masked unless they may edit), one
 * line per field, empty fields written as a dash so no label is left
 * without its line, then the enrolment per school year.
 */
export async function studentProfilePdf(
  db: Db,
  scope: Scope,
  input: { studentId: string },
): Promise<{ bytes: Buffer; fullName: string }> {
  const s = await getStudent(db, scope, input);
  const doc = newPdf({ layout: 'portrait', title: `Sơ yếu lý lịch - ${s.fullName}`, margin: 56 });
  const width = doc.page.width - 112;
  doc.fontSize(11).font('bold');
  doc.text('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', width });
  doc.text('Độc lập - Tự do - Hạnh phúc', { align: 'center', width });
  doc.moveDown(1.5).fontSize(15).text('SƠ YẾU LÝ LỊCH HỌC SINH', { align: 'center', width });
  doc.moveDown(0.3).font('regular').fontSize(10).text(s.school.name, { align: 'center', width });
  doc.moveDown(1.2).fontSize(11);
  const line = (label: string, value: string | null) => {
    const y = doc.y;
    doc.font('bold').text(`${label}:`, 56, y, { width: 170 });
    const after = doc.y;
    doc.font('regular').text(value || '—', 236, y, { width: width - 180 });
    doc.y = Math.max(after, doc.y) + 4;
  };
  line('Họ và tên', s.fullName);
  line('Ngày sinh', formatVietnameseDate(s.birthDate));
  line('Giới tính', GENDER_LABELS[s.gender]);
  line('Dân tộc', s.ethnicity);
  line('Nơi sinh', s.birthPlace);
  line('Mã định danh cá nhân', s.personalId ?? s.personalIdMasked);
  line('Mã học sinh', s.studentCode);
  line('Chỗ ở hiện nay', s.address);
  line('Cha mẹ hoặc người giám hộ', s.guardianName);
  line('Điện thoại liên hệ', s.phone);
  line(
    'Tình trạng',
    `${STUDENT_STATUS_LABELS[s.status]}${s.statusReason ? ` (${s.statusReason})` : ''}`,
  );
  doc.moveDown(1).font('bold').fontSize(12).text('Quá trình học tập', 56, doc.y, { width });
  doc.moveDown(0.4).fontSize(11);
  if (s.enrolments.length === 0) doc.font('regular').text('Chưa có.', 56, doc.y, { width });
  for (const e of s.enrolments)
    line(`Năm học ${e.schoolYear}`, `Lớp ${e.className}, ${e.school.name}`);
  if (s.diplomas.length) {
    doc.moveDown(1).font('bold').fontSize(12).text('Văn bằng', 56, doc.y, { width });
    doc.moveDown(0.4).fontSize(11);
    for (const d of s.diplomas)
      line(
        d.diplomaType === 'upper_secondary' ? 'Bằng tốt nghiệp THPT' : 'Bằng tốt nghiệp THCS',
        `Số hiệu ${d.serialNumber}, số vào sổ ${d.registerNumber}, cấp ngày ${formatVietnameseDate(d.issueDate)}`,
      );
  }
  doc
    .moveDown(1.5)
    .font('regular')
    .fontSize(10)
    .text(`In ngày ${formatVietnameseDate(todayInVietnam())}`, 56, doc.y, {
      width,
      align: 'right',
    });
  return { bytes: await finishPdf(doc), fullName: s.fullName };
}
