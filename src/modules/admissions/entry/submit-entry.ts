import { AppError, conflict, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connection.ts';
import { isUuid } from '../../../lib/ids.ts';
import { isEntryCampaign, publicCampaignRow } from '../access.ts';
import type { CandidateScope } from '../candidate-session.ts';
import type { SubmittedAnswer } from '../contract.ts';
import { candidateById, submissionsOf, currentApplication } from '../repo.ts';
import { checkWindow, writeVersion } from '../submit-application.ts';
import type { EntryApplicationAnswer, EntryApplicationInput } from './contract.ts';
import { checkEntryAge, eligibilityOf } from './eligibility.ts';
import {
  applicationElsewhere,
  areaInSubtree,
  chosenPrograms,
  schoolsServing,
  studentAtSchool,
} from './repo.ts';

const unprocessable = (detail: string, errors: { path: string; message: string }[]) =>
  new AppError(422, 'Hồ sơ đăng ký không hợp lệ', detail, errors);

/**
 * A family's entry-grade registration (issue #15): the residence declared
 * (permanent or temporary, with its area), and the school(s) chosen, first
 * preferred. A new version as in grade 10 (submit-application.ts: the same
 * window, 409 on a stale base, every version kept); a withdrawal is the
 * grade-10 DELETE. Refused with nothing written:
 * - an area that is not one of the campaign's communes' areas;
 * - a school that does not serve the area (an unzoned school always may be
 *   chosen); when no school serves the area, any school of its commune may
 *   be chosen and the registration is listed for the commune (unserved);
 * - a child outside the age without an exception (eligibility.ts);
 * - a child with an application in another campaign of the same year and grade;
 * - a declared sibling not studying at the chosen school it names (checkSibling).
 * No seat is given by order of submission: the time is kept, never used.
 */
export async function submitEntryApplication(
  db: Db,
  scope: CandidateScope,
  input: EntryApplicationInput & { receivedAt: Date },
): Promise<SubmittedAnswer> {
  const campaign = await publicCampaignRow(db, scope.campaignId);
  if (!isEntryCampaign(campaign))
    throw notFound('kỳ tuyển sinh lớp 1, lớp 6 (kỳ này là tuyển sinh lớp 10)');
  const at = input.receivedAt;
  await checkWindow(db, campaign, scope.candidateId, at);
  const candidate = await candidateById(db, scope.candidateId);
  if (!candidate) throw notFound('trẻ');
  const age = checkEntryAge(
    campaign.grade,
    campaign.school_year,
    candidate.birth_date,
    candidate.birth_year_exception,
  );
  if (age) throw unprocessable(`${age} Chưa lưu gì.`, [{ path: 'child.birthDate', message: age }]);
  const elsewhere = await applicationElsewhere(db, {
    campaignId: campaign.id,
    schoolYear: campaign.school_year,
    grade: campaign.grade,
    personalId: candidate.personal_id,
    studentId: candidate.student_id,
  });
  if (elsewhere)
    throw conflict(
      `Trẻ đã có hồ sơ đăng ký trong kỳ "${elsewhere.name}" (mã ${elsewhere.code}): mỗi trẻ chỉ một hồ sơ vào lớp ${campaign.grade}. Hãy rút hồ sơ đó trước. Chưa lưu gì.`,
    );
  const errors: { path: string; message: string }[] = [];
  const area = isUuid(input.areaId)
    ? await areaInSubtree(db, input.areaId, campaign.unit_path)
    : undefined;
  if (!area)
    errors.push({
      path: 'body.areaId',
      message:
        'Khu dân cư (thôn, tổ dân phố) đã chọn không có trong danh sách của kỳ tuyển sinh: hãy chọn lại từ danh sách.',
    });
  const programs = new Map(
    (await chosenPrograms(db, campaign.id, input.schools)).map((p) => [p.id, p]),
  );
  const serving = area ? new Set(await schoolsServing(db, area.id, campaign.grade)) : new Set();
  if (input.schools.length > campaign.max_preferences)
    errors.push({
      path: 'body.schools',
      message: `Chỉ được chọn tối đa ${campaign.max_preferences} trường (đã chọn ${input.schools.length}).`,
    });
  const seen = new Set<string>();
  input.schools.forEach((id, i) => {
    const path = `body.schools.${i}`;
    const p = programs.get(id);
    if (!p) errors.push({ path, message: `Trường "${id}" không tham gia kỳ tuyển sinh.` });
    else if (seen.has(id)) errors.push({ path, message: `Trường ${p.school_name} đã chọn.` });
    else if (area && !p.unzoned) {
      const ok = serving.size
        ? serving.has(p.school_id)
        : p.school_path.startsWith(area.commune_path);
      if (!ok)
        errors.push({
          path,
          message: serving.size
            ? `${p.school_name} không tuyển sinh khu dân cư ${area.name}: hãy chọn một trường tuyển khu này hoặc một trường không theo tuyến.`
            : `Khu dân cư ${area.name} chưa có trường tuyển; chỉ chọn được trường thuộc xã/phường của khu hoặc trường không theo tuyến.`,
        });
    }
    seen.add(id);
  });
  const sibling =
    input.sibling === undefined
      ? await keptSibling(db, scope.candidateId, programs, errors)
      : input.sibling
        ? await checkSibling(db, input.sibling, programs, candidate.personal_id, errors)
        : null;
  if (errors.length)
    throw unprocessable(`${errors.map((e) => e.message).join(' ')} Chưa lưu gì.`, errors);
  return writeVersion(db, scope, campaign.id, {
    preferences: input.schools,
    baseVersion: input.baseVersion,
    at,
    residence: {
      residence: input.residence,
      area_id: area!.id,
      sibling_program: sibling?.program ?? null,
      sibling_student_id: sibling?.studentId ?? null,
    },
  });
}

/**
 * A version that says nothing of the sibling (no `sibling` in the body)
 * keeps the one declared before, so a family changing its school need not
 * type the sibling's personal id again; `sibling: null` removes it. A kept
 * sibling whose school is no longer chosen is refused, not dropped silently.
 */
async function keptSibling(
  db: Db,
  candidateId: string,
  programs: Map<string, { school_name: string }>,
  errors: { path: string; message: string }[],
): Promise<{ program: string; studentId: string } | null> {
  const current = await currentApplication(db, candidateId);
  if (!current?.sibling_program || !current.sibling_student_id) return null;
  if (!programs.has(current.sibling_program)) {
    errors.push({
      path: 'body.sibling.school',
      message:
        'Anh/chị/em đã khai đang học tại một trường không còn trong các trường chọn: hãy bỏ phần khai anh/chị/em hoặc chọn lại trường đó.',
    });
    return null;
  }
  return { program: current.sibling_program, studentId: current.sibling_student_id };
}

/**
 * The sibling a family declares (the commune's "sibling at the school"
 * criterion, entry/rules.ts): a student studying now at one of the chosen
 * schools, found in the registry by the personal id and date of birth the
 * family gave. The family learns only found or not found, never a name; the
 * admitting school sees the student when it checks the documents (the
 * relationship itself is proved by the papers, as for residence).
 */
async function checkSibling(
  db: Db,
  sibling: NonNullable<EntryApplicationInput['sibling']>,
  programs: Map<string, { school_id: string; school_name: string }>,
  childPersonalId: string | null,
  errors: { path: string; message: string }[],
): Promise<{ program: string; studentId: string } | null> {
  const program = programs.get(sibling.school);
  if (!program) {
    errors.push({
      path: 'body.sibling.school',
      message: 'Trường nơi anh/chị/em đang học phải là một trong các trường đã chọn.',
    });
    return null;
  }
  if (sibling.personalId === childPersonalId) {
    errors.push({
      path: 'body.sibling.personalId',
      message: 'Mã định danh của anh/chị/em trùng với mã định danh của trẻ đăng ký.',
    });
    return null;
  }
  const student = await studentAtSchool(db, {
    schoolId: program.school_id,
    personalId: sibling.personalId,
    birthDate: sibling.birthDate,
  });
  if (!student) {
    errors.push({
      path: 'body.sibling.personalId',
      message: `Không tìm thấy học sinh đang học tại ${program.school_name} có mã định danh và ngày sinh đã khai: kiểm tra lại hai thông tin này, hoặc bỏ phần khai anh/chị/em.`,
    });
    return null;
  }
  return { program: sibling.school, studentId: student.student_id };
}

/** The child's registration in force and every earlier version, newest first, with eligibility. */
export async function getEntryApplication(
  db: Db,
  scope: CandidateScope,
): Promise<EntryApplicationAnswer> {
  const campaign = await publicCampaignRow(db, scope.campaignId);
  const candidate = await candidateById(db, scope.candidateId);
  const current = await currentApplication(db, scope.candidateId);
  if (!candidate || !current || !isEntryCampaign(campaign)) throw notFound('trẻ');
  const history = await submissionsOf(db, scope.candidateId);
  const eligibility = eligibilityOf(campaign, candidate);
  const unserved =
    current.area_id !== null &&
    current.preferences.length > 0 &&
    (await schoolsServing(db, current.area_id, campaign.grade)).length === 0;
  return {
    version: current.version,
    submittedAt: current.submitted_at?.toISOString() ?? null,
    residence: current.residence,
    areaId: current.area_id,
    schools: current.preferences,
    sibling: current.sibling_program,
    unserved,
    history: history.map((h) => ({
      version: h.version,
      submittedAt: new Date(h.submitted_at).toISOString(),
      residence: h.residence,
      areaId: h.area_id,
      schools: h.preferences,
      sibling: h.sibling_program,
      onBehalf: h.on_behalf_by !== null,
    })),
    child: {
      code: candidate.code,
      fullName: candidate.full_name,
      birthDate: candidate.birth_date,
      eligible: eligibility.eligible,
      problem: eligibility.problem,
    },
  };
}
