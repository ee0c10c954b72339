import { randomInt } from 'node:crypto';
import type { Scope } from '../../core/access/scope.ts';
import { conflict } from '../../core/errors.ts';
import { auditInsertsGrouped, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { requireCampaign } from './access.ts';
import { gradeOneBirthYear } from './entry/rules.ts';
import type { IssueAnswer, Slip } from './contract.ts';
import {
  candidateCount,
  insertCandidates,
  issuedStudentIds,
  lockCandidateCodes,
  studentsInGrade,
} from './repo.ts';

/** The year before `2027-2028`: where the grade-9 students are. */
export function previousYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4));
  return `${start - 1}-${start}`;
}

/** A six-digit PIN: short to type from a slip; the throttle on sign-in is the defence. */
export function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * One candidate per student studying in the grade before the campaign's, in
 * the campaign's subtree and the caller's (a school issues its own), who has
 * none yet. The PIN is returned once, on the slip, and stored only hashed
 * (argon2id, as passwords are). `pinFor` lets the demo seed fix one PIN.
 *
 * Entry grades (issue #15): grade 6 lists the grade-5 students, grade 1 the
 * preschool children born in the grade-1 birth year (entry/rules.ts), each
 * with their personal id so that the family may also sign in with it; the
 * slip is the code the preschool or primary school hands to the family.
 */
export async function issueCandidates(
  db: Db,
  scope: Scope,
  campaignId: string,
  options: { pinFor?: (index: number) => string } = {},
): Promise<IssueAnswer> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.candidates');
  if (campaign.status !== 'open')
    throw conflict('Kỳ tuyển sinh đã xét tuyển: không cấp thêm phiếu.');
  const root = scope.containsPath(campaign.unit_path) ? campaign.unit_path : scope.user.orgPath;
  const students =
    campaign.grade === 1
      ? await studentsInGrade(
          db,
          root,
          previousYear(campaign.school_year),
          null,
          gradeOneBirthYear(campaign.school_year),
        )
      : await studentsInGrade(db, root, previousYear(campaign.school_year), campaign.grade - 1);
  const already = await issuedStudentIds(db, campaign.id);
  const fresh = students.filter((s) => !already.has(s.id));
  const prefix = campaign.school_year.slice(2, 4);
  const slips: Slip[] = [];
  const rows: Parameters<typeof insertCandidates>[1] = [];
  // argon2 runs on libuv's threads: a few at a time keeps them all busy.
  for (let i = 0; i < fresh.length; i += 16) {
    const batch = fresh.slice(i, i + 16);
    const pins = batch.map((_, j) => options.pinFor?.(i + j) ?? newPin());
    const hashes = await Promise.all(pins.map((p) => hashPassword(p)));
    batch.forEach((s, j) => {
      // Numbered in the transaction below.
      const code = '';
      rows.push({
        campaign_id: campaign.id,
        id: uuidv7(),
        code,
        pin_hash: hashes[j]!,
        student_id: s.id,
        school_id: s.school_id,
        full_name: s.full_name,
        birth_date: s.birth_date,
        personal_id: s.personal_id,
      });
      slips.push({
        code,
        pin: pins[j]!,
        studentCode: s.student_code ?? '',
        fullName: s.full_name,
        schoolCode: s.school_code,
      });
    });
  }
  if (rows.length)
    await writeTransaction(db, scope.actor, async (tx) => {
      // Numbered again inside the campaign's lock: families signing in by
      // personal id (entry/sign-in.ts) may have taken codes while the PINs
      // were hashed. The slips follow their rows.
      await lockCandidateCodes(tx, campaign.id);
      const first = (await candidateCount(tx, campaign.id)) + 1;
      rows.forEach((row, k) => {
        row.code = `${prefix}${String(first + k).padStart(6, '0')}`;
        slips[k]!.code = row.code;
      });
      await auditInsertsGrouped(tx);
      await insertCandidates(tx, rows);
    });
  return { issued: rows.length, existing: students.length - fresh.length, slips };
}
