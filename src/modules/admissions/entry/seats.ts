import type { Scope } from '../../../core/access/scope.ts';
import { AppError, badRequest, conflict, notFound } from '../../../core/errors.ts';
import { checkVersion, staleVersion } from '../../../core/versions.ts';
import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { isEntryCampaign, requireCampaign } from '../access.ts';
import { insertProgram, nextProgramSeq, updateProgram, type CampaignRow } from '../repo.ts';
import {
  checkClassSize,
  classSizeRuleOn,
  type ClassSizeCheck,
  levelOfGrade,
  vietnamDay,
} from './class-size.ts';
import type { SeatInput, SeatRow } from './contract.ts';
import { schoolServes, schoolsServingCommune, seatPrograms, unitById, unitsUnder } from './repo.ts';

/**
 * A school's entry-grade classes and seats, edited on the catchments page
 * (issue #15: "the commune sets, per school, … its number of classes and
 * seats for the entry grade").
 *
 * One source of truth: the seats ARE the campaign's program quota
 * (admission_program.quota), which the assignment reads, and the classes sit
 * beside it (admission_program.classes). A catchment (an area → schools) has
 * no school year; seats change every year, so they belong to the year's
 * campaign, not to the catchment. The programs box and this editor write the
 * same row; each write bumps its version, and a save from an older form is
 * refused (409) with nothing written.
 */

const LEVEL = { 1: 'primary', 6: 'lower_secondary' } as const;
const LEVEL_NAME = { 1: 'tiểu học', 6: 'THCS' } as const;

async function entryCampaign(db: Db, scope: Scope, campaignId: string): Promise<CampaignRow> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  if (!isEntryCampaign(campaign))
    throw conflict('Số lớp và chỉ tiêu theo trường chỉ dùng cho tuyển sinh lớp 1, lớp 6.');
  return campaign;
}

/** The commune, inside the caller's scope and the campaign's unit; else 404 (nothing learnt). */
async function communeOf(db: Db, scope: Scope, campaign: CampaignRow, communeId: string) {
  const commune = await unitById(db, communeId);
  if (
    !commune ||
    commune.kind !== 'commune' ||
    !scope.containsPath(commune.path) ||
    !commune.path.startsWith(campaign.unit_path)
  )
    throw notFound('xã/phường này trong phạm vi của bạn');
  return commune;
}

/**
 * The commune's schools for the campaign's grade: those under the commune
 * teaching the level and those serving one of its areas, each with its
 * program (classes, seats, version) or none yet.
 */
