import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { checkPersonalId } from '../../lib/personal-id.ts';
import { isEntryCampaign, requireCampaign } from './access.ts';
import { checkEntryAge } from './entry/eligibility.ts';
import type { FreeCandidateInput, Slip } from './contract.ts';
import { newPin } from './issue-candidates.ts';
import {
  candidateByPersonalId,
  candidateCount,
  insertCandidates,
  lockCandidateCodes,
} from './repo.ts';

/**
 * A free candidate (thí sinh tự do: finished lower secondary earlier, or
 * studied outside the province's registry) recorded by a lower-secondary
 * school of the campaign: a candidate with no registry record, marked with
 * who recorded it, and a slip (code and PIN, shown once) like the others.
 *
 * Entry grades (issue #15): a child not in the registry (grade 6: from
 * outside the province; grade 1: not at a preschool of the province),
 * recorded by a primary school (or a preschool for grade 1, a lower-secondary
 * school for grade 6), with the personal id when known and, for a grade-1
 * child outside the birth year, the reason of the exception.
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
  const entry = isEntryCampaign(campaign);
  const levels: string[] = !entry
    ? ['lower_secondary']
    : campaign.grade === 1
      ? ['preschool', 'primary']
      : ['primary', 'lower_secondary'];
  const levelName = !entry ? 'THCS' : campaign.grade === 1 ? 'mầm non, tiểu học' : 'tiểu học, THCS';
  if (
    school.kind !== 'school' ||
    !school.levels.some((l) => levels.includes(l)) ||
    !school.path.startsWith(campaign.unit_path)
  )
    throw badRequest(
      `${entry ? 'Trẻ ngoài cơ sở dữ liệu ngành' : 'Thí sinh tự do'} do một trường ${levelName} của kỳ tuyển sinh ghi nhận.`,
      [
        {
          path: 'body.schoolId',
          message: `${school.name} không phải trường ${levelName} thuộc đơn vị tổ chức kỳ tuyển sinh.`,
        },
      ],
    );
  const birthYear = Number(input.birthDate.slice(0, 4));
  const campaignYear = Number(campaign.school_year.slice(0, 4));
  let gender = input.gender ?? null;
  if (entry) {
    const problem = checkEntryAge(
      campaign.grade,
      campaign.school_year,
      input.birthDate,
      input.birthYearException ?? null,
    );
    if (problem) throw badRequest(problem, [{ path: 'body.birthDate', message: problem }]);
    if (input.personalId) {
      const digit = Number(input.personalId[3]);
      gender ??= digit % 2 === 1 ? 'female' : 'male';
      const wrong = checkPersonalId(input.personalId, { birthYear, gender });
      if (wrong)
        throw badRequest(`Mã định danh cá nhân không khớp trẻ: ${wrong}`, [
          { path: 'body.personalId', message: wrong },
        ]);
      const twin = await candidateByPersonalId(db, campaign.id, input.personalId);
      if (twin)
        throw conflict(
          `Trẻ có mã định danh ${input.personalId} đã có trong kỳ tuyển sinh (mã ${twin.code}, ${twin.full_name}): mỗi trẻ một hồ sơ.`,
        );
    }
  } else if (input.personalId || input.birthYearException)
    throw badRequest('Mã định danh và ngoại lệ năm sinh chỉ dùng cho tuyển sinh lớp 1, lớp 6.');
  if (!entry && (campaignYear - birthYear < 14 || campaignYear - birthYear > 30))
    throw badRequest('Ngày sinh không hợp lệ cho thí sinh vào lớp 10.', [
      {
        path: 'body.birthDate',
        message: `Năm sinh ${birthYear}: thí sinh vào lớp 10 năm ${campaignYear} phải đủ 14 tuổi (sinh từ ${campaignYear - 30} đến ${campaignYear - 14}).`,
      },
    ]);
  const pin = newPin();
  const pinHash = await hashPassword(pin);
  const code = await writeTransaction(db, scope.actor, async (tx) => {
    // The next code is counted inside the campaign's lock: a family signing
    // in by personal id at the same moment would otherwise take the same one.
    await lockCandidateCodes(tx, campaign.id);
    const code = `${campaign.school_year.slice(2, 4)}${String((await candidateCount(tx, campaign.id)) + 1).padStart(6, '0')}`;
    await insertCandidates(tx, [
      {
        campaign_id: campaign.id,
        id: uuidv7(),
        code,
        pin_hash: pinHash,
        student_id: null,
        school_id: school.id,
        full_name: input.fullName,
        birth_date: input.birthDate,
        gender,
        added_by: `${scope.user.fullName} (${scope.user.username})`,
        personal_id: input.personalId ?? null,
        birth_year_exception: input.birthYearException ?? null,
        // Who recorded the exception and when, shown beside it (the audit log keeps the history).
        birth_year_exception_by: input.birthYearException ? scope.actor.name : null,
        birth_year_exception_at: input.birthYearException ? now : null,
      },
    ]);
    return code;
  });
  return { code, pin, studentCode: '', fullName: input.fullName, schoolCode: school.code };
}
