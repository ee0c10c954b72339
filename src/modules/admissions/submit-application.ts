import { AppError, forbidden } from '../../core/errors.ts';
import { staleVersion } from '../../core/versions.ts';
import type { Db } from '../../db/connection.ts';
import { isEntryCampaign, publicCampaignRow } from './access.ts';
import type { CandidateScope } from './candidate-session.ts';
import type { SubmittedAnswer } from './contract.ts';
import {
  advanceCurrent,
  candidateById,
  currentApplication,
  insertSubmission,
  preferencesBefore,
  programsOf,
  type CampaignRow,
  type EntryDeclaration,
} from './repo.ts';

const unprocessable = (detail: string, errors: { path: string; message: string }[]) =>
  new AppError(422, 'Nguyện vọng không hợp lệ', detail, errors);

/**
 * A new version of the candidate's application (an empty list withdraws).
 * `receivedAt` is when the request reached the server: one that arrived
 * before `closes` counts even if it commits a moment after. The version in
 * force moves only from `baseVersion`: another device's newer version
 * answers 409 and nothing is written. A 200 means committed (durable).
 */
export async function submitApplication(
  db: Db,
  scope: CandidateScope,
  input: { preferences: string[]; baseVersion: number; receivedAt: Date },
): Promise<SubmittedAnswer> {
  const campaign = await publicCampaignRow(db, scope.campaignId);
  const at = input.receivedAt;
  await checkWindow(db, campaign, scope.candidateId, at);
  // An entry-grade application declares the residence: entry/submit-entry.ts.
  if (isEntryCampaign(campaign) && input.preferences.length)
    throw unprocessable(
      'Tuyển sinh lớp 1, lớp 6: hãy khai nơi cư trú cùng trường chọn (PUT /entry-application). Chưa lưu gì.',
      [{ path: 'body', message: 'Thiếu nơi cư trú.' }],
    );
  const programList = await programsOf(db, campaign.id);
  const programs = new Set(programList.map((p) => p.id));
  const zoneOf = new Map(programList.map((p) => [p.id, p.zone]));
  const errors: { path: string; message: string }[] = [];
  if (input.preferences.length > campaign.max_preferences)
    errors.push({
      path: 'body.preferences',
      message: `Chỉ được đăng ký tối đa ${campaign.max_preferences} nguyện vọng (đã chọn ${input.preferences.length}).`,
    });
  const seen = new Map<string, number>();
  input.preferences.forEach((p, i) => {
    const path = `body.preferences.${i}`;
    if (!programs.has(p))
      errors.push({
        path,
        message: `Nguyện vọng ${i + 1}: không có chương trình "${p}" trong kỳ tuyển sinh.`,
      });
    else if (seen.has(p))
      errors.push({
        path,
        message: `Nguyện vọng ${i + 1}: chương trình ${p} đã chọn ở nguyện vọng ${seen.get(p)! + 1}.`,
      });
    else seen.set(p, i);
  });
  // Zones (Hà Nội's rule, as the campaign's data): preferences 1..zone_ranks in the candidate's zone.
  if (campaign.zone_ranks !== null && input.preferences.length) {
    const zone = (await candidateById(db, scope.candidateId))?.zone ?? null;
    if (zone === null)
      errors.push({
        path: 'body.preferences',
        message: 'Bạn chưa được xếp khu vực tuyển sinh: hãy liên hệ trường THCS trước khi đăng ký.',
      });
    else
      input.preferences.slice(0, campaign.zone_ranks).forEach((p, i) => {
        if (programs.has(p) && zoneOf.get(p) !== zone)
          errors.push({
            path: `body.preferences.${i}`,
            message: `Nguyện vọng ${i + 1}: chương trình ${p} không thuộc khu vực tuyển sinh ${zone} của bạn (nguyện vọng 1 đến ${campaign.zone_ranks} phải trong khu vực).`,
          });
      });
  }
  if (errors.length)
    throw unprocessable(`${errors.map((e) => e.message).join(' ')} Chưa lưu gì.`, errors);
  return writeVersion(db, scope, campaign.id, {
    preferences: input.preferences,
    baseVersion: input.baseVersion,
    at,
  });
}

/**
 * Whether a version may be written at `at`: inside opens–closes, the campaign
 * still open, and in a change window only for those who registered before it.
 */
export async function checkWindow(
  db: Db,
  campaign: CampaignRow,
  candidateId: string,
  at: Date,
): Promise<void> {
  if (at < campaign.opens_at)
    throw forbidden(
      `Chưa đến thời gian đăng ký: đăng ký mở từ ${vnTime(campaign.opens_at)}. Chưa lưu gì.`,
    );
  if (at >= campaign.closes_at || campaign.status !== 'open')
    throw forbidden(
      `Đã hết hạn đăng ký và thay đổi nguyện vọng (${vnTime(campaign.closes_at)}). Chưa lưu gì.`,
    );
  // The change window (TP.HCM): registration ends at first_closes_at, the
  // counts are published, and from change_opens_at those who registered may
  // change until closes; no new registrations then.
  if (campaign.first_closes_at && campaign.change_opens_at && at >= campaign.first_closes_at) {
    if (at < campaign.change_opens_at)
      throw forbidden(
        `Đã hết hạn đăng ký (${vnTime(campaign.first_closes_at)}); số liệu đăng ký đã công bố. Thí sinh đã đăng ký được điều chỉnh nguyện vọng từ ${vnTime(campaign.change_opens_at)} đến ${vnTime(campaign.closes_at)}. Chưa lưu gì.`,
      );
    const registered = await preferencesBefore(db, candidateId, campaign.first_closes_at);
    if (registered.length === 0)
      throw forbidden(
        `Đợt điều chỉnh chỉ dành cho thí sinh đã đăng ký trước ${vnTime(campaign.first_closes_at)}; bạn chưa đăng ký nguyện vọng nào trước thời điểm đó. Chưa lưu gì.`,
      );
  }
}

/**
 * Writes the next version from `baseVersion` (409 when another device came
 * first), with the declared residence for an entry-grade campaign.
 */
export async function writeVersion(
  db: Db,
  scope: CandidateScope,
  campaignId: string,
  input: {
    preferences: string[];
    baseVersion: number;
    at: Date;
    residence?: EntryDeclaration | null;
  },
): Promise<SubmittedAnswer> {
  const { at } = input;
  const residence = input.residence ?? null;
  const version = await db.transaction().execute(async (tx) => {
    const next = await advanceCurrent(
      tx,
      scope.candidateId,
      input.baseVersion,
      input.preferences,
      at,
      residence,
    );
    if (next === null) return null;
    await insertSubmission(tx, {
      candidate_id: scope.candidateId,
      version: next,
      campaign_id: campaignId,
      preferences: input.preferences,
      submitted_at: at,
      ip: scope.ip,
      on_behalf_by: scope.onBehalfBy ?? null,
      residence: residence?.residence ?? null,
      area_id: residence?.area_id ?? null,
      sibling_program: residence?.sibling_program ?? null,
      sibling_student_id: residence?.sibling_student_id ?? null,
    });
    return next;
  });
  if (version === null) {
    const current = await currentApplication(db, scope.candidateId);
    throw staleVersion(input.residence ? 'Hồ sơ đăng ký tuyển sinh' : 'Đơn đăng ký nguyện vọng', {
      sent: input.baseVersion,
      current: current?.version ?? 0,
    });
  }
  return { version, submittedAt: at.toISOString() };
}

export function vnTime(at: Date): string {
  return at.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}
