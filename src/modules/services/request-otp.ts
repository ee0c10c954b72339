import { AppError } from '../../core/errors.ts';
import type { Mailer } from '../../core/mail/mailer.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import type { OtpBody } from './contract.ts';
import { OTP_MINUTES } from './labels.ts';
import { newOtp, otpHash } from './otp.ts';
import { insertOtp, otpsSince } from './repo.ts';

/** At most this many codes per address and hour. */
const CODES_PER_HOUR = 5;

/**
 * Step one of applying without an account: a one-time code sent to the
 * e-mail the applicant gives, tied to its personal id. The answer is the
 * same whatever the address, so it reveals nothing about other applicants.
 */
export async function requestOtp(
  db: Db,
  mail: Mailer,
  body: OtpBody,
  now: Date = new Date(),
): Promise<{ sent: true; expiresInMinutes: number }> {
  const email = body.email.toLowerCase();
  if ((await otpsSince(db, email, new Date(now.getTime() - 3600_000))) >= CODES_PER_HOUR)
    throw new AppError(
      429,
      'Gửi mã quá nhiều lần',
      `Địa chỉ này đã nhận ${CODES_PER_HOUR} mã trong một giờ qua. Hãy dùng mã mới nhất hoặc thử lại sau.`,
    );
  const id = uuidv7();
  const code = newOtp();
  await insertOtp(db, {
    id,
    email,
    personal_id: body.personalId,
    code_hash: otpHash(id, code),
    expires_at: new Date(now.getTime() + OTP_MINUTES * 60_000),
  });
  await mail.send({
    to: email,
    subject: 'Mã xác nhận nộp hồ sơ dịch vụ công',
    text: [
      `Mã xác nhận của bạn là: ${code}`,
      `Mã dùng một lần, có hiệu lực ${OTP_MINUTES} phút, cho số định danh ${body.personalId}.`,
      'Nếu bạn không nộp hồ sơ, hãy bỏ qua thư này.',
    ].join('\n'),
  });
  return { sent: true, expiresInMinutes: OTP_MINUTES };
}
