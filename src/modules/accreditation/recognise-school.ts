import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { parseVietnameseDate } from '../../lib/dates.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { updateSchoolProfile } from '../registry/index.ts';
import { requireCycle } from './access.ts';
import type { Recognition, RecognitionBody } from './contract.ts';
import { insertEvent, insertRecognition, recognitionOf } from './repo.ts';

/** Recognition is valid for 5 years (background knowledge, not checked: docs/accreditation.md). */
const VALID_YEARS = 5;

/**
 * The recognition decision on an accepted cycle: the level recognised (after
 * external review), the decision's number and date. It records the
 * accreditation and national-standard levels the set maps that level to, and
 * writes them into the school's profile for the campaign's school year
 * through the registry (so the indicators count it).
 */
export async function recogniseSchool(
  db: Db,
  scope: Scope,
  input: { cycleId: string; body: RecognitionBody },
): Promise<Recognition> {
  const { cycle, campaign, set } = await requireCycle(
    db,
    scope,
    input.cycleId,
    'accreditation.manage',
  );
  if (cycle.status !== 'accepted')
    throw conflict('Chỉ ra quyết định công nhận cho hồ sơ đã được chấp nhận.');
  if (await recognitionOf(db, cycle.id)) throw conflict('Hồ sơ này đã có quyết định công nhận.');
  const errors = [];
  const mapping = set.recognition.find((r) => r.level === input.body.level);
  if (!mapping)
    errors.push({
      path: 'level',
      message: `Bộ tiêu chuẩn có các mức ${set.recognition.map((r) => r.level).join(', ')}.`,
    });
  const decision = normalizeText(input.body.decision);
  if (!decision) errors.push({ path: 'decision', message: 'Hãy nhập số quyết định công nhận.' });
  const decidedOn = parseVietnameseDate(input.body.decidedOn);
  if (!decidedOn)
    errors.push({
      path: 'decidedOn',
      message: `Ngày quyết định "${input.body.decidedOn}" không hợp lệ: cần dạng dd/mm/yyyy.`,
    });
  if (errors.length || !mapping || !decidedOn)
    throw badRequest('Quyết định công nhận chưa hợp lệ.', errors);
  const validUntil = `${Number(decidedOn.slice(0, 4)) + VALID_YEARS}${decidedOn.slice(4)}`;
  await updateSchoolProfile(db, scope, {
    schoolId: cycle.school_id,
    schoolYear: campaign.school_year,
    patch: {
      accreditationLevel: mapping.accreditationLevel,
      nationalStandardLevel: mapping.nationalStandardLevel,
      nationalStandardDecision: mapping.nationalStandardLevel > 0 ? decision : null,
      nationalStandardDate: mapping.nationalStandardLevel > 0 ? decidedOn : null,
    },
  });
  await writeTransaction(db, scope.actor, async (tx) => {
    await insertRecognition(tx, {
      id: uuidv7(),
      cycle_id: cycle.id,
      school_id: cycle.school_id,
      accreditation_level: mapping.accreditationLevel,
      national_standard_level: mapping.nationalStandardLevel,
      decision,
      decided_on: decidedOn,
      valid_until: validUntil,
      created_by: scope.actor.name,
    });
    await insertEvent(tx, {
      id: uuidv7(),
      cycle_id: cycle.id,
      kind: 'recognised',
      comment: `Quyết định ${decision}: cấp độ ${mapping.accreditationLevel}, chuẩn quốc gia mức độ ${mapping.nationalStandardLevel}.`,
      actor: scope.actor.name,
    });
  });
  return {
    cycleId: cycle.id,
    school: { id: cycle.school_id, code: cycle.school_code, name: cycle.school_name },
    accreditationLevel: mapping.accreditationLevel,
    nationalStandardLevel: mapping.nationalStandardLevel,
    decision,
    decidedOn,
    validUntil,
  };
}
