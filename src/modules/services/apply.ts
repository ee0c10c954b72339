import { randomInt } from 'node:crypto';
import { AppError, badRequest } from '../../core/errors.ts';
import type { Mailer } from '../../core/mail/mailer.ts';
import { systemActor, writeTransaction, type Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { findDiplomaOfApplicant } from '../diplomas/index.ts';
import { loadCalendar } from './calendar.ts';
import { procedureById } from './catalogue.ts';
import { copyDetails, correctionDetails, type ApplyBody, type Receipt } from './contract.ts';
import { deadlineRule, dueDate, inVietnam } from './deadline.ts';
import { OTP_TRIES } from './labels.ts';
import { otpHash } from './otp.ts';
import {
  departmentUnit,
  insertApplication,
  insertEvent,
  lockLatestOtp,
  updateOtp,
} from './repo.ts';

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** DVC-yymmdd-XXXXXX: the receiving day, then 6 random characters (34^6 ≈ 1,5 tỷ). */
function applicationCode(at: Date): string {
  const day = inVietnam(at).date.replaceAll('-', '').slice(2);
  let tail = '';
  for (let i = 0; i < 6; i++) tail += CODE_ALPHABET[randomInt(0, CODE_ALPHABET.length)];
  return `DVC-${day}-${tail}`;
}

/** The one-time code checked and spent inside the application's transaction. */
async function checkOtp(
  tx: Tx,
  body: ApplyBody,
  now: Date,
  spend: boolean,
): Promise<'ok' | 'wrong' | 'none'> {
  const otp = await lockLatestOtp(tx, body.email.toLowerCase(), body.personalId);
  if (!otp || new Date(otp.expires_at) < now || otp.attempts >= OTP_TRIES) return 'none';
  if (otp.code_hash !== otpHash(otp.id, body.otp)) {
    await updateOtp(tx, otp.id, { attempts: otp.attempts + 1 });
    return 'wrong';
  }
  if (spend) await updateOtp(tx, otp.id, { used_at: now });
  return 'ok';
}

function otpRefused(outcome: 'wrong' | 'none'): AppError {
  if (outcome === 'wrong')
    return badRequest('Mã xác nhận không đúng.', [{ path: 'body.otp', message: 'Mã không đúng' }]);
  return new AppError(
    400,
    'Mã xác nhận hết hiệu lực',
    'Mã xác nhận đã hết hạn, đã dùng hoặc sai quá nhiều lần. Hãy yêu cầu mã mới.',
    [{ path: 'body.otp', message: 'Hãy yêu cầu mã mới' }],
  );
}

/**
 * An application filed online without an account (issue #19 item 2): the
 * one-time code proves the e-mail, the procedure's own details are checked
 * (for a copy: the applicant's own diploma in the register, matched on
 * serial, name and date of birth together), the due date is set by
 * docs/formats/services.md, and the receipt is mailed. Bad input changes
 * nothing; a wrong code only counts a try.
 */
export async function submitApplication(
  db: Db,
  mail: Mailer,
  body: ApplyBody,
  now: Date = new Date(),
): Promise<Receipt> {
  const procedure = procedureById(body.procedure);
  const rule = procedure?.deadline
    ? deadlineRule(procedure.deadline, inVietnam(now).date)
    : undefined;
  if (!procedure || !rule || procedure.online === 'none')
    throw badRequest(`Thủ tục "${body.procedure}" chưa nhận hồ sơ trực tuyến.`, [
      { path: 'body.procedure', message: 'Chọn một thủ tục có nộp trực tuyến' },
    ]);
  // The code first (a wrong one counts a try), so the register answers only a proven address.
  const actor = systemActor('nộp hồ sơ trực tuyến');
  const first = await writeTransaction(db, actor, (tx) => checkOtp(tx, body, now, false));
  if (first !== 'ok') throw otpRefused(first);
  let details: Record<string, unknown> = body.details;
  let diplomaId: string | null = null;
  if (procedure.result === 'diploma_copy' || procedure.result === 'diploma_correction') {
    const parsed = (
      procedure.result === 'diploma_copy' ? copyDetails : correctionDetails
    ).safeParse(body.details);
    if (!parsed.success)
      throw badRequest(
        'Thông tin bản sao chưa đúng.',
        parsed.error.issues.map((i) => ({
          path: `body.details.${i.path.join('.')}`,
          message: i.message,
        })),
      );
    details = parsed.data;
    const diploma = await findDiplomaOfApplicant(db, {
      serialNumber: parsed.data.serialNumber,
      fullName: body.fullName,
      birthDate: body.birthDate,
    });
    // One answer whether the serial is unknown or another person's: nothing leaks.
    if (!diploma || diploma.revoked)
      throw badRequest(
        'Không tìm thấy trong sổ gốc văn bằng mang số hiệu đã nhập với đúng họ tên và ngày sinh của bạn. Hãy kiểm tra lại số hiệu (in trên văn bằng), họ tên và ngày sinh.',
        [{ path: 'body.details.serialNumber', message: 'Không khớp với sổ gốc' }],
      );
    diplomaId = diploma.id;
  }
  const department = await departmentUnit(db);
  if (!department) throw new Error('Chưa có đơn vị Sở trong cây tổ chức.');
  const calendar = await loadCalendar(db);
  const due = dueDate(calendar, rule, now);
  const code = applicationCode(now);
  const outcome = await writeTransaction(db, actor, async (tx) => {
    const otp = await checkOtp(tx, body, now, true);
    if (otp !== 'ok') return otp;
    const id = uuidv7(now.getTime());
    await insertApplication(tx, {
      id,
      code,
      procedure: procedure.id,
      authority_id: department.id,
      personal_id: body.personalId,
      full_name: normalizeText(body.fullName),
      birth_date: body.birthDate,
      email: body.email.toLowerCase(),
      details: JSON.stringify(details),
      status: 'received',
      received_at: now,
      due_date: due,
      diploma_id: diplomaId,
    });
    await insertEvent(tx, {
      id: uuidv7(now.getTime()),
      application_id: id,
      kind: 'received',
      status: 'received',
      note: `Hạn trả kết quả ${due.split('-').reverse().join('/')}`,
      actor: 'người nộp (trực tuyến)',
      at: now,
    });
    return 'ok' as const;
  });
  if (outcome !== 'ok') throw otpRefused(outcome);
  const dueText = due.split('-').reverse().join('/');
  await mail.send({
    to: body.email.toLowerCase(),
    subject: `Đã tiếp nhận hồ sơ ${code}`,
    text: [
      `Sở đã tiếp nhận hồ sơ "${procedure.name}" của ${normalizeText(body.fullName)}.`,
      `Mã hồ sơ: ${code}. Hạn trả kết quả: ${dueText}.`,
      'Tra cứu tình trạng bằng mã hồ sơ và số định danh cá nhân trên trang Dịch vụ công.',
    ].join('\n'),
  });
  return { code, procedure: procedure.id, receivedAt: now.toISOString(), dueDate: due };
}
