/**
 * Evidence uploads of an entry-grade application (issue #15: the family
 * "uploads evidence if asked"). The campaign's rules list the documents
 * asked (entry/rules.ts ENTRY_DOCUMENTS: proof of residence, birth
 * certificate, primary-school record); the family uploads PDF, PNG or JPEG
 * files (the grade-10 evidence limits, priority-claims.ts EVIDENCE: 10 MB,
 * the type read from the first bytes) to the content-addressed store
 * (src/core/files). Each file belongs to the application: it records the
 * version in force when it was uploaded, and there must be one (a
 * registration with a school) before any file. The family sees and removes
 * its own files until the deadline; after it they are the dossier. The
 * admitting school opens them for its documents check (documents.ts), inside
 * its scope only. Another child's file reads as absent (404), to anyone.
 */
import type { ReadStream } from 'node:fs';
import type { Scope } from '../../../core/access/scope.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../core/errors.ts';
import type { FileStore, StoredFile } from '../../../core/files/store.ts';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { isUuid, uuidv7 } from '../../../lib/ids.ts';
import { isEntryCampaign, publicCampaignRow, requireCampaign } from '../access.ts';
import type { CandidateScope } from '../candidate-session.ts';
import { candidateById, currentApplication, type CampaignRow } from '../repo.ts';
import { vnTime } from '../submit-application.ts';
import type { EntryEvidenceAnswer, EntryEvidenceFile } from './contract.ts';
import {
  admittedByCode,
  deleteEvidence,
  evidenceOf,
  evidenceOfCandidate,
  insertEvidence,
} from './repo.ts';
import { ENTRY_DOCUMENT_LABELS, ENTRY_DOCUMENTS, type EntryDocument } from './rules.ts';

/** At most this many files of one kind per child (a document of several pages, photographed). */
export const FILES_PER_DOCUMENT = 5;

type EvidenceRow = Awaited<ReturnType<typeof evidenceOf>>[number];

function toFile(row: EvidenceRow): EntryEvidenceFile {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    size: Number(row.file_size),
    type: row.file_type,
    version: row.version,
    uploadedAt: row.created_at.toISOString(),
  };
}

/** The documents the campaign asks for, in the rules' order. */
export function askedDocuments(campaign: CampaignRow): EntryDocument[] {
  return [...(campaign.entry_rules?.documents ?? [])];
}

async function entryCampaign(db: Db, campaignId: string): Promise<CampaignRow> {
  const campaign = await publicCampaignRow(db, campaignId);
  if (!isEntryCampaign(campaign)) throw notFound('kỳ tuyển sinh lớp 1, lớp 6');
  return campaign;
}

const isOpen = (campaign: CampaignRow, now: Date) =>
  campaign.status === 'open' && now >= campaign.opens_at && now < campaign.closes_at;

function requireOpen(campaign: CampaignRow, now: Date, act: 'add' | 'remove'): void {
  if (isOpen(campaign, now)) return;
  const until = vnTime(campaign.closes_at);
  throw forbidden(
    act === 'add'
      ? `Ngoài thời gian đăng ký (hạn ${until}): không nộp thêm giấy tờ minh chứng. Chưa lưu tệp.`
      : `Ngoài thời gian đăng ký (hạn ${until}): không xoá giấy tờ minh chứng nữa. Chưa thay đổi gì.`,
  );
}

/**
 * The checks that need no file, made before the upload is read (so nothing
 * is streamed for a family that may not upload): an entry campaign asking
 * for documents, the window open, and an application in force.
 */
export async function checkEvidenceUpload(
  db: Db,
  candidate: CandidateScope,
  now: Date = new Date(),
): Promise<void> {
  const campaign = await entryCampaign(db, candidate.campaignId);
  if (askedDocuments(campaign).length === 0)
    throw conflict('Kỳ tuyển sinh này không yêu cầu nộp giấy tờ minh chứng trực tuyến.');
  requireOpen(campaign, now, 'add');
  const current = await currentApplication(db, candidate.candidateId);
  if (!current || current.version === 0 || current.preferences.length === 0)
    throw conflict(
      'Hãy lưu hồ sơ đăng ký (nơi cư trú và trường chọn) trước khi tải giấy tờ minh chứng lên. Chưa lưu tệp.',
    );
}

