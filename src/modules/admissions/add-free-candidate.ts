import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { requireCampaign } from './access.ts';
import type { FreeCandidateInput, Slip } from './contract.ts';
import { newPin } from './issue-candidates.ts';
import { candidateCount, insertCandidates } from './repo.ts';

/**
 * A free candidate (thí sinh tự do: finished lower secondary earlier, or
 * studied outside the province's registry) recorded by a lower-secondary
 * school of the campaign: a candidate with no registry record, marked with
 * who recorded it, and a slip (code and PIN, shown once) like the others.
 */
export async function addFreeCandidate(
  db: Db,
  scope: Scope,
  campaignId: string,
  input: FreeCandidateInput,
  now: Date = new Date(),
): Promise<Slip> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.candidates');
  if (campaign.status !== 'open' || now >= campaign.closes_at)
    throw conflict('Đã hết hạn đăng ký: không ghi thêm thí sinh tự do.');
  const school = await scope.requireUnit(
    db,
    input.schoolId ?? scope.user.orgUnitId,
    'admissions.candidates',
  );
  if (
    school.kind !== 'school' ||
    !school.levels.includes('lower_secondary') ||
    !school.path.startsWith(campaign.unit_path)
  )
    throw badRequest('Thí sinh tự do do một trường THCS của kỳ tuyển sinh ghi nhận.', [
      {
        path: 'body.schoolId',
        message: `${school.name} không phải trường THCS thuộc đơn vị tổ chức kỳ tuyển sinh.`,
      },
    ]);
  const birthYear = Number(input.birthDate.slice(0, 4));
  const campaignYear = Number(campaign.school_year.slice(0, 4));
  if (campaignYear - birthYear < 14 || campaignYear - birthYear > 30)
    throw badRequest('Ngày sinh không hợp lệ cho thí sinh vào lớp 10.', [
      {
        path: 'body.birthDate',
        message: `Năm sinh ${birthYear}: thí sinh vào lớp 10 năm ${campaignYear} phải đủ 14 tuổi (sinh từ ${campaignYear - 30} đến ${campaignYear - 14}).`,
      },
    ]);
  const pin = newPin();
  const code = `${campaign.school_year.slice(2, 4)}${String((await candidateCount(db, campaign.id)) + 1).padStart(6, '0')}`;
  await writeTransaction(db, scope.actor, async (tx) =>
    insertCandidates(tx, [
      {
        campaign_id: campaign.id,
        id: uuidv7(),
        code,
        pin_hash: await hashPassword(pin),
        student_id: null,
        school_id: school.id,
        full_name: input.fullName,
        birth_date: input.birthDate,
        added_by: `${scope.user.fullName} (${scope.user.username})`,
      },
    ]),
  );
  return { code, pin, studentCode: '', fullName: input.fullName, schoolCode: school.code };
}