export async function listSeats(
  db: Db,
  scope: Scope,
  campaignId: string,
  communeId: string,
): Promise<SeatRow[]> {
  const campaign = await entryCampaign(db, scope, campaignId);
  const commune = await communeOf(db, scope, campaign, communeId);
  const grade = campaign.grade as 1 | 6;
  const [under, serving, programs] = await Promise.all([
    unitsUnder(db, commune.path, 'school', LEVEL[grade]),
    schoolsServingCommune(db, commune.id, grade),
    seatPrograms(db, campaign.id),
  ]);
  const servingIds = new Set(serving.map((s) => s.id));
  const schools = new Map<string, { id: string; code: string; name: string }>();
  for (const s of [...under, ...serving])
    if (s.path.startsWith(campaign.unit_path) && scope.containsPath(s.path))
      schools.set(s.id, { id: s.id, code: s.code, name: s.name });
  const byProgram = new Map(programs.map((p) => [p.school_id, p] as const));
  const rule = classSizeRuleOn(levelOfGrade(grade), vietnamDay(campaign.opens_at));
  // A program of a school under the commune that no longer teaches the level stays listed.
  for (const p of programs)
    if (p.school_path.startsWith(commune.path))
      schools.set(p.school_id, { id: p.school_id, code: p.school_code, name: p.school_name });
  return [...schools.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((school) => {
      const p = byProgram.get(school.id);
      return {
        school,
        program: p?.id ?? null,
        classes: p?.classes ?? null,
        seats: p?.quota ?? null,
        unzoned: p?.unzoned ?? false,
        version: p?.version ?? null,
        servesCommune: servingIds.has(school.id),
        classSize: classSizeOf(
          checkClassSize(rule, { grade, classes: p?.classes ?? null, seats: p?.quota ?? null }),
        ),
      };
    });
}

/**
 * Saves one school's classes and seats: creates its program (id: the school
 * code) when the school does not take part yet. Refused once the campaign is
 * allocated. `version` is the one the form loaded (null: no row then); a
 * different one is a stale save (409), nothing written.
 */
export async function saveSeats(
  db: Db,
  scope: Scope,
  campaignId: string,
  schoolId: string,
  input: SeatInput,
): Promise<SeatRow> {
  const campaign = await entryCampaign(db, scope, campaignId);
  if (campaign.status !== 'open')
    throw conflict('Kỳ tuyển sinh đã xét tuyển: không sửa được chương trình và chỉ tiêu.');
  const grade = campaign.grade as 1 | 6;
  const school = await unitById(db, schoolId);
  if (
    !school ||
    school.kind !== 'school' ||
    !scope.containsPath(school.path) ||
    !school.path.startsWith(campaign.unit_path)
  )
    throw notFound('trường này trong phạm vi của bạn');
  const programs = await seatPrograms(db, campaign.id);
  const old = programs.find((p) => p.school_id === school.id);
  if (!old && !school.levels.includes(LEVEL[grade])) {
    const text = `${school.name} không có cấp ${LEVEL_NAME[grade]}: không tuyển sinh lớp ${grade}.`;
    throw badRequest(text, [{ path: 'params.schoolId', message: text }]);
  }
  if (input.seats > 0 && input.classes === 0) {
    const text = `Chỉ tiêu ${input.seats} cần ít nhất một lớp ${grade}.`;
    throw badRequest(text, [{ path: 'body.classes', message: text }]);
  }
  // Điều lệ trường: seats above classes × the maximum class size warn (or are refused, if the rule says so).
  const rule = classSizeRuleOn(levelOfGrade(grade), vietnamDay(campaign.opens_at));
  const size = checkClassSize(rule, { grade, classes: input.classes, seats: input.seats });
  if (size.refused && size.warning)
    throw new AppError(422, 'Vượt sĩ số tối đa', size.warning, [
      { path: 'body.seats', message: size.warning },
    ]);
  const what = `Số lớp, chỉ tiêu lớp ${grade} của ${school.name}`;
  if (old) {
    if (input.version === null) throw staleVersion(what);
    checkVersion(what, input.version, old.version);
  } else if (typeof input.version === 'number') throw staleVersion(what);
  const unzoned = input.unzoned ?? old?.unzoned ?? false;
  await writeTransaction(db, scope.actor, async (tx) => {
    if (old) {
      if (old.classes !== input.classes || old.quota !== input.seats || old.unzoned !== unzoned)
        await updateProgram(tx, campaign.id, old.id, {
          classes: input.classes,
          quota: input.seats,
          unzoned,
        });
    } else {
      const taken = new Set(programs.map((p) => p.id));
      let id = school.code.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60) || 'school';
      for (let n = 2; taken.has(id); n++) id = `${school.code.slice(0, 56)}-${n}`;
      await insertProgram(tx, {
        campaign_id: campaign.id,
        id,
        school_id: school.id,
        quota: input.seats,
        seq: await nextProgramSeq(tx, campaign.id),
        classes: input.classes,
        unzoned,
      });
    }
  });
  const row = (await seatPrograms(db, campaign.id)).find((p) => p.school_id === school.id)!;
  return {
    school: { id: school.id, code: school.code, name: school.name },
    program: row.id,
    classes: row.classes,
    seats: row.quota,
    unzoned: row.unzoned,
    version: row.version,
    servesCommune: await schoolServes(db, school.id, grade),
    classSize: classSizeOf(size),
  };
}

function classSizeOf(check: ClassSizeCheck): SeatRow['classSize'] {
  return {
    maxPerClass: check.maxPerClass,
    source: check.source,
    seatsPerClass: check.seatsPerClass,
    warning: check.warning,
  };
}
