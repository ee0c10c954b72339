import { conflict, forbidden, notFound } from '../../core/errors.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { publicCampaignRow } from './access.ts';
import type { CandidateScope } from './candidate-session.ts';
import { candidateResult } from './candidate-result.ts';
import type { ResultAnswer } from './contract.ts';
import { resultOf, setResponse } from './repo.ts';
import { vnTime } from './submit-application.ts';

/** An admitted candidate confirms enrolment (or declines) before the deadline. */
export async function respondOffer(
  db: Db,
  scope: CandidateScope,
  input: { accept: boolean; now?: Date },
): Promise<ResultAnswer> {
  const campaign = await publicCampaignRow(db, scope.campaignId);
  if (campaign.status !== 'published') throw notFound('kết quả (chưa công bố)');
  const now = input.now ?? new Date();
  if (campaign.confirm_by && now >= campaign.confirm_by)
    throw forbidden(`Đã hết hạn xác nhận nhập học (${vnTime(campaign.confirm_by)}).`);
  const result = await resultOf(db, scope.candidateId);
  if (!result?.program)
    throw conflict('Bạn không trúng tuyển chương trình nào: không có gì để xác nhận.');
  if (result.response === 'lapsed') throw conflict('Chỗ học đã bị huỷ vì không xác nhận đúng hạn.');
  // The candidate's own act, recorded in the audit log with its address.
  await writeTransaction(db, { ...systemActor(`thí sinh tự xác nhận`), ip: scope.ip }, (tx) =>
    setResponse(tx, scope.candidateId, input.accept ? 'confirmed' : 'declined'),
  );
  return candidateResult(db, scope);
}
