import type { Scope } from '../../../core/access/scope.ts';
import { AppError, badRequest, conflict, type FieldError } from '../../../core/errors.ts';
import { staleVersion } from '../../../core/versions.ts';
import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { EntryRulesJson } from '../../../db/schema.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { isEntryCampaign, publicCampaignRow, requireCampaign, toSummary } from '../access.ts';
import type {
  CampaignSummary,
  EntryRulesChange,
  EntryRulesEditInput,
  EntryRulesHistory,
} from '../contract.ts';
import type { CampaignRow } from '../repo.ts';
import { vnTime } from '../submit-application.ts';
import { entryRulesChanges, insertEntryRulesChange, setEntryRules } from './repo.ts';
import { ENTRY_DOCUMENTS } from './rules.ts';

/**
 * Changing an entry campaign's rules after creation (issue #15): the
 * commune's priority order, the lottery seed, overflow within the commune and
 * the documents families upload.
 * - Before registration opens: free, as at creation.
 * - Once it has opened, families have registered under the rules in force, so
 *   a change needs a reason (at least REASON_MIN characters). Every change is
 *   a row of the history (who, when, before, after, reason); those made after
 *   opening are also on the family's page.
 * - Once registration has closed, the seed no longer changes: with every
 *   application known, a new seed could be searched for one that favours a
 *   child, and the published seed is what lets anyone re-run the draw.
 * - Once allocated, nothing changes: the result was computed under them.
 * The save carries the campaign version its form loaded; any other is a
 * stale save (409), nothing written. Audited (the tables' triggers).
 */
export const REASON_MIN = 10;

/** The duplicate checks of creation and of a change (one criterion, one document each once). */
export function entryRulesProblems(
  rules: { order?: readonly string[] | undefined; documents?: readonly string[] | undefined },
  at = 'body.entryRules',
): void {
  const order = rules.order ?? [];
  if (new Set(order).size !== order.length)
    throw badRequest('Thứ tự ưu tiên liệt kê một tiêu chí hai lần.', [
      { path: `${at}.order`, message: 'Mỗi tiêu chí chỉ một lần.' },
    ]);
  const documents = rules.documents ?? [];
  if (new Set(documents).size !== documents.length)
    throw badRequest('Danh sách giấy tờ cần nộp liệt kê một loại hai lần.', [
      { path: `${at}.documents`, message: 'Mỗi loại giấy tờ chỉ một lần.' },
    ]);
}

/** The stored rules with every field present, documents in the catalogue's order. */
function normalised(rules: EntryRulesJson | null): EntryRulesJson {
  const documents = rules?.documents ?? [];
  return {
    order: [...(rules?.order ?? [])],
    seed: rules?.seed ?? 0,
    overflowInCommune: rules?.overflowInCommune ?? true,
    documents: ENTRY_DOCUMENTS.filter((d) => documents.includes(d)),
  };
}

const same = (a: EntryRulesJson, b: EntryRulesJson) => JSON.stringify(a) === JSON.stringify(b);

async function entryCampaign(db: Db, scope: Scope, campaignId: string): Promise<CampaignRow> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  if (!isEntryCampaign(campaign))
    throw conflict('Quy tắc tuyển sinh đầu cấp chỉ có ở kỳ tuyển sinh lớp 1, lớp 6.');
  return campaign;
}

