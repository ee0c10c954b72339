import type { Scope } from '../../../core/access/scope.ts';
import { badRequest, conflict, notFound } from '../../../core/errors.ts';
import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { isEntryCampaign, publicCampaignRow, requireCampaign } from '../access.ts';
import { admittedByCode, lookupByPersonalId, setDocumentsChecked } from './repo.ts';

/**
 * The admitting school confirms an admission after checking the child's
 * documents (birth certificate, residence, the primary-school record for
 * grade 6): issue #15, "schools confirm each admission after checking
 * documents". Only the admitting school (or above), after publication;
 * audited. Unchecking (checked: false) is allowed until the hand-over.
 * The hand-over sends only children whose documents were checked and whose
 * family confirmed.
 */
export async function checkDocuments(
  db: Db,
  scope: Scope,
  campaignId: string,
  code: string,
  checked: boolean,
): Promise<{ code: string; fullName: string; program: string; documentsChecked: boolean }> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.candidates');
  if (!isEntryCampaign(campaign))
    throw badRequest('Xác nhận hồ sơ của trường chỉ có ở tuyển sinh lớp 1, lớp 6.');
  if (campaign.status !== 'published')
    throw conflict('Chưa công bố kết quả: chưa có trẻ trúng tuyển để xác nhận hồ sơ.');
  const row = await admittedByCode(db, campaign.id, code);
  if (!row || !scope.containsPath(row.school_path))
    throw notFound('trẻ trúng tuyển vào trường của bạn có mã này');
  if (row.response === 'declined' || row.response === 'lapsed')
    throw conflict(
      `Gia đình trẻ ${row.full_name} đã từ chối hoặc không xác nhận đúng hạn: không còn chỗ học.`,
    );
  await writeTransaction(db, scope.actor, (tx) =>
    setDocumentsChecked(
      tx,
      row.id,
      checked ? `${scope.user.fullName} (${scope.user.username})` : null,
    ),
  );
  return {
    code: row.code,
    fullName: row.full_name,
    program: row.program!,
    documentsChecked: checked,
  };
}

/**
 * Public lookup of an entry campaign's result by the child's personal id
 * and date of birth (both must match; one child's result, never a list).
 */
export async function lookupEntryResult(
  db: Db,
  input: { campaignId: string; personalId: string; birthDate: string },
): Promise<{ program: string | null; schoolName: string | null; score: number | null }> {
  const campaign = await publicCampaignRow(db, input.campaignId);
  if (!isEntryCampaign(campaign) || campaign.status !== 'published')
    throw notFound('kết quả (chưa công bố)');
  const row = await lookupByPersonalId(db, campaign.id, input.personalId);
  if (!row || row.birth_date !== input.birthDate)
    throw notFound('trẻ có mã định danh và ngày sinh này');
  return { program: row.program ?? null, schoolName: row.school_name ?? null, score: null };
}
