import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scope } from '../../../core/access/scope.ts';
import { AppError } from '../../../core/errors.ts';
import { auditInsertsGrouped, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { pointOf } from '../../../lib/geo.ts';
import type { AllocationSummary } from '../contract.ts';
import {
  programsOf,
  replaceResults,
  setCampaignStatus,
  storeProgramOutcome,
  type CampaignRow,
} from '../repo.ts';
import { assignEntry, EntryInputError, type EntryChild, type EntrySchool } from './assign.ts';
import { areasWithSchools, communesUnder, entryApplicationsAtClose } from './repo.ts';
import type { EntryPriorityRules } from './rules.ts';

/**
 * `allocate-campaign` on an entry-grade campaign (issue #15): the
 * applications in force at `closes`, with their declared residence, go
 * through entry/assign.ts with the campaign's published rules and seed, and
 * the result is stored as a draft (as grade 10's) and written as
 * - assignments.csv: `candidate,program,rank,overflow` — rank is the place
 *   in the child's list (above the family's choices: an overflow offer,
 *   overflow 1);
 * - cutoffs.csv: `program,quota,admitted,last_admitted_rank,applicants` —
 *   instead of a score, the place of the last child admitted in the school's
 *   own order (catchment, the commune's criteria, the lottery).
 * Children are named by their codes, sorted in byte order: the order in
 * which families submitted plays no part, so a re-run gives the same files.
 * Distances run from the area's centre (entry_area) to the school's location
 * in the org tree (orgs_unit_v, migration 2026121090): the distance
 * criterion and the overflow offer's "nearest school with free seats" use
 * them; a school or an area without coordinates counts as farthest, and ties
 * go to the program id order.
 */
export async function allocateEntryCampaign(
  db: Db,
  scope: Scope,
  campaign: CampaignRow,
  options: { outDir?: string | undefined; now: Date },
): Promise<AllocationSummary> {
  const rules = campaign.entry_rules as EntryPriorityRules | null;
  if (!rules) throw new AppError(500, 'Thiếu quy tắc', 'Kỳ tuyển sinh đầu cấp thiếu quy tắc xét.');
  const programs = await programsOf(db, campaign.id);
  const applications = await entryApplicationsAtClose(db, campaign.id, campaign.closes_at);
  if (applications.length === 0)
    throw new AppError(
      422,
      'Không có hồ sơ',
      'Không có trẻ nào có hồ sơ đăng ký có hiệu lực khi đóng đăng ký: không có gì để xét tuyển.',
    );
  const communes = await communesUnder(db, campaign.unit_path);
  const communeOf = (path: string) =>
    communes.filter((c) => path.startsWith(c.path)).sort((a, b) => b.path.length - a.path.length)[0]
      ?.code ?? '';
  const programBySchool = new Map(programs.map((p) => [p.school_id, p.id]));
  const schools: EntrySchool[] = programs.map((p) => ({
    id: p.id,
    communeCode: communeOf(p.school_path),
    seats: p.quota,
    unzoned: p.unzoned,
    location: pointOf(p.school_latitude, p.school_longitude),
  }));
  const areaIds = [...new Set(applications.flatMap((a) => (a.area_id ? [a.area_id] : [])))];
  const areas = new Map(
    (await areasWithSchools(db, areaIds, campaign.grade)).map((a) => [a.id, a]),
  );
  const children: EntryChild[] = applications.map((a) => {
    const area = a.area_id ? areas.get(a.area_id) : undefined;
    return {
      id: a.code,
      communeCode: area?.commune_code ?? '',
      catchmentSchools: (area?.schools ?? []).flatMap((s) =>
        programBySchool.has(s) ? [programBySchool.get(s)!] : [],
      ),
      choices: a.preferences,
      permanentResidence: a.residence === 'permanent',
      siblingSchools: a.sibling_program ? [a.sibling_program] : [],
      home: area ? pointOf(area.latitude, area.longitude) : null,
    };
  });
  let result: ReturnType<typeof assignEntry>;
  try {
    result = assignEntry(schools, children, rules);
  } catch (error) {
    if (error instanceof EntryInputError)
      throw new AppError(422, 'Hồ sơ không xét được', `${error.message} Chưa xét gì.`);
    throw error;
  }
  if (options.outDir) writeEntryFiles(options.outDir, result);
  const idByCode = new Map(applications.map((a) => [a.code, a.id]));
  const schoolOf = new Map(programs.map((p) => [p.id, p.school_id]));
  await writeTransaction(db, scope.actor, async (tx) => {
    await auditInsertsGrouped(tx);
    await replaceResults(
      tx,
      campaign.id,
      result.assignments.map((a) => ({
        id: idByCode.get(a.child)!,
        program: a.school,
        rank: a.rank,
        school_id: a.school ? schoolOf.get(a.school)! : null,
        overflow: a.overflow,
      })),
    );
    for (const c of result.cutoffs)
      await storeProgramOutcome(tx, campaign.id, c.school, {
        admitted: c.admitted,
        cutoff: c.lastAdmittedRank,
        what_if: [],
      });
    await setCampaignStatus(tx, campaign.id, { status: 'allocated', allocated_at: options.now });
  });
  return {
    candidates: children.length,
    applications: children.reduce((n, c) => n + c.choices.length, 0),
    programs: schools.length,
    admitted: result.cutoffs.reduce((n, c) => n + c.admitted, 0),
    allocateMs: Math.round(result.allocateMs * 10) / 10,
  };
}

function writeEntryFiles(outDir: string, result: ReturnType<typeof assignEntry>): void {
  mkdirSync(outDir, { recursive: true });
  const files = {
    'assignments.csv': [
      'candidate,program,rank,overflow',
      ...result.assignments.map(
        (a) => `${a.child},${a.school ?? ''},${a.rank ?? ''},${a.overflow ? 1 : 0}`,
      ),
    ],
    'cutoffs.csv': [
      'program,quota,admitted,last_admitted_rank,applicants',
      ...result.cutoffs.map(
        (c) => `${c.school},${c.seats},${c.admitted},${c.lastAdmittedRank ?? ''},${c.applicants}`,
      ),
    ],
  };
  for (const [name, lines] of Object.entries(files)) {
    const temp = join(outDir, `${name}.tmp-${process.pid}`);
    writeFileSync(temp, lines.join('\n') + '\n');
    renameSync(temp, join(outDir, name));
  }
}
