import type { Scope } from '../../core/access/scope.ts';
import { badRequest, forbidden } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { requireCampaign } from './access.ts';
import type { Campaign, CampaignBody } from './contract.ts';
import { presentCampaign } from './present.ts';
import { insertCampaign, unitById } from './repo.ts';
import { checkEvidenceFormat, DEFAULT_EVIDENCE_FORMAT } from './rules.ts';
import { findSet, STANDARD_SETS } from './sets/index.ts';

/**
 * The department (or a commune) opens a self-assessment campaign for the
 * schools of its subtree and picks the standard set every cycle uses.
 */
export async function createCampaign(db: Db, scope: Scope, input: CampaignBody): Promise<Campaign> {
  scope.require('accreditation.manage');
  const name = normalizeText(input.name);
  const errors = [];
  if (!name) errors.push({ path: 'name', message: 'Hãy đặt tên cho đợt tự đánh giá.' });
  const set = findSet(input.setId);
  if (!set)
    errors.push({
      path: 'setId',
      message: `Không có bộ tiêu chuẩn "${input.setId}". Các bộ hiện có: ${STANDARD_SETS.map((s) => s.id).join(', ')}.`,
    });
  const format = input.evidenceFormat?.trim() || DEFAULT_EVIDENCE_FORMAT;
  const formatError = checkEvidenceFormat(format);
  if (formatError) errors.push({ path: 'evidenceFormat', message: formatError });
  // A set not yet in force that school year is refused; one already replaced
  // is allowed (transitional cycles), its end date shown with the set.
  const yearEnd = `${input.schoolYear.slice(5)}-08-31`;
  if (set && set.effectiveFrom > yearEnd)
    errors.push({
      path: 'setId',
      message: `Bộ tiêu chuẩn ${set.name} áp dụng từ ${vnDate(set.effectiveFrom)}, chưa có hiệu lực trong năm học ${input.schoolYear}.`,
    });
  if (errors.length || !set) throw badRequest('Đợt tự đánh giá chưa hợp lệ.', errors);
  const unit = await unitById(db, scope.user.orgUnitId);
  if (!unit) throw forbidden();
  const id = uuidv7();
  await insertCampaign(db, {
    id,
    unit_id: unit.id,
    name,
    set_id: set.id,
    school_year: input.schoolYear,
    evidence_format: format,
    created_by: scope.actor.name,
  });
  const { campaign } = await requireCampaign(db, scope, id, 'accreditation.read');
  return presentCampaign(campaign, set);
}

function vnDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