/** A file already in the store, attached to the child's application in force. */
export async function addEntryEvidence(
  db: Db,
  candidate: CandidateScope,
  input: { kind: string | undefined; file: StoredFile & { fileName: string } },
  now: Date = new Date(),
): Promise<EntryEvidenceFile> {
  await checkEvidenceUpload(db, candidate, now);
  const campaign = await entryCampaign(db, candidate.campaignId);
  const asked = askedDocuments(campaign);
  const kind = input.kind as EntryDocument | undefined;
  if (!kind || !(ENTRY_DOCUMENTS as readonly string[]).includes(kind) || !asked.includes(kind)) {
    const list = asked.map((k) => `${k} (${ENTRY_DOCUMENT_LABELS[k].vi})`).join(', ');
    const message = `Loại giấy tờ "${input.kind ?? ''}" không nằm trong danh sách kỳ tuyển sinh yêu cầu: ${list}.`;
    throw badRequest(`${message} Chưa lưu tệp.`, [{ path: 'kind', message }]);
  }
  const me = await candidateById(db, candidate.candidateId);
  const current = await currentApplication(db, candidate.candidateId);
  if (!me || !current) throw notFound('trẻ');
  const id = uuidv7();
  await writeTransaction(
    db,
    { ...systemActor(`gia đình trẻ ${me.code} nộp giấy tờ minh chứng`), ip: candidate.ip },
    async (tx) => {
      const already = (await evidenceOf(tx, me.id)).filter((f) => f.kind === kind).length;
      if (already >= FILES_PER_DOCUMENT)
        throw conflict(
          `Đã có ${already} tệp "${ENTRY_DOCUMENT_LABELS[kind].vi}" (tối đa ${FILES_PER_DOCUMENT}): hãy xoá bớt tệp cũ rồi tải lên lại. Chưa lưu tệp.`,
        );
      await insertEvidence(tx, {
        id,
        candidate_id: me.id,
        campaign_id: campaign.id,
        school_id: me.school_id,
        kind,
        version: current.version,
        file_sha256: input.file.sha256,
        file_name: input.file.fileName.slice(0, 200) || 'tep',
        file_size: input.file.size,
        file_type: input.file.sniffedType ?? 'application/octet-stream',
      });
    },
  );
  return toFile((await evidenceOfCandidate(db, me.id, id))!);
}

/** The child's files and the documents asked, for the family's page. */
export async function myEntryEvidence(
  db: Db,
  candidate: CandidateScope,
  now: Date = new Date(),
): Promise<EntryEvidenceAnswer> {
  const campaign = await entryCampaign(db, candidate.campaignId);
  return {
    asked: askedDocuments(campaign),
    files: (await evidenceOf(db, candidate.candidateId)).map(toFile),
    open: isOpen(campaign, now),
  };
}

/** The family removes one of its own files before the deadline (audited). */
export async function removeEntryEvidence(
  db: Db,
  candidate: CandidateScope,
  fileId: string,
  now: Date = new Date(),
): Promise<void> {
  const campaign = await entryCampaign(db, candidate.campaignId);
  if (!isUuid(fileId) || !(await evidenceOfCandidate(db, candidate.candidateId, fileId)))
    throw notFound('tệp minh chứng');
  requireOpen(campaign, now, 'remove');
  const me = await candidateById(db, candidate.candidateId);
  await writeTransaction(
    db,
    { ...systemActor(`gia đình trẻ ${me?.code ?? ''} xoá giấy tờ minh chứng`), ip: candidate.ip },
    (tx) => deleteEvidence(tx, candidate.candidateId, fileId),
  );
}

async function openFile(
  files: FileStore,
  row: EvidenceRow,
): Promise<{ stream: ReadStream; name: string; type: string }> {
  if (!(await files.has(row.file_sha256)))
    throw new AppError(410, 'Không còn tệp', 'Tệp minh chứng không còn trong kho lưu trữ.');
  return { stream: await files.open(row.file_sha256), name: row.file_name, type: row.file_type };
}

/** One of the family's own files. */
export async function openMyEntryEvidence(
  db: Db,
  candidate: CandidateScope,
  files: FileStore,
  fileId: string,
): Promise<{ stream: ReadStream; name: string; type: string }> {
  await entryCampaign(db, candidate.campaignId);
  const row = isUuid(fileId)
    ? await evidenceOfCandidate(db, candidate.candidateId, fileId)
    : undefined;
  if (!row) throw notFound('tệp minh chứng');
  return openFile(files, row);
}

/**
 * The admitted child of one of the caller's schools (the documents check:
 * after publication, the admitting school or a unit above it).
 */
async function admittedInScope(db: Db, scope: Scope, campaignId: string, code: string) {
  const campaign = await requireCampaign(db, scope, campaignId, 'admissions.candidates');
  if (!isEntryCampaign(campaign))
    throw badRequest('Giấy tờ minh chứng chỉ có ở tuyển sinh lớp 1, lớp 6.');
  if (campaign.status !== 'published')
    throw conflict('Chưa công bố kết quả: chưa có trẻ trúng tuyển để kiểm tra hồ sơ.');
  const row = await admittedByCode(db, campaign.id, code);
  if (!row || !scope.containsPath(row.school_path))
    throw notFound('trẻ trúng tuyển vào trường của bạn có mã này');
  return { campaign, row };
}

/** The admitted child's files, for the school checking the documents. */
export async function admittedEvidence(
  db: Db,
  scope: Scope,
  campaignId: string,
  code: string,
): Promise<EntryEvidenceAnswer> {
  const { campaign, row } = await admittedInScope(db, scope, campaignId, code);
  return {
    asked: askedDocuments(campaign),
    files: (await evidenceOf(db, row.id)).map(toFile),
    open: false,
  };
}

/** One file of an admitted child of the caller's schools. */
export async function openAdmittedEvidence(
  db: Db,
  scope: Scope,
  files: FileStore,
  campaignId: string,
  code: string,
  fileId: string,
): Promise<{ stream: ReadStream; name: string; type: string }> {
  const { row } = await admittedInScope(db, scope, campaignId, code);
  const file = isUuid(fileId) ? await evidenceOfCandidate(db, row.id, fileId) : undefined;
  if (!file) throw notFound('tệp minh chứng');
  return openFile(files, file);
}
