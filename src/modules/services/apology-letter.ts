import type { Scope } from '../../core/access/scope.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Mailer } from '../../core/mail/mailer.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { finishPdf, newPdf } from '../../lib/pdf.ts';
import { loadCalendar } from './calendar.ts';
import { procedureById } from './catalogue.ts';
import type { ApologyBody } from './contract.ts';
import { inVietnam, isWorkingDay } from './deadline.ts';
import { applicationById, insertApologyOnce, insertEvent } from './repo.ts';
import { requireDepartment } from './staff.ts';

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The apology and new appointment for an overdue application (phiếu xin lỗi
 * và hẹn lại ngày trả kết quả: the one-stop rules, Decree 61/2018/NĐ-CP
 * Art. 19, form of Circular 01/2018/TT-VPCP): drafted for the clerk to sign,
 * with the reason and the new date, a working day after today. The first
 * draft is also mailed to the applicant.
 */
export async function apologyLetter(
  db: Db,
  scope: Scope,
  input: { id: string } & ApologyBody,
  deps: { mail: Mailer },
  now: Date = new Date(),
): Promise<Buffer> {
  const department = await requireDepartment(db, scope, 'services.receive');
  const a = isUuid(input.id) ? await applicationById(db, input.id) : undefined;
  if (!a || a.authority_id !== department.id) throw notFound('hồ sơ');
  const today = inVietnam(now).date;
  const due = String(a.due_date).slice(0, 10);
  if (!['received', 'handling', 'approval'].includes(a.status) || due >= today)
    throw badRequest('Chỉ lập phiếu xin lỗi cho hồ sơ đang giải quyết đã quá hạn.');
  const calendar = await loadCalendar(db);
  if (input.newDate <= today || !isWorkingDay(calendar, input.newDate))
    throw badRequest('Ngày hẹn lại cần là một ngày làm việc sau hôm nay.', [
      { path: 'body.newDate', message: 'Chọn một ngày làm việc sau hôm nay' },
    ]);
  const procedureName = procedureById(a.procedure)?.name ?? a.procedure;
  const greeting = `Kính gửi: ${a.full_name}`;
  const body = [
    `Ngày ${dmy(inVietnam(new Date(a.received_at)).date)}, ${department.name} tiếp nhận hồ sơ "${procedureName}" của Ông/Bà, mã hồ sơ ${a.code}, hẹn trả kết quả ngày ${dmy(due)}.`,
    `Tuy nhiên đến nay hồ sơ chưa giải quyết xong. Lý do: ${input.reason}.`,
    `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi thành thật xin lỗi và hẹn trả kết quả vào ngày ${dmy(input.newDate)}.`,
  ];
  const doc = newPdf({ layout: 'portrait', title: `Phiếu xin lỗi ${a.code}`, margin: 56 });
  doc.font('bold').fontSize(12).text(department.name.toUpperCase());
  doc.font('regular').fontSize(10).text('Bộ phận tiếp nhận và trả kết quả');
  doc.moveDown(1.5);
  doc
    .font('bold')
    .fontSize(14)
    .text('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', { align: 'center' });
  doc.moveDown();
  doc.font('regular').fontSize(11);
  doc.text(greeting);
  for (const paragraph of body) {
    doc.moveDown(0.5);
    doc.text(paragraph);
  }
  doc.moveDown(2);
  doc.text('NGƯỜI LẬP PHIẾU', { align: 'right' });
  doc.text(scope.user.fullName, { align: 'right' });
  const pdf = await finishPdf(doc);

  // The letter also goes to the applicant's e-mail, once per application
  // (the first draft; a later draft is only printed): recorded, audited, in
  // the history. Mailed inside the transaction, so a failed send records nothing.
  await writeTransaction(db, scope.actor, async (tx) => {
    const first = await insertApologyOnce(tx, {
      id: uuidv7(now.getTime()),
      application_id: a.id,
      authority_id: department.id,
      reason: input.reason,
      new_date: input.newDate,
      mailed_to: a.email,
      drafted_by: scope.actor.name,
      drafted_at: now,
    });
    if (!first) return;
    await insertEvent(tx, {
      id: uuidv7(now.getTime()),
      application_id: a.id,
      kind: 'apology',
      status: a.status,
      note: `Gửi phiếu xin lỗi đến ${a.email}, hẹn lại ngày ${dmy(input.newDate)}`,
      actor: scope.actor.name,
      at: now,
    });
    await deps.mail.send({
      to: a.email,
      subject: `Hồ sơ ${a.code}: xin lỗi và hẹn lại ngày trả kết quả`,
      text: [
        department.name.toUpperCase(),
        'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
        '',
        greeting,
        '',
        ...body,
        '',
        `Người lập phiếu: ${scope.user.fullName}`,
      ].join('\n'),
    });
  });
  return pdf;
}
