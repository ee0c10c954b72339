/** What both kinds of evidence share: its fields checked and its code taken. */
import type { Scope } from '../../core/access/scope.ts';
import { badRequest, type FieldError } from '../../core/errors.ts';
import type { Tx } from '../../db/actor.ts';
import { parseVietnameseDate } from '../../lib/dates.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import type { CampaignRecord } from './access.ts';
import { insertEvidence, nextEvidenceNumber } from './repo.ts';
import { formatEvidenceCode } from './rules.ts';
import { criteriaOf } from './sets/index.ts';
import type { StandardSet } from './sets/types.ts';

export interface EvidenceFields {
  title: string;
  criterionCode: string;
  box?: number | undefined;
  issuer?: string | null | undefined;
  issuedOn?: string | null | undefined;
}

export interface CheckedEvidence {
  title: string;
  criterionCode: string;
  standard: number;
  criterion: number;
  box: number;
  issuer: string | null;
  issuedOn: string | null;
}

/** `errors`: the caller's own field errors, reported together with these. */
export function checkEvidenceFields(
  set: StandardSet,
  input: EvidenceFields,
  errors: FieldError[] = [],
): CheckedEvidence {
  const title = normalizeText(input.title ?? '');
  if (!title) errors.push({ path: 'title', message: 'Hãy nhập tên minh chứng.' });
  if (title.length > 500)
    errors.push({ path: 'title', message: 'Tên minh chứng dài tối đa 500 ký tự.' });
  const criterion = criteriaOf(set).find((c) => c.code === input.criterionCode);
  if (!criterion)
    errors.push({
      path: 'criterionCode',
      message: `Bộ tiêu chuẩn của đợt không có tiêu chí "${input.criterionCode}" (cần dạng 1.1).`,
    });
  const box = input.box ?? Number(input.criterionCode.split('.')[0]);
  if (!Number.isInteger(box) || box < 1 || box > 99)
    errors.push({ path: 'box', message: 'Số hộp minh chứng là số nguyên từ 1 đến 99.' });
  let issuedOn: string | null = null;
  if (input.issuedOn?.trim()) {
    issuedOn = parseVietnameseDate(input.issuedOn);
    if (!issuedOn)
      errors.push({
        path: 'issuedOn',
        message: `Ngày ban hành "${input.issuedOn}" không hợp lệ: cần dạng dd/mm/yyyy.`,
      });
  }
  if (errors.length) throw badRequest('Minh chứng chưa hợp lệ.', errors);
  const [standard, number] = input.criterionCode.split('.').map(Number) as [number, number];
  return {
    title,
    criterionCode: input.criterionCode,
    standard,
    criterion: number,
    box,
    issuer: input.issuer ? normalizeText(input.issuer) || null : null,
    issuedOn,
  };
}

/** Takes the next number of the criterion in its box and records the evidence (under the cycle's lock). */
export async function recordEvidence(
  tx: Tx,
  scope: Scope,
  campaign: CampaignRecord,
  cycleId: string,
  fields: CheckedEvidence,
  content:
    | { kind: 'file'; sha256: string; size: number; fileName: string; mediaType: string }
    | { kind: 'link'; url: string },
): Promise<{ id: string; code: string }> {
  const number = await nextEvidenceNumber(tx, cycleId, fields.criterionCode, fields.box);
  const code = formatEvidenceCode(campaign.evidence_format, {
    box: fields.box,
    standard: fields.standard,
    criterion: fields.criterion,
    number,
  });
  const id = uuidv7();
  await insertEvidence(tx, {
    id,
    cycle_id: cycleId,
    code,
    box: fields.box,
    criterion_code: fields.criterionCode,
    number,
    title: fields.title,
    issuer: fields.issuer,
    issued_on: fields.issuedOn,
    kind: content.kind,
    sha256: content.kind === 'file' ? content.sha256 : null,
    size: content.kind === 'file' ? content.size : null,
    file_name: content.kind === 'file' ? content.fileName : null,
    media_type: content.kind === 'file' ? content.mediaType : null,
    url: content.kind === 'link' ? content.url : null,
    created_by: scope.actor.name,
  });
  return { id, code };
}