export async function editEntryRules(
  db: Db,
  scope: Scope,
  campaignId: string,
  input: EntryRulesEditInput,
  now: Date = new Date(),
): Promise<CampaignSummary> {
  const campaign = await entryCampaign(db, scope, campaignId);
  if (campaign.status !== 'open')
    throw new AppError(
      409,
      'Đã xét tuyển',
      'Kỳ tuyển sinh đã xét tuyển: kết quả đã tính theo quy tắc hiện hành, không sửa quy tắc tuyển sinh nữa. Chưa lưu gì.',
    );
  const what = `Quy tắc tuyển sinh của ${campaign.name}`;
  if (input.version !== campaign.version)
    throw staleVersion(what, { sent: input.version, current: campaign.version });
  entryRulesProblems({ order: input.order, documents: input.documents }, 'body');
  const before = normalised(campaign.entry_rules);
  const after = normalised({
    order: input.order,
    seed: input.seed,
    overflowInCommune: input.overflowInCommune,
    documents: input.documents,
  });
  // Nothing changed: nothing written, no history row, no version bump.
  if (same(before, after)) return toSummary(campaign);
  const afterOpening = now >= campaign.opens_at;
  const reason = input.reason?.trim() || null;
  if (afterOpening && after.seed !== before.seed && now >= campaign.closes_at)
    throw new AppError(
      409,
      'Đã hết hạn đăng ký',
      `Đã hết hạn đăng ký từ ${vnTime(campaign.closes_at)}: không đổi số gốc bốc thăm nữa, vì khi đã biết mọi hồ sơ, một số gốc mới có thể được chọn để có lợi cho một trẻ. Chưa lưu gì.`,
      [{ path: 'body.seed', message: 'Không đổi được số gốc bốc thăm sau khi hết hạn đăng ký.' }],
    );
  if (afterOpening && (reason === null || reason.length < REASON_MIN)) {
    const field: FieldError = {
      path: 'body.reason',
      message: `Ghi lý do thay đổi (ít nhất ${REASON_MIN} ký tự).`,
    };
    throw new AppError(
      422,
      'Cần lý do thay đổi',
      `Kỳ tuyển sinh đã mở đăng ký từ ${vnTime(campaign.opens_at)}: các gia đình đã đăng ký theo quy tắc hiện hành, nên mỗi thay đổi cần lý do (ít nhất ${REASON_MIN} ký tự), được ghi vào lịch sử thay đổi và công khai cho các gia đình. Chưa lưu gì.`,
      [field],
    );
  }
  const ok = await writeTransaction(db, scope.actor, async (tx) => {
    if (!(await setEntryRules(tx, campaign.id, campaign.version, after))) return false;
    await insertEntryRulesChange(tx, {
      id: uuidv7(),
      campaign_id: campaign.id,
      org_unit_id: campaign.org_unit_id,
      campaign_version: campaign.version + 1,
      before,
      after,
      reason,
      after_opening: afterOpening,
      changed_by: scope.user.id,
      changed_by_name: `${scope.user.fullName} (${scope.user.username})`,
    });
    return true;
  });
  const fresh = await entryCampaign(db, scope, campaign.id);
  if (!ok) {
    if (fresh.status !== 'open')
      throw new AppError(
        409,
        'Đã xét tuyển',
        'Kỳ tuyển sinh đã xét tuyển: kết quả đã tính theo quy tắc hiện hành, không sửa quy tắc tuyển sinh nữa. Chưa lưu gì.',
      );
    throw staleVersion(what, { sent: input.version, current: fresh.version });
  }
  return toSummary(fresh);
}

function toChange(
  row: Awaited<ReturnType<typeof entryRulesChanges>>[number],
  withWho: boolean,
): EntryRulesChange {
  return {
    id: row.id,
    at: row.changed_at.toISOString(),
    by: withWho ? row.changed_by_name : null,
    before: row.before,
    after: row.after,
    reason: row.reason,
    afterOpening: row.after_opening,
    version: row.campaign_version,
  };
}

/** Every change of the campaign's rules, newest first, with who made it (staff). */
export async function entryRulesHistory(
  db: Db,
  scope: Scope,
  campaignId: string,
): Promise<EntryRulesHistory> {
  const campaign = await entryCampaign(db, scope, campaignId);
  return (await entryRulesChanges(db, campaign.id)).map((r) => toChange(r, true));
}

/**
 * The changes made after registration opened, for families: when, what, and
 * why (not who: a family needs the rule, not the officer's account).
 */
export async function publicEntryRulesHistory(
  db: Db,
  campaignId: string,
): Promise<EntryRulesHistory> {
  const campaign = await publicCampaignRow(db, campaignId);
  if (!isEntryCampaign(campaign)) return [];
  return (await entryRulesChanges(db, campaign.id, true)).map((r) => toChange(r, false));
}
