import type { Scope } from '../../core/access/scope.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import { staleVersion } from '../../core/versions.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { requireCampaign, toSummary } from './access.ts';
import type { CampaignSummary, UpdateCampaignInput } from './contract.ts';
import { updateCampaign as writeCampaign } from './repo.ts';
import { vnTime } from './submit-application.ts';
import { timetableProblems } from './timetable.ts';

/** The fields that are the campaign's rules: frozen once registration opens. */
const RULES = {
  opensAt: 'thời gian mở đăng ký',
  closesAt: 'thời gian đóng đăng ký',
  maxPreferences: 'số nguyện vọng tối đa',
  rankPenalty: 'điểm chênh giữa các nguyện vọng',
  ties: 'cách xử lý bằng điểm',
  zoneRanks: 'khu vực tuyển sinh',
  firstClosesAt: 'đợt điều chỉnh nguyện vọng',
  changeOpensAt: 'đợt điều chỉnh nguyện vọng',
} as const;

/**
 * Changes a campaign from `version`. Before it opens everything may change
 * (dates re-checked in order); from `opensAt` on, its rules are what the
 * families registered under, so a change to any of them is refused with 409
 * and nothing is written — only the name and the confirmation deadline (not
 * before `closes`) may still change. Audited (the campaign's triggers).
 */
export async function updateCampaign(
  db: Db,
  scope: Scope,
  campaignId: string,
  input: UpdateCampaignInput,
  now: Date = new Date(),
): Promise<CampaignSummary> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  if (input.version !== campaign.version)
    throw staleVersion('Kỳ tuyển sinh', { sent: input.version, current: campaign.version });
  const ms = (v: string | null | undefined) => (v ? new Date(v).getTime() : null);
  const current = {
    opensAt: campaign.opens_at.getTime(),
    closesAt: campaign.closes_at.getTime(),
    maxPreferences: campaign.max_preferences,
    rankPenalty: campaign.rank_penalty,
    ties: campaign.ties,
    zoneRanks: campaign.zone_ranks,
    firstClosesAt: campaign.first_closes_at?.getTime() ?? null,
    changeOpensAt: campaign.change_opens_at?.getTime() ?? null,
  };
  const sent = {
    opensAt: input.opensAt === undefined ? undefined : ms(input.opensAt),
    closesAt: input.closesAt === undefined ? undefined : ms(input.closesAt),
    maxPreferences: input.maxPreferences,
    rankPenalty: input.rankPenalty === undefined ? undefined : Math.round(input.rankPenalty * 100),
    ties: input.ties,
    zoneRanks: input.zoneRanks,
    firstClosesAt: input.firstClosesAt === undefined ? undefined : ms(input.firstClosesAt),
    changeOpensAt: input.changeOpensAt === undefined ? undefined : ms(input.changeOpensAt),
  };
  const changed = (Object.keys(RULES) as (keyof typeof RULES)[]).filter(
    (k) => sent[k] !== undefined && sent[k] !== current[k],
  );
  if (changed.length && now >= campaign.opens_at)
    throw new AppError(
      409,
      'Kỳ tuyển sinh đã mở đăng ký',
      `Kỳ tuyển sinh đã mở đăng ký từ ${vnTime(campaign.opens_at)}: không thay đổi ${[...new Set(changed.map((k) => RULES[k]))].join(', ')} nữa, vì các gia đình đã đăng ký theo quy định này. Chưa lưu gì.`,
      changed.map((k) => ({ path: `body.${k}`, message: 'Không sửa được sau khi đã mở đăng ký.' })),
    );
  const date = (v: number | null) => (v === null ? null : new Date(v));
  const next = {
    opens: new Date(sent.opensAt ?? current.opensAt),
    closes: new Date(sent.closesAt ?? current.closesAt),
    confirmBy:
      input.confirmBy === undefined ? campaign.confirm_by : date(ms(input.confirmBy) ?? null),
    firstCloses: date(
      sent.firstClosesAt === undefined ? current.firstClosesAt : sent.firstClosesAt,
    ),
    changeOpens: date(
      sent.changeOpensAt === undefined ? current.changeOpensAt : sent.changeOpensAt,
    ),
  };
  const problems = timetableProblems(next);
  if (problems.length)
    throw badRequest(
      `Lịch tuyển sinh không đúng thứ tự: ${problems.map((p) => p.message).join(' ')}`,
      problems,
    );
  if (
    input.confirmBy !== undefined &&
    ms(input.confirmBy) !== (campaign.confirm_by?.getTime() ?? null) &&
    campaign.status === 'published'
  )
    throw new AppError(
      409,
      'Kết quả đã công bố',
      'Kết quả đã công bố: hạn xác nhận nhập học đã báo cho thí sinh, không sửa được nữa. Chưa lưu gì.',
    );
  const ok = await writeTransaction(db, scope.actor, (tx) =>
    writeCampaign(tx, campaign.id, campaign.version, {
      ...(input.name !== undefined && { name: input.name }),
      opens_at: next.opens,
      closes_at: next.closes,
      confirm_by: next.confirmBy,
      ...(sent.maxPreferences !== undefined && { max_preferences: sent.maxPreferences }),
      ...(sent.rankPenalty !== undefined && { rank_penalty: sent.rankPenalty }),
      ...(sent.ties !== undefined && { ties: sent.ties }),
      ...(sent.zoneRanks !== undefined && { zone_ranks: sent.zoneRanks }),
      first_closes_at: next.firstCloses,
      change_opens_at: next.changeOpens,
    }),
  );
  if (!ok) {
    const now = await requireCampaign(db, scope, campaignId, 'admissions.manage');
    throw staleVersion('Kỳ tuyển sinh', { sent: input.version, current: now.version });
  }
  return toSummary(await requireCampaign(db, scope, campaign.id, 'admissions.manage'));
}
