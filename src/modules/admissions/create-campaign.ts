import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { randomInt } from 'node:crypto';
import { uuidv7 } from '../../lib/ids.ts';
import { isEntryCampaign, requireCampaign, toSummary } from './access.ts';
import { ENTRY_CRITERIA } from './entry/rules.ts';
import { entryRulesProblems } from './entry/edit-rules.ts';
import { createCampaignBody, type CampaignSummary, type CreateCampaignInput } from './contract.ts';
import { insertCampaign, insertProgram } from './repo.ts';
import { unitById } from './entry/repo.ts';
import { timetableProblems } from './timetable.ts';

/**
 * A campaign run by `orgUnitId` (default: the caller's own unit, the
 * department) for the school year the admitted will study in. Dates must be
 * in order (timetable.ts): opens < closes < confirmation deadline, with
 * the optional change window inside.
 *
 * An entry-grade campaign (grade 1 or 6, issue #15) is the same campaign of
 * another kind: run by the department or by a commune (`admissions.entry`:
 * the commune's education office organises grade-1 and grade-6 admissions,
 * TT 30/2024/TT-BGDĐT Điều 10 for grade 6), with the commune's priority
 * order and a published lottery seed instead of scores.
 */
export async function createCampaign(
  db: Db,
  scope: Scope,
  input: CreateCampaignInput & { orgUnitId?: string | undefined },
): Promise<CampaignSummary> {
  const body = createCampaignBody.parse(input);
  const entry = isEntryCampaign(body);
  const permission = entry ? 'admissions.entry' : 'admissions.manage';
  scope.require(permission);
  const unit = await scope.requireUnit(db, input.orgUnitId ?? scope.user.orgUnitId, permission);
  if (entry && unit.kind !== 'department' && unit.kind !== 'commune')
    throw badRequest('Kỳ tuyển sinh đầu cấp do Sở hoặc một xã/phường tổ chức.', [
      { path: 'body.orgUnitId', message: `${unit.name} không phải Sở hay xã/phường.` },
    ]);
  if (!entry && body.entryRules)
    throw badRequest('Quy tắc tuyển sinh đầu cấp chỉ dùng cho lớp 1 và lớp 6.', [
      { path: 'body.entryRules', message: 'Kỳ tuyển sinh lớp 10 xét theo điểm, không theo tuyến.' },
    ]);
  entryRulesProblems(body.entryRules ?? {});
  const documents = body.entryRules?.documents ?? [];
  const schools = await takingPart(db, scope, unit, body.grade, body.schoolIds ?? []);
  const opens = new Date(body.opensAt);
  const closes = new Date(body.closesAt);
  const confirmBy = body.confirmBy ? new Date(body.confirmBy) : null;
  const firstCloses = body.firstClosesAt ? new Date(body.firstClosesAt) : null;
  const changeOpens = body.changeOpensAt ? new Date(body.changeOpensAt) : null;
  const problems = timetableProblems({ opens, closes, confirmBy, firstCloses, changeOpens });
  if (problems.length)
    throw badRequest(
      `Lịch tuyển sinh không đúng thứ tự: ${problems.map((p) => p.message).join(' ')}`,
      problems,
    );
  const id = uuidv7();
  await writeTransaction(db, scope.actor, async (tx) => {
    await insertCampaign(tx, {
      id,
      org_unit_id: unit.id,
      name: body.name,
      school_year: body.schoolYear,
      grade: body.grade,
      opens_at: opens,
      closes_at: closes,
      confirm_by: confirmBy,
      // An entry-grade family chooses one school unless the campaign allows more.
      max_preferences: entry && input.maxPreferences === undefined ? 1 : body.maxPreferences,
      rank_penalty: Math.round(body.rankPenalty * 100),
      ties: body.ties,
      zone_ranks: body.zoneRanks ?? null,
      first_closes_at: firstCloses,
      change_opens_at: changeOpens,
      entry_rules: entry
        ? JSON.stringify({
            order: body.entryRules?.order ?? [...ENTRY_CRITERIA],
            // Published with the campaign: anyone can re-run the draw.
            seed: body.entryRules?.seed ?? randomInt(0, 2_147_483_647),
            overflowInCommune: body.entryRules?.overflowInCommune ?? true,
            // The documents the commune's plan asks families to upload (entry/evidence.ts).
            documents,
          })
        : null,
    });
    let seq = 0;
    for (const school of schools)
      await insertProgram(tx, {
        campaign_id: id,
        id: school.code.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64),
        school_id: school.id,
        quota: 0,
        seq: ++seq,
      });
  });
  return toSummary(await requireCampaign(db, scope, id, 'admissions.manage'));
}

/**
 * The schools an entry campaign takes in at creation: each inside the
 * campaign's unit (and so the caller's scope), active, teaching the level the
 * grade enters. Every bad one is named at its place in the list.
 */
async function takingPart(
  db: Db,
  scope: Scope,
  unit: { id: string; path: string; name: string },
  grade: number,
  ids: readonly string[],
): Promise<{ id: string; code: string }[]> {
  if (ids.length === 0) return [];
  if (grade !== 1 && grade !== 6)
    throw badRequest('Danh sách trường tham gia chỉ dùng cho tuyển sinh lớp 1, lớp 6.', [
      { path: 'body.schoolIds', message: 'Kỳ tuyển sinh lớp 10 nhập chương trình và chỉ tiêu.' },
    ]);
  const level = grade === 1 ? 'primary' : 'lower_secondary';
  const levelName = grade === 1 ? 'tiểu học' : 'THCS';
  const problems: { path: string; message: string }[] = [];
  const found: { id: string; code: string }[] = [];
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    const school = await unitById(db, id);
    if (!school || !school.path.startsWith(unit.path) || !scope.containsPath(school.path))
      problems.push({
        path: `body.schoolIds.${i}`,
        message: `Không có trường này trong ${unit.name}.`,
      });
    else if (school.kind !== 'school' || !school.levels.includes(level) || !school.active)
      problems.push({
        path: `body.schoolIds.${i}`,
        message: `${school.name} không phải trường ${levelName} đang hoạt động: không tuyển sinh lớp ${grade}.`,
      });
    else if (seen.has(school.id))
      problems.push({
        path: `body.schoolIds.${i}`,
        message: `${school.name} có hai lần trong danh sách.`,
      });
    else {
      seen.add(school.id);
      found.push({ id: school.id, code: school.code });
    }
  }
  if (problems.length)
    throw badRequest(
      `Danh sách trường tham gia có ${problems.length} trường không hợp lệ.`,
      problems,
    );
  return found;
}
