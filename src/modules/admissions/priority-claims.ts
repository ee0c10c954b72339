/**
 * Priority claims (TT 30/2024/TT-BGDĐT Điều 14 khoản 2 "điểm ưu tiên" and
 * khoản 3 "điểm khuyến khích"): the family uploads the evidence (a scan or
 * photo) from the candidate's page; the candidate's lower-secondary school
 * checks it and accepts or refuses it with a note. The claim's points come
 * from rules.ts (the rules in force when the campaign opened). The score
 * imported by the department stays the admission score (the contract's
 * `scores import` includes priority and bonus); the checked claims are what
 * the exam board reads when it computes them.
 */
import type { ReadStream } from 'node:fs';
import type { Scope } from '../../core/access/scope.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import type { FileStore, StoredFile } from '../../core/files/store.ts';
import { writeTransaction, systemActor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { points, publicCampaignRow, requireCampaign } from './access.ts';
import type { CandidateScope } from './candidate-session.ts';
import type { PriorityClaim } from './contract.ts';
import {
  candidateById,
  claimByCode,
  claimOf,
  claimsInScope,
  setClaimCheck,
  upsertClaim,
} from './repo.ts';
import { scoreRulesOn, type PriorityGroup, type Prize } from './rules.ts';
import { vnTime } from './submit-application.ts';

/** Evidence files: a PDF scan or a photo, up to 10 MB. */
export const EVIDENCE = {
  maxBytes: 10 * 1024 * 1024,
  accept: ['application/pdf', 'image/png', 'image/jpeg'] as const,
  what: 'tệp PDF, ảnh PNG hoặc JPEG',
};

type ClaimRow = NonNullable<Awaited<ReturnType<typeof claimOf>>>;

function toClaim(row: ClaimRow, opensAt: Date): PriorityClaim {
  const rules = scoreRulesOn(opensAt.toISOString().slice(0, 10));
  return {
    code: row.code,
    fullName: row.full_name,
    school: { id: row.school_id, code: row.school_code, name: row.school_name },
    group: row.priority_group,
    prize: row.prize,
    points: points(rules.priorityPoints[row.priority_group] + rules.bonusPoints[row.prize]),
    file: { name: row.file_name, size: Number(row.file_size), type: row.file_type },
    status: row.status,
    note: row.note,
    checkedBy: row.checked_by,
    checkedAt: row.checked_at?.toISOString() ?? null,
    submittedAt: row.created_at.toISOString(),
  };
}

/** The family's claim, with its evidence already in the store; a new one replaces it (pending again). */
export async function submitPriorityClaim(
  db: Db,
  candidate: CandidateScope,
  input: {
    group: string | undefined;
    prize: string | undefined;
    file: StoredFile & { fileName: string };
  },
  now: Date = new Date(),
): Promise<PriorityClaim> {
  const campaign = await publicCampaignRow(db, candidate.campaignId);
  if (now >= campaign.closes_at || campaign.status !== 'open')
    throw forbidden(
      `Đã hết hạn đăng ký (${vnTime(campaign.closes_at)}): không nộp thêm minh chứng ưu tiên. Chưa lưu gì.`,
    );
  const groups: PriorityGroup[] = ['none', 'group1', 'group2', 'group3'];
  const prizes: Prize[] = ['none', 'first', 'second', 'third'];
  const group = (input.group ?? 'none') as PriorityGroup;
  const prize = (input.prize ?? 'none') as Prize;
  const errors = [
    ...(groups.includes(group)
      ? []
      : [
          {
            path: 'group',
            message: `Nhóm ưu tiên "${input.group}" không có: none, group1, group2, group3.`,
          },
        ]),
    ...(prizes.includes(prize)
      ? []
      : [
          { path: 'prize', message: `Giải "${input.prize}" không có: none, first, second, third.` },
        ]),
  ];
  if (!errors.length && group === 'none' && prize === 'none')
    errors.push({ path: 'group', message: 'Hãy chọn nhóm ưu tiên hoặc giải được khuyến khích.' });
  if (errors.length)
    throw badRequest(`${errors.map((e) => e.message).join(' ')} Chưa lưu gì.`, errors);
  const me = await candidateById(db, candidate.candidateId);
  if (!me) throw notFound('thí sinh');
  await writeTransaction(
    db,
    { ...systemActor(`thí sinh ${me.code} nộp minh chứng`), ip: candidate.ip },
    (tx) =>
      upsertClaim(tx, {
        id: me.id,
        campaign_id: campaign.id,
        school_id: me.school_id,
        priority_group: group,
        prize,
        file_sha256: input.file.sha256,
        file_name: input.file.fileName.slice(0, 200),
        file_size: input.file.size,
        file_type: input.file.sniffedType,
      }),
  );
  return toClaim((await claimOf(db, me.id))!, campaign.opens_at);
}

export async function myPriorityClaim(db: Db, candidate: CandidateScope): Promise<PriorityClaim> {
  const campaign = await publicCampaignRow(db, candidate.campaignId);
  const row = await claimOf(db, candidate.candidateId);
  if (!row) throw notFound('minh chứng ưu tiên');
  return toClaim(row, campaign.opens_at);
}

/** The claims of the caller's schools' candidates, to check. */
export async function listPriorityClaims(
  db: Db,
  scope: Scope,
  campaignId: string,
): Promise<PriorityClaim[]> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.candidates');
  return (await claimsInScope(db, campaign.id, scope)).map((r) => toClaim(r, campaign.opens_at));
}

async function claimInScope(db: Db, scope: Scope, campaignId: string, code: string) {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.candidates');
  const row = await claimByCode(db, campaign.id, code);
  if (!row) throw notFound('minh chứng ưu tiên');
  if (!scope.containsPath(row.school_path)) throw forbidden();
  return { campaign, row };
}

/** The school accepts or refuses (a refusal says why); audited as the staff member's act. */
export async function checkPriorityClaim(
  db: Db,
  scope: Scope,
  campaignId: string,
  code: string,
  input: { accept: boolean; note?: string | undefined },
): Promise<PriorityClaim> {
  const { campaign, row } = await claimInScope(db, scope, campaignId, code);
  if (campaign.status === 'published')
    throw conflict('Kết quả đã công bố: không xét lại minh chứng ưu tiên.');
  const note = input.note?.trim() || null;
  if (!input.accept && !note)
    throw badRequest('Hãy ghi lý do không chấp nhận minh chứng để gia đình bổ sung.', [
      { path: 'body.note', message: 'Cần lý do khi không chấp nhận.' },
    ]);
  await writeTransaction(db, scope.actor, (tx) =>
    setClaimCheck(tx, row.id, {
      status: input.accept ? 'accepted' : 'refused',
      note,
      checked_by: `${scope.user.fullName} (${scope.user.username})`,
    }),
  );
  return toClaim((await claimOf(db, row.id))!, campaign.opens_at);
}

/** The evidence file, for the school checking it. */
export async function priorityEvidence(
  db: Db,
  scope: Scope,
  files: FileStore,
  campaignId: string,
  code: string,
): Promise<{ stream: ReadStream; name: string; type: string }> {
  const { row } = await claimInScope(db, scope, campaignId, code);
  if (!(await files.has(row.file_sha256)))
    throw new AppError(410, 'Không còn tệp', 'Tệp minh chứng không còn trong kho lưu trữ.');
  return {
    stream: await files.open(row.file_sha256),
    name: row.file_name,
    type: row.file_type ?? 'application/octet-stream',
  };
}
