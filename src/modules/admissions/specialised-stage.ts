import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { points, publicCampaignRow, requireCampaign, toSummary } from './access.ts';
import type { CandidateScope } from './candidate-session.ts';
import type { CampaignSummary, SpecialisedAnswer } from './contract.ts';
import { setResponse, setSpecialisedStatus, specialisedResultOf } from './repo.ts';
import { vnTime } from './submit-application.ts';

/**
 * Publishes the specialised stage (stages.ts): its admitted candidates see
 * their result and confirm or decline by `confirmBy`; the regular stage is
 * allocated after that deadline.
 */
export async function publishSpecialised(
  db: Db,
  scope: Scope,
  campaignId: string,
  input: { confirmBy: string; now?: Date },
): Promise<CampaignSummary> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  if (campaign.specialised_status === null)
    throw conflict('Chưa xét tuyển vòng chuyên, tích hợp: chưa có kết quả để công bố.');
  if (campaign.specialised_status === 'published')
    throw conflict('Kết quả vòng chuyên, tích hợp đã được công bố.');
  const confirmBy = new Date(input.confirmBy);
  const now = input.now ?? new Date();
  if (Number.isNaN(confirmBy.getTime()) || confirmBy <= now)
    throw badRequest(
      `Hạn xác nhận vòng chuyên, tích hợp phải sau thời điểm công bố (${vnTime(now)}).`,
    );
  await writeTransaction(db, scope.actor, (tx) =>
    setSpecialisedStatus(tx, campaign.id, {
      specialised_status: 'published',
      specialised_confirm_by: confirmBy,
    }),
  );
  return toSummary(await requireCampaign(db, scope, campaignId, 'admissions.manage'));
}

/** The candidate's own result in the specialised stage, once published (404 before). */
export async function specialisedResult(db: Db, scope: CandidateScope): Promise<SpecialisedAnswer> {
  const campaign = await publicCampaignRow(db, scope.campaignId);
  if (campaign.specialised_status !== 'published')
    throw notFound('kết quả vòng chuyên, tích hợp (chưa công bố)');
  const r = await specialisedResultOf(db, scope.candidateId);
  if (!r?.program) return { program: null };
  return {
    program: r.program,
    rank: r.rank,
    track: r.track,
    schoolName: r.school_name,
    cutoff: r.cutoff === null ? null : points(r.cutoff),
    response: r.response,
    confirmBy: campaign.specialised_confirm_by?.toISOString() ?? null,
  };
}

/**
 * A candidate admitted in the specialised stage takes the seat (and leaves
 * the regular stage) or declines it (and goes on with the regular
 * preferences), until the stage's deadline; they may change their mind until
 * then, as the regular confirmation allows.
 */
export async function respondSpecialised(
  db: Db,
  scope: CandidateScope,
  input: { accept: boolean; now?: Date },
): Promise<SpecialisedAnswer> {
  const campaign = await publicCampaignRow(db, scope.campaignId);
  if (campaign.specialised_status !== 'published')
    throw notFound('kết quả vòng chuyên, tích hợp (chưa công bố)');
  const now = input.now ?? new Date();
  if (
    campaign.status !== 'open' ||
    (campaign.specialised_confirm_by && now >= campaign.specialised_confirm_by)
  )
    throw forbidden(
      `Đã hết hạn xác nhận vòng chuyên, tích hợp${campaign.specialised_confirm_by ? ` (${vnTime(campaign.specialised_confirm_by)})` : ''}.`,
    );
  const result = await specialisedResultOf(db, scope.candidateId);
  if (!result?.program)
    throw conflict('Bạn không trúng tuyển vòng chuyên, tích hợp: không có gì để xác nhận.');
  // The candidate's own act, recorded in the audit log with its address.
  await writeTransaction(db, { ...systemActor('thí sinh tự xác nhận'), ip: scope.ip }, (tx) =>
    setResponse(
      tx,
      scope.candidateId,
      input.accept ? 'confirmed' : 'declined',
      'admission_specialised_result',
    ),
  );
  return specialisedResult(db, scope);
}
