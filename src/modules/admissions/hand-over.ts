import type { Scope } from '../../core/access/scope.ts';
import { conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { receiveIncomingStudents, type IncomingStudent } from '../registry/index.ts';
import { isEntryCampaign, requireCampaign } from './access.ts';
import type { HandOverAnswer, HandOverPreview } from './contract.ts';
import { confirmedCandidates, markHandedOver, type CampaignRow } from './repo.ts';

type Confirmed = Awaited<ReturnType<typeof confirmedCandidates>>[number];

/** The registry's source name of a campaign's hand-over (its rows are traced to it). */
export const handOverSource = (campaignId: string): string => `admissions:${campaignId}`;

/**
 * Sends the campaign's admitted and confirmed candidates to the registry as
 * the admitting schools' incoming students for the campaign's school year
 * and grade (issue #14; TT 30/2024/TT-BGDĐT, Quy chế tuyển sinh THCS và
 * THPT: only a candidate who confirmed enrolment takes the seat, one who
 * declined or let the deadline pass does not). A registry candidate goes as
 * their own registry record, a free candidate with the data the recording
 * school gave. The department only, after publication. Re-running sends
 * nobody twice (the registry keeps one intake per campaign and code) and
 * sends those confirmed since (top-up offers).
 *
 * Entry grades (issue #15): the same, as incoming grade-1 or grade-6
 * students, and only children whose admitting school has checked their
 * documents (entry/documents.ts); the others are listed as not sent.
 */
export async function handOverToRegistry(
  db: Db,
  scope: Scope,
  campaignId: string,
): Promise<HandOverAnswer> {
  const campaign = await requireHandOver(db, scope, campaignId);
  const rows = await confirmedCandidates(db, campaign.id);
  const { sendable, notSent } = split(rows, isEntryCampaign(campaign));
  if (!sendable.length) return { sent: 0, alreadyThere: 0, bySchool: [], notSent };
  const receipts = await receiveIncomingStudents(db, scope.actor, {
    schoolYear: campaign.school_year,
    source: handOverSource(campaign.id),
    students: sendable.map((r) => toIncoming(r, campaign.grade)),
  });
  await writeTransaction(db, scope.actor, (tx) =>
    markHandedOver(
      tx,
      campaign.id,
      sendable.map((r) => r.id),
    ),
  );
  const created = new Map(receipts.map((r) => [r.reference, r.created]));
  const bySchool = new Map<string, HandOverAnswer['bySchool'][number]>();
  for (const r of sendable) {
    const school = bySchool.get(r.school_id!) ?? {
      schoolId: r.school_id!,
      schoolCode: r.school_code,
      schoolName: r.school_name,
      sent: 0,
      alreadyThere: 0,
    };
    if (created.get(r.code)) school.sent++;
    else school.alreadyThere++;
    bySchool.set(school.schoolId, school);
  }
  const schools = [...bySchool.values()].sort((a, b) => (a.schoolCode < b.schoolCode ? -1 : 1));
  return {
    sent: schools.reduce((n, s) => n + s.sent, 0),
    alreadyThere: schools.reduce((n, s) => n + s.alreadyThere, 0),
    bySchool: schools,
    notSent,
  };
}

/** What a hand-over would send now (the confirmation dialog's figures). */
export async function previewHandOver(
  db: Db,
  scope: Scope,
  campaignId: string,
): Promise<HandOverPreview> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  if (campaign.status !== 'published')
    return { published: false, confirmed: 0, handedOver: 0, notSent: [] };
  const rows = await confirmedCandidates(db, campaign.id);
  const { sendable, notSent } = split(rows, isEntryCampaign(campaign));
  return {
    published: true,
    confirmed: sendable.length,
    handedOver: sendable.filter((r) => r.handed_over_at).length,
    notSent,
  };
}

async function requireHandOver(db: Db, scope: Scope, campaignId: string): Promise<CampaignRow> {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.manage');
  if (campaign.status !== 'published')
    throw conflict(
      'Chưa công bố kết quả: chỉ chuyển học sinh trúng tuyển sang cơ sở dữ liệu ngành sau khi công bố kết quả và thí sinh xác nhận nhập học.',
    );
  return campaign;
}

function split(rows: Confirmed[], entry: boolean) {
  const sendable: Confirmed[] = [];
  const notSent: HandOverAnswer['notSent'] = [];
  for (const r of rows)
    // Entry grades: the admitting school confirms each admission after checking documents.
    if (entry && !r.documents_checked_at)
      notSent.push({
        code: r.code,
        fullName: r.full_name,
        reason: 'Trường chưa xác nhận hồ sơ của trẻ (kiểm tra giấy tờ): chưa chuyển.',
      });
    else if (r.student_id || r.gender) sendable.push(r);
    else
      notSent.push({
        code: r.code,
        fullName: r.full_name,
        reason:
          'Thí sinh tự do chưa có giới tính: cơ sở dữ liệu ngành cần giới tính để lập hồ sơ học sinh.',
      });
  return { sendable, notSent };
}

function toIncoming(r: Confirmed, grade: number): IncomingStudent {
  const base = { reference: r.code, toSchoolId: r.school_id!, grade };
  if (r.student_id) return { ...base, studentId: r.student_id };
  return {
    ...base,
    person: { fullName: r.full_name, birthDate: r.birth_date, gender: r.gender! },
  };
}
